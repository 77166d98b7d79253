import { describe, expect, it, vi } from "vitest";
import { runBundle, built, CDN, clinicBookingGlobal, demoConfig, runScript, scriptTag, widgetIn } from "./harness";
import { API_VERSION } from "../../embed/api";

describe("loader.js then clinic-booking.js", () => {
  it("queues the page's calls and replays them in order once the bundle runs", async () => {
    document.body.innerHTML = `<div id="booking"></div>`;
    runScript(built("loader.js"), scriptTag(`${CDN}loader.js`));

    const stub = clinicBookingGlobal();
    expect(stub).toBeTypeOf("function");
    expect(stub?.version).toBeUndefined();

    const errors: unknown[] = [];
    const ready: unknown[] = [];
    stub?.("on", "error", (detail) => errors.push(detail));
    stub?.("on", "ready", (detail) => ready.push(detail));
    stub?.("init", { target: "#booking", id: "main-widget", config: demoConfig() });
    stub?.("init", { target: "#booking", id: "broken", mode: "popup", config: { clinic: {} } });
    expect(document.querySelector("clinic-booking")).toBeNull();

    const requested = document.head.querySelectorAll<HTMLScriptElement>("script[src]");
    expect(Array.from(requested, (s) => s.src)).toEqual([`${CDN}clinic-booking.js`]);
    expect(Array.from(requested, (s) => s.type)).toEqual(["module"]);
    expect(requested[0]?.async).toBe(true);

    await runBundle(requested[0] ?? null);

    const api = clinicBookingGlobal();
    expect(api).not.toBe(stub);
    expect(api?.version).toBe(API_VERSION);
    const main = document.querySelector("#booking > clinic-booking#main-widget");
    expect(main).not.toBeNull();
    await vi.waitFor(() => expect(widgetIn(main as Element)?.childElementCount).toBeGreaterThan(0));
    // "ready" waits for the whole flow, which loads after the first step has painted.
    await vi.waitFor(() => expect(ready).toEqual([{ mode: "inline", locale: "en" }]));
    // The listener registered before the bundle existed hears the invalid second widget.
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toMatchObject({ kind: "config" });
  });

  it("creates what the loader's data-* attributes describe", async () => {
    document.body.innerHTML = "";
    document.head.innerHTML = "";
    Reflect.deleteProperty(window, "ClinicBooking");
    const config = JSON.stringify(demoConfig());
    document.body.insertAdjacentHTML("beforeend", `<script type="application/json" id="clinic-config"></script>`);
    const block = document.getElementById("clinic-config");
    if (block) block.textContent = config;

    const tag = scriptTag(`${CDN}loader.js`, { "config-id": "clinic-config", mode: "floating", label: "Book now", id: "float" });
    runScript(built("loader.js"), tag);
    await runBundle(document.head.querySelector("script[src]"));

    const element = document.querySelector("body > clinic-booking#float");
    expect(element?.getAttribute("mode")).toBe("floating");
    expect(element?.getAttribute("config-id")).toBe("clinic-config");
    await vi.waitFor(() => expect(element?.shadowRoot?.querySelector('[part="floating-button"]')?.textContent).toBe("Book now"));
  });
});
