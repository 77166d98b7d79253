import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { budgets, EMBED, LIMITS, ROOT, scriptsIn, servedSize, sizeOf } from "../../scripts/bundle-budgets";

describe("the built files", () => {
  it("keeps the snippet's loader within 1 KB as sent (brotli)", () => {
    expect(LIMITS.loader).toBe(1024);
    expect(servedSize("dist/embed/loader.js")).toBeLessThanOrEqual(LIMITS.loader);
  });

  it("writes a brotli copy smaller than each file, so that is what clients download", () => {
    for (const file of scriptsIn(EMBED)) {
      expect(servedSize(file), file).toBeLessThan(readFileSync(resolve(ROOT, file)).length);
    }
  });

  it("is the production build, without Preact's devtools hook", () => {
    for (const file of scriptsIn(EMBED)) expect(readFileSync(resolve(ROOT, file), "utf8"), file).not.toContain("__PREACT_DEVTOOLS__");
  });

  it("paints the service step with at most 22 KB brotli, the loader and the bundle, no chunk", () => {
    const paint = budgets().find((budget) => budget.name.startsWith("code to paint"));
    if (!paint) throw new Error("no paint budget");
    // A static import of a chunk would put it on the first paint's path.
    expect(paint.files).toEqual(["dist/embed/loader.js", "dist/embed/clinic-booking.js"]);
    expect(paint.limit).toBe(22 * 1024);
    expect(sizeOf(paint)).toBeLessThanOrEqual(paint.limit);
  });

  it("paints it in French with at most 22 KB brotli, with only the first step's French strings added", () => {
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
