import { describe, expect, it, vi } from "vitest";
import { runBundle, demoConfig, inlineConfig, widgetIn } from "./harness";

describe("the mounted widget", () => {
  it("lives in an open shadow root styled by adopted sheets, with no <style> element anywhere", async () => {
    await runBundle(null);
    inlineConfig("clinic-config", JSON.stringify(demoConfig()));
    document.body.insertAdjacentHTML("beforeend", `<clinic-booking id="w" config-id="clinic-config"></clinic-booking>`);
    const element = document.getElementById("w") as HTMLElement;

    await vi.waitFor(() => expect(widgetIn(element)?.childElementCount).toBeGreaterThan(0));
    const root = element.shadowRoot;
    expect(root?.mode).toBe("open");
    // The element's sheet (dialog, button, errors) and the widget's own.
    expect(root?.adoptedStyleSheets.length).toBeGreaterThanOrEqual(2);
    expect(root?.querySelectorAll("style")).toHaveLength(0);
    expect(document.querySelectorAll("style")).toHaveLength(0);
    // Nothing of the widget leaks into the page's own DOM.
    expect(element.children).toHaveLength(0);
  });
});
