import { describe, expect, it, vi } from "vitest";
import { within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { defineClinicBooking } from "../../embed/element";
import { en } from "../../src/widget/i18n/en";
import { createElement, demo, describesCards, earlyPaintLifecycle, eventsOf, LOADED, paintedHeadings, previewOf, shadowOf } from "./support/early-paint";

const support = await vi.hoisted(() => import("./support/early-paint"));
vi.mock("../../embed/after-paint", () => support.heldAfterPaint());
vi.mock("../../embed/widget-code", () => support.flowWithoutNetwork());

vi.setConfig({ testTimeout: 20_000 });

const user = () => userEvent.setup({ delay: null });
const radioCount = () => (demo().services as { durations: unknown[] }[]).reduce((n, s) => n + s.durations.length, 0);

const code = earlyPaintLifecycle(defineClinicBooking);

describe("the first step, painted before the flow's code is there", () => {
  it("shows every service and length from the unchecked config, and says what is missing on Continue", async () => {
    const element = createElement();
    const ready = eventsOf(element, "ready");
    const { root, query } = await previewOf(element);

    expect(query.getAllByRole("radio")).toHaveLength(radioCount());
    expect((query.getByRole("radio", { name: /^Clinical massage, 60 min, \$115\.00$/ }) as HTMLInputElement).checked).toBe(false);
    const region = query.getByRole("region", { name: en["widget.label"].replace("{clinic}", "Harbourview Clinical Massage") });
    expect(within(region).getAllByRole("radio")).toHaveLength(radioCount());
    // The flow has not been mounted: no config checked, no "ready".
    expect(code.mounts).toHaveLength(0);
    expect(element.clinicConfig).toBeNull();
    expect(ready).toEqual([]);

    await user().click(query.getByRole("button", { name: en["nav.continue"] }));
    expect(describesCards(root, query.getByText(en["service.error.choose-service"]))).toBe(true);
    await vi.waitFor(() => expect(root.activeElement).toBe(query.getAllByRole("radio")[0]));
    expect(query.getAllByRole("radio").every((r) => r.getAttribute("aria-invalid") === "true")).toBe(true);

    await user().click(query.getByRole("radio", { name: /^Sports massage, 30 min/ }));
    expect(query.queryByText(en["service.error.choose-service"])).toBeNull();

    code.release();
    await vi.waitFor(() => expect(ready).toEqual([{ mode: "inline", locale: "en" }]), LOADED);
    expect(element.clinicConfig?.clinic.name).toBe("Harbourview Clinical Massage");
  });

  it("asks only for a length when the page named the service", async () => {
    const element = createElement({ service: "deep-tissue" });
    const { root, query } = await previewOf(element);
    expect(query.getByRole("group", { name: "Deep tissue massage" }).className).toContain("cb-card--chosen");
    await user().click(query.getByRole("button", { name: en["nav.continue"] }));
    expect(describesCards(root, query.getByText(en["service.error.choose-duration"]))).toBe(true);
  });

  it("shows a service the page asks for while the step is on screen, unless the client chose one", async () => {
    const element = createElement();
    const { query } = await previewOf(element);
    const card = (name: string) => query.getByRole("group", { name });
    // What a "Book this" button does: prefill, then open.
    element.prefill({ serviceId: "sports-massage" });
    await vi.waitFor(() => expect(card("Sports massage").className).toContain("cb-card--chosen"));

    await user().click(query.getByRole("radio", { name: /^Deep tissue massage, 30 min/ }));
    element.prefill({ serviceId: "trigger-point" });
    element.setAttribute("service", "clinical-massage");

    const chosen = query.getByRole("radio", { name: /^Deep tissue massage, 30 min/ });
    code.release();
    // The flow renders the step at once when it takes over: what it shows is the model's state.
    await vi.waitFor(() => expect(element.clinicConfig).not.toBeNull(), LOADED);
    expect(code.mounts).toHaveLength(1);
    expect(query.getByRole("radio", { name: /^Deep tissue massage, 30 min/ })).toBe(chosen);
    expect((chosen as HTMLInputElement).checked).toBe(true);
    expect(card("Trigger point therapy").className).not.toContain("cb-card--chosen");
    expect(card("Clinical massage").className).not.toContain("cb-card--chosen");
  });

  it("goes on as the flow's step: the same controls, the choice and the focus stay, the deals appear", async () => {
    const element = createElement();
    const ready = eventsOf(element, "ready");
    const { root, query } = await previewOf(element);
    const early = query.getByRole("radio", { name: /^Sports massage, 45 min/ });
    await user().click(early);
    expect(root.activeElement).toBe(early);
    // Deal badges need the checked config: none before the flow.
    expect(query.queryAllByText(/^Offer: /)).toEqual([]);

    code.release();
    await vi.waitFor(() => expect(ready).toHaveLength(1), LOADED);
    expect(query.getAllByText(/^Offer: /).length).toBeGreaterThan(0);
    const late = query.getByRole("radio", { name: /^Sports massage, 45 min/ }) as HTMLInputElement;
    expect(late).toBe(early);
    expect(late.checked).toBe(true);
    expect(root.activeElement).toBe(late);
    expect(query.getAllByRole("radio")).toHaveLength(radioCount());
    expect(root.querySelectorAll("section.cb-step")).toHaveLength(1);

    // The flow's own rules now: Continue leads to the health step.
    await user().click(query.getByRole("button", { name: en["nav.continue"] }));
    await query.findByRole("heading", { level: 2, name: en["step.health"] });
  });

  it("keeps focus in the step when it was on something other than a radio", async () => {
    const element = createElement();
    const { root, query } = await previewOf(element);
    const heading = query.getByRole("heading", { level: 2 });
    heading.focus();
    expect(root.activeElement).toBe(heading);

    code.release();
    await vi.waitFor(() => expect(element.clinicConfig).not.toBeNull(), LOADED);
    expect(query.getByRole("heading", { level: 2 })).toBe(heading);
    expect(root.activeElement).toBe(heading);
  });

  it("carries a Continue pressed early on to the next step, its heading focused", async () => {
    const element = createElement();
    const { root, query } = await previewOf(element);
    await user().click(query.getByRole("radio", { name: /^Clinical massage, 60 min/ }));
    await user().click(query.getByRole("button", { name: en["nav.continue"] }));
    // Continue waits for the flow.
    expect(query.getByRole("heading", { level: 2 }).textContent).toBe(en["service.heading"]);

    code.release();
    const health = await query.findByRole("heading", { level: 2, name: en["step.health"] }, LOADED);
    await vi.waitFor(() => expect(root.activeElement).toBe(health));
    await user().click(query.getByRole("button", { name: en["nav.back"] }));
    await query.findByRole("heading", { level: 2, name: en["service.heading"] });
    expect((query.getByRole("radio", { name: /^Clinical massage, 60 min/ }) as HTMLInputElement).checked).toBe(true);
  });
});

describe("a config the schema refuses", () => {
  it("replaces the painted step with every problem, and reports it", async () => {
    const config = demo();
    delete config.policies;
    const element = createElement({}, config);
    const { root } = shadowOf(element);
    const elementSheets = root.adoptedStyleSheets.length;
    const errors = eventsOf(element, "error");
    const ready = eventsOf(element, "ready");
    await previewOf(element);
    expect(errors).toEqual([]);

    code.release();
    await vi.waitFor(() => expect(root.querySelector(".config-error")).not.toBeNull(), LOADED);
    const lines = Array.from(root.querySelectorAll(".config-error li"), (li) => li.textContent ?? "");
    expect(lines.map((line) => line.slice(0, line.indexOf(":")))).toEqual(["policies"]);
    expect(root.querySelector(".cb-step")).toBeNull();
    expect(root.querySelectorAll('[role="radio"], input')).toHaveLength(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: "config", issues: [{ path: "policies" }] });
    expect(ready).toEqual([]);
    expect(code.mounts).toHaveLength(0);
    // The painted step's stylesheet leaves with it.
    expect(root.adoptedStyleSheets).toHaveLength(elementSheets);
  });

  it("paints nothing early from a services list with a hole, and the schema says where", async () => {
    const config = demo();
    const services = config.services as unknown[];
    // Only a script can hand over such a list (JSON has no holes), through the config property.
    delete services[0];
    const element = createElement();
    const painted = paintedHeadings(element);
    element.config = config;
    const errors = eventsOf(element, "error");

    code.release();
    await vi.waitFor(() => expect(errors).toHaveLength(1), LOADED);
    expect(errors[0]).toMatchObject({ kind: "config", issues: expect.arrayContaining([expect.objectContaining({ path: "services[0]" })]) });
    expect(painted).toEqual([]);
    expect(element.shadowRoot?.querySelector(".config-error")).not.toBeNull();
  });
});
