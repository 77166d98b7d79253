import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";

// Read directly rather than through a fixture that imports the config modules, so the
// first evaluation of those modules happens under the spies.
const DEMO_CONFIG_TEXT = readFileSync(new URL("../../demo/clinic.json", import.meta.url), "utf8");
const demoClinicInput = (): Record<string, unknown> => JSON.parse(DEMO_CONFIG_TEXT) as Record<string, unknown>;

/**
 * A host page may send `Content-Security-Policy: script-src 'self'` without
 * 'unsafe-eval'. Then `new Function` and `eval` throw (and are reported as violations),
 * so building and using the config schemas must never reach them.
 */
describe("config schemas under a CSP without unsafe-eval", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function spyOnCodeGeneration() {
    return { fn: vi.spyOn(globalThis, "Function"), evaluate: vi.spyOn(globalThis, "eval") };
  }

  it("control: the spies see code generated from strings", () => {
    const spies = spyOnCodeGeneration();
    const compiled = new Function("a", "b", "return a + b") as (a: number, b: number) => number;
    expect(compiled(2, 3)).toBe(5);
    expect(spies.fn).toHaveBeenCalledTimes(1);
    expect((0, globalThis.eval)("1 + 1")).toBe(2);
    expect(spies.evaluate).toHaveBeenCalledTimes(1);
  });

  it("constructing every schema and parsing configs, valid and not, generates no code", async () => {
    const spies = spyOnCodeGeneration();
    // Fresh modules, so the schemas are built while the spies watch.
    vi.resetModules();
    const { z } = await import("../../src/core/zod");
    const config = await import("../../src/core/config");
    await import("../../src/core/booking/contract");

    expect(z.config().jitless).toBe(true);
    const valid = config.parseClinicConfig(demoClinicInput());
    expect(valid.ok).toBe(true);
    const invalid = config.parseClinicConfig({ ...demoClinicInput(), services: [{ id: "X", durations: [{ price: 1.5 }] }] });
    expect(invalid.ok).toBe(false);
    expect(config.ClinicConfigSchema.safeParse(demoClinicInput()).success).toBe(true);
    // Repeated parses are where a JIT would kick in.
    for (let i = 0; i < 5; i++) config.ClinicConfigSchema.safeParse(demoClinicInput());

    expect(spies.fn).not.toHaveBeenCalled();
    expect(spies.evaluate).not.toHaveBeenCalled();
  });

  it("control: the same spies catch zod compiling a parser", async () => {
    const { z } = await import("../../src/core/zod");
    const spies = spyOnCodeGeneration();
    // The functional API never compiles on its own; an explicit compile is zod's one way to `new Function`.
    const schema = z.compile(z.object({ name: z.string(), minutes: z.number() }));
    expect(schema.parse({ name: "x", minutes: 30 })).toEqual({ name: "x", minutes: 30 });
    expect(spies.fn).toHaveBeenCalled();
  });
});
