import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ClinicConfigSchema, parseClinicConfig } from "../../src/core/config";
import { demoClinicInput, editAt, REMOVE, valueAt } from "./fixtures/demo-clinic";
import { anyValue } from "./fixtures/any-value";

const RUNS = 200;


/** Every path in the demo config, in the form errors use ("services[2].durations[0].price"). */
function pathsOf(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, i) => [`${prefix}[${i}]`, ...pathsOf(item, `${prefix}[${i}]`)]);
  }
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => {
      const path = prefix === "" ? key : `${prefix}.${key}`;
      return [path, ...pathsOf(item, path)];
    });
  }
  return [];
}

const DEMO_PATHS = pathsOf(demoClinicInput());

/** One edit of the demo config: a value replaced by arbitrary JSON, or removed. */
const mutation = fc.record({
  path: fc.constantFrom(...DEMO_PATHS),
  replacement: fc.option(fc.jsonValue(), { nil: undefined }),
});

function mutatedDemo(edits: { path: string; replacement: unknown }[]): Record<string, unknown> {
  const config = demoClinicInput();
  for (const { path, replacement } of edits) editAt(config, path, replacement === undefined ? REMOVE : replacement);
  return config;
}

function expectWellFormedResult(input: unknown): void {
  const safe = ClinicConfigSchema.safeParse(input);
  expect(typeof safe.success).toBe("boolean");
  const result = parseClinicConfig(input);
  expect(typeof result.ok).toBe("boolean");
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const issue of result.errors) {
      expect(typeof issue.path).toBe("string");
      expect(issue.path).not.toBe("");
      expect(typeof issue.code).toBe("string");
      expect(issue.message.trim()).not.toBe("");
    }
  }
  // Both entry points agree on whether the config is usable.
  expect(result.ok).toBe(safe.success);
}

describe("config validation never throws", () => {
  it("on anything at all", () => {
    fc.assert(fc.property(anyValue, expectWellFormedResult), { numRuns: RUNS });
  });

  it("on any JSON value", () => {
    fc.assert(fc.property(fc.jsonValue(), expectWellFormedResult), { numRuns: RUNS });
  });

  it("on the demo config with arbitrary parts replaced or removed", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (edits) => expectWellFormedResult(mutatedDemo(edits))),
      { numRuns: RUNS },
    );
  });

  it("on the demo config with arbitrary values of any JavaScript type spliced in", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DEMO_PATHS), anyValue, (path, replacement) =>
        expectWellFormedResult(mutatedDemo([{ path, replacement }])),
      ),
      { numRuns: RUNS },
    );
  });
});

describe("config validation is precise", () => {
  const prices = DEMO_PATHS.filter((p) => /^services\[\d+\]\.durations\[\d+\]\.price$/.test(p));

  it("reports a fractional price at its own path, whichever price it is", () => {
    const fraction = fc.double({ min: 0.01, max: 100_000, noNaN: true }).filter((n) => !Number.isInteger(n));
    fc.assert(
      fc.property(fc.constantFrom(...prices), fraction, (path, price) => {
        const result = parseClinicConfig(mutatedDemo([{ path, replacement: price }]));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors).toContainEqual(expect.objectContaining({ path }));
      }),
      { numRuns: RUNS },
    );
  });

  it("accepts its own output again, unchanged (defaults are stable)", () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 3 }), (edits) => {
        const first = parseClinicConfig(mutatedDemo(edits));
        if (!first.ok) return;
        const again = parseClinicConfig(structuredClone(first.value));
        expect(again).toEqual(first);
      }),
      { numRuns: RUNS },
    );
  });

  it("has price paths to test", () => {
    expect(prices.length).toBe(15);
    expect(valueAt(demoClinicInput(), prices[0] ?? "")).toEqual(expect.any(Number));
  });
});
