import { describe, expect, it } from "vitest";
import { createFlow, stepsFor } from "../../src/widget/models/flow";
import type { StepId } from "../../src/widget/types";

const all = () => true;

describe("flow model", () => {
  it("walks the booking steps in order and back", () => {
    const flow = createFlow();
    expect(flow.current.value).toBe("service");
    flow.next(all);
    flow.next(all);
    expect(flow.current.value).toBe("time");
    flow.back();
    expect(flow.current.value).toBe("health");
    expect([...flow.reached.value]).toEqual(["service", "health", "time"]);
  });

  it("drops the time step for a call-back request", () => {
    expect(stepsFor("callback")).not.toContain("time");
    const flow = createFlow();
    flow.next(all);
    flow.setKind("callback");
    flow.next(all);
    expect(flow.current.value).toBe("details");
  });

  it("only opens steps already reached", () => {
    const flow = createFlow();
    expect(flow.goTo("review")).toBe(false);
    expect(flow.current.value).toBe("service");
  });

  it("returns to the review after an edit when everything is still complete", () => {
    const flow = createFlow();
    for (let i = 0; i < 4; i++) flow.next(all);
    expect(flow.current.value).toBe("review");
    flow.goTo("service", { fromReview: true });
    flow.next(all);
    expect(flow.current.value).toBe("review");
  });

  it("after an edit, stops at the first step the change left incomplete", () => {
    const flow = createFlow();
    for (let i = 0; i < 4; i++) flow.next(all);
    flow.goTo("service", { fromReview: true });
    const incomplete = new Set<StepId>(["time"]);
    flow.next((step) => !incomplete.has(step));
    expect(flow.current.value).toBe("time");
    incomplete.clear();
    flow.next(all);
    expect(flow.current.value).toBe("review");
  });

  it("cannot leave the confirmation", () => {
    const flow = createFlow();
    for (let i = 0; i < 5; i++) flow.next(all);
    expect(flow.finished.value).toBe(true);
    expect(flow.goTo("details")).toBe(false);
    flow.back();
    expect(flow.current.value).toBe("confirmation");
  });
});
