import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseClinicConfig } from "../../src/core/config";
import { unknownConfigKeys } from "../../src/core/config/unknown-keys";
import { z } from "../../src/core/zod";
import { demoClinicInput, demoWith } from "./fixtures/demo-clinic";

describe("unknownConfigKeys", () => {
  it("finds nothing in the demo config", () => {
    expect(unknownConfigKeys(demoClinicInput())).toEqual([]);
  });

  it("names each key the schema does not know, with its path, at any depth", () => {
    const config = demoWith({
      "services[1].colour": "teal",
      "booking.bufferMinutes": 10,
      "therapists[0].hours.mon[0].note": "x",
      "deals[3].discount.percentage": 15,
      "clinic.address.unit": "2",
      extra: { nested: true },
    });
    expect(byPath(unknownConfigKeys(config))).toEqual(
      byPath([
        { key: "colour", path: "services[1].colour" },
        { key: "unit", path: "clinic.address.unit" },
        { key: "note", path: "therapists[0].hours.mon[0].note" },
        { key: "bufferMinutes", path: "booking.bufferMinutes" },
        { key: "percentage", path: "deals[3].discount.percentage" },
        { key: "extra", path: "extra" },
      ]),
    );
    // The schema drops them: the config is still valid.
    expect(parseClinicConfig(config).ok).toBe(true);
  });

  it("reads a key of the option a discriminated union picks, and of both sides of an intersection", () => {
    const config = demoWith({ "deals[0].code": "ONLY-FOR-PROMOS", "deals[3].code": "RUNHFX15" });
    expect(unknownConfigKeys(config)).toEqual([{ key: "code", path: "deals[0].code" }]);
    const matcher = z.intersection(z.object({ question: z.string() }), z.object({ equals: z.optional(z.string()) }));
    expect(unknownConfigKeys({ question: "q", equals: "a", other: 1 }, matcher)).toEqual([{ key: "other", path: "other" }]);
  });

  it("does not mistake a key named like an object's own property for a known one", () => {
    const config = demoWith({ "booking.constructor": 1, "booking.toString": 2 });
    const withProto = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(config).slice(1)}`) as unknown;
    expect(unknownConfigKeys(config).map((u) => u.path)).toEqual(["booking.constructor", "booking.toString"]);
    expect(unknownConfigKeys(withProto).map((u) => u.path)).toContain("__proto__");
  });

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(Array.isArray(unknownConfigKeys(input))).toBe(true);
      }),
    );
  });
});

function byPath<T extends { path: string }>(keys: T[]): T[] {
  return [...keys].sort((a, b) => a.path.localeCompare(b.path));
}
