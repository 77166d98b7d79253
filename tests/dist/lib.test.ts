import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { budgets, EMBED, ROOT, scriptsIn, sizeOf } from "../../scripts/bundle-budgets";
import { built } from "./harness";

describe("the built files", () => {
  it("keeps the snippet's loader within 1 KB gzipped", () => {
    expect(gzipSync(built("loader.js"), { level: 9 }).length).toBeLessThanOrEqual(1024);
  });

  it("is the production build, without Preact's devtools hook", () => {
    for (const file of scriptsIn(EMBED)) expect(readFileSync(resolve(ROOT, file), "utf8"), file).not.toContain("__PREACT_DEVTOOLS__");
  });

  it("paints the service step with at most 25 KB gzipped, the loader and the bundle, no chunk", () => {
    const paint = budgets().find((budget) => budget.name.startsWith("code to paint"));
    if (!paint) throw new Error("no paint budget");
    // A static import of a chunk would put it on the first paint's path.
    expect(paint.files).toEqual(["dist/embed/loader.js", "dist/embed/clinic-booking.js"]);
    expect(sizeOf(paint)).toBeLessThanOrEqual(paint.limit);
  });

  it("paints it in French with at most 25 KB gzipped, with only the first step's French strings added", () => {
    const french = budgets().find((budget) => budget.name.endsWith("in French"));
    if (!french) throw new Error("no French paint budget");
    expect(french.files).toHaveLength(3);
    expect(french.files[2]).toMatch(/^dist\/embed\/chunks\/fr-first-step-[\w-]+\.js$/);
    expect(sizeOf(french)).toBeLessThanOrEqual(french.limit);
  });

  it("ships the npm module with its declarations and without side effects", async () => {
    const lib = resolve(__dirname, "../../dist/lib/embed");
    expect(existsSync(resolve(lib, "index.d.ts"))).toBe(true);
    expect(readFileSync(resolve(lib, "index.d.ts"), "utf8")).toContain("defineClinicBooking");

    const module = (await import(resolve(lib, "index.js"))) as typeof import("../../embed/index");
    expect(customElements.get("clinic-booking")).toBeUndefined();
    expect("ClinicBooking" in window).toBe(false);
    expect(module.defineClinicBooking()).toBe(module.ClinicBookingElement);
    expect(customElements.get("clinic-booking")).toBe(module.ClinicBookingElement);
  });
});
