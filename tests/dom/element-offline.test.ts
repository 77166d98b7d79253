import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { defineClinicBooking } from "../../embed/element";
import { createElement, eventsOf, holdAfterFirstPaint, shadowOf } from "./support/early-paint";

const support = await vi.hoisted(() => import("./support/early-paint"));
const network = vi.hoisted(() => ({ online: false }));
// The flow's chunk cannot be downloaded while "offline"; the early paint needs none.
vi.mock("../../embed/after-paint", () => support.heldAfterPaint());
vi.mock("../../embed/widget-code", () => {
  if (!network.online) throw new TypeError("Failed to fetch dynamically imported module");
  return support.flowWithoutNetwork();
});

vi.setConfig({ testTimeout: 20_000 });
const LOADED = { timeout: 15_000, interval: 20 };

beforeAll(() => {
  defineClinicBooking();
});

afterEach(() => {
  document.body.replaceChildren();
});

describe("the flow's code cannot be downloaded after the first step painted", () => {
  it("shows the page's own fallback with the reason, closes an open dialog, and tries again once online", async () => {
    const code = holdAfterFirstPaint();
    const element = createElement({ mode: "popup" });
    element.innerHTML = "<p>Or call us at 902-555-0148.</p>";
    const errors = eventsOf(element, "error");
    const ready = eventsOf(element, "ready");
    const { root } = shadowOf(element);
    await vi.waitFor(() => expect(root.querySelector("dialog")).not.toBeNull(), LOADED);
    element.open();
    expect(root.querySelector("dialog")?.open).toBe(true);
    code.release();

    await vi.waitFor(() => expect(errors).toEqual([expect.objectContaining({ kind: "config-unavailable" })]), LOADED);
    expect(root.querySelector('[part="config-error"]')?.textContent).toMatch(/could not be loaded/);
    // The slot shows what the page put inside the element: its way to reach the clinic.
    expect(root.querySelector("slot")).not.toBeNull();
    expect(root.querySelector("dialog")).toBeNull();

    network.online = true;
    vi.resetModules();
    window.dispatchEvent(new Event("online"));
    await vi.waitFor(() => expect(ready).toHaveLength(1), LOADED);
    expect(root.querySelector('[part="config-error"]')).toBeNull();
  });
});
