import { describe, expect, it, vi } from "vitest";
import { runBundle, built, CDN, clinicBookingGlobal, demoConfig, inlineConfig, runScript, scriptTag } from "./harness";

describe("the snippet pasted twice", () => {
  it("requests the bundle once, defines the element once and keeps one global", async () => {
    inlineConfig("clinic-config", JSON.stringify(demoConfig()));
    const globalsBefore = new Set([...Object.keys(window), ...Object.keys(globalThis)]);
    const define = vi.spyOn(customElements, "define");

    const data = { "config-id": "clinic-config", mode: "popup" };
    runScript(built("loader.js"), scriptTag(`${CDN}loader.js`, data));
    runScript(built("loader.js"), scriptTag(`${CDN}loader.js`, data));
    const requested = document.head.querySelectorAll<HTMLScriptElement>("script[src]");
    expect(requested).toHaveLength(1);

    await runBundle(requested[0] ?? null);
    const api = clinicBookingGlobal();
    // Someone also pasted the bundle's own tag.
    await runBundle(scriptTag(`${CDN}clinic-booking.js`));

    expect(define).toHaveBeenCalledTimes(1);
    expect(clinicBookingGlobal()).toBe(api);
    expect(document.querySelectorAll("clinic-booking")).toHaveLength(1);
    const globalsAfter = new Set([...Object.keys(window), ...Object.keys(globalThis)]);
    expect([...globalsAfter].filter((k) => !globalsBefore.has(k))).toEqual(["ClinicBooking"]);

    // A loader pasted after the bundle loaded talks to the real API and requests nothing.
    runScript(built("loader.js"), scriptTag(`${CDN}loader.js`, data));
    expect(document.head.querySelectorAll("script[src]")).toHaveLength(1);
    expect(document.querySelectorAll("clinic-booking")).toHaveLength(1);
  });

  it("keeps two widgets with their own ids apart, each opened by its own buttons", async () => {
    const api = clinicBookingGlobal();
    api?.("init", { id: "second", mode: "popup", configId: "clinic-config" });
    const widgets = document.querySelectorAll("clinic-booking");
    expect(widgets).toHaveLength(2);
    const second = document.getElementById("second");
    await vi.waitFor(() => expect(second?.shadowRoot?.querySelector("dialog") ?? null).not.toBeNull());

    document.body.insertAdjacentHTML("beforeend", `<button type="button" data-clinic-booking-open="second">Book</button>`);
    document.querySelector<HTMLButtonElement>("[data-clinic-booking-open]")?.click();
    expect(second?.shadowRoot?.querySelector("dialog")?.open).toBe(true);
    const first = widgets[0] === second ? widgets[1] : widgets[0];
    expect(first?.shadowRoot?.querySelector("dialog")?.open).toBe(false);
  });
});
