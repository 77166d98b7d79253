import { describe, expect, it, vi } from "vitest";
import userEvent from "@testing-library/user-event";
import { defineClinicBooking } from "../../embed/element";
import { en } from "../../src/widget/i18n/en";
import { createElement, describesCards, earlyPaintLifecycle, LOADED, previewOf, shadowOf } from "./support/early-paint";

const support = await vi.hoisted(() => import("./support/early-paint"));
vi.mock("../../embed/after-paint", () => support.heldAfterPaint());
vi.mock("../../embed/widget-code", () => support.flowWithoutNetwork());

vi.setConfig({ testTimeout: 20_000 });

const CLINIC = "Harbourview Clinical Massage";
const code = earlyPaintLifecycle(defineClinicBooking);

describe("the dialog around the early-painted step", () => {
  it("keeps the clinic's name as its accessible name when the label or locale changes", async () => {
    const element = createElement({ mode: "popup" });
    const { root } = shadowOf(element);
    // A closed dialog hides its content from the accessibility tree: wait for the markup.
    await vi.waitFor(() => expect(root.querySelector(".cb-step")).not.toBeNull());
    const dialog = root.querySelector("dialog");
    expect(dialog?.getAttribute("aria-label")).toBe(CLINIC);

    element.setAttribute("label", "Book a massage");
    expect(dialog?.getAttribute("aria-label")).toBe(CLINIC);
    element.setAttribute("locale", "fr");
    expect(dialog?.getAttribute("aria-label")).toBe(CLINIC);

    code.release();
    await vi.waitFor(() => expect(code.mounts).toHaveLength(1), LOADED);
    expect(dialog?.getAttribute("aria-label")).toBe(CLINIC);
  });
});

describe("a Continue refused on the early-painted step", () => {
  it("is said in the live region, as the flow says it", async () => {
    const element = createElement();
    const { query } = await previewOf(element);
    const status = query.getByRole("status");
    expect(status.textContent).toBe("");

    await userEvent.setup({ delay: null }).click(query.getByRole("button", { name: en["nav.continue"] }));
    await vi.waitFor(() => expect(status.textContent).toBe(en["errors.summary.one"]));
  });
});

describe("a refused Continue when the flow takes over", () => {
  it("keeps its message and the marked controls, with focus where it was", async () => {
    const element = createElement();
    const { root, query } = await previewOf(element);
    await userEvent.setup({ delay: null }).click(query.getByRole("button", { name: en["nav.continue"] }));
    await vi.waitFor(() => expect(root.activeElement).toBe(query.getAllByRole("radio")[0]));

    code.release();
    await vi.waitFor(() => expect(code.mounts).toHaveLength(1), LOADED);
    expect(describesCards(root, query.getByText(en["service.error.choose-service"]))).toBe(true);
    expect(query.getAllByRole("radio").every((r) => r.getAttribute("aria-invalid") === "true")).toBe(true);
    expect(root.activeElement).toBe(query.getAllByRole("radio")[0]);
  });
});
