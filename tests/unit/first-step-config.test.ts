import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseClinicConfig } from "../../src/core/config";
import { readFirstStepConfig, type FirstStepConfig } from "../../src/widget/models/first-step-config";
import { demoClinicInput, demoWith, editAt, REMOVE } from "./fixtures/demo-clinic";
import { anyValue } from "./fixtures/any-value";

const RUNS = 300;

interface DemoService {
  id: string;
  name: unknown;
  description: unknown;
  durations: { minutes: number; price: number }[];
}

const demoServices = () => demoClinicInput().services as DemoService[];

/** What painting relies on: it must hold for anything the guard lets through. */
function expectPaintable(shape: FirstStepConfig): void {
  expect(typeof shape.clinicName).toBe("string");
  expect(shape.clinicName).not.toBe("");
  expect(shape.currency).toMatch(/^[A-Z]{3}$/);
  expect(Array.isArray(shape.locales)).toBe(true);
  for (let i = 0; i < shape.locales.length; i++) expect(shape.locales[i]).toMatch(/^[a-z]{2}(-[A-Z]{2})?$/);
  expect(shape.services.length).toBeGreaterThan(0);
  // Index loops, not for-of: a hole must be seen as undefined, as a view's find() would see it.
  for (let i = 0; i < shape.services.length; i++) {
    const service = shape.services[i];
    expect(typeof service?.id).toBe("string");
    expect(service?.id).not.toBe("");
    expect(service?.durations.length).toBeGreaterThan(0);
    for (let j = 0; j < (service?.durations.length ?? 0); j++) {
      const duration = service?.durations[j];
      expect(Number.isInteger(duration?.minutes) && (duration?.minutes ?? 0) >= 1).toBe(true);
      expect(Number.isInteger(duration?.price) && (duration?.price ?? -1) >= 0).toBe(true);
    }
  }
}

describe("readFirstStepConfig on the demo clinic", () => {
  it("reads the clinic's name, currency, locales, country and every service as written", () => {
    const input = demoClinicInput();
    const shape = readFirstStepConfig(input);
    expect(shape).not.toBeNull();
    expect(shape?.clinicName).toBe((input.clinic as { name: string }).name);
    expect(shape?.currency).toBe(input.currency);
    expect(shape?.locales).toEqual(input.locales);
    expect(shape?.country).toBe((input.clinic as { address: { country: string } }).address.country);
    expect(shape?.services).toEqual(demoServices());
  });

  it("leaves out locales and the address without refusing the config", () => {
    const shape = readFirstStepConfig(demoWith({ locales: REMOVE, "clinic.address": REMOVE }));
    expect(shape?.locales).toEqual([]);
    expect(shape?.country).toBeUndefined();
    expect(shape?.services.map((s) => s.id)).toEqual(demoServices().map((s) => s.id));
  });

  it("accepts a service name given as one string for every language", () => {
    const shape = readFirstStepConfig(demoWith({ "services[0].name": "Massage" }));
    expect(shape?.services[0]?.name).toBe("Massage");
  });
});

describe("readFirstStepConfig refuses shapes it cannot paint", () => {
  const sparse = (length: number, at: number, value: unknown): unknown[] => {
    const list: unknown[] = new Array<unknown>(length);
    list[at] = value;
    return list;
  };
  const cases: [string, () => unknown][] = [
    ["null", () => null],
    ["a string", () => JSON.stringify(demoClinicInput())],
    ["an array", () => [demoClinicInput()]],
    ["no clinic", () => demoWith({ clinic: REMOVE })],
    ["a clinic that is a string", () => demoWith({ clinic: "Harbourview" })],
    ["no clinic name", () => demoWith({ "clinic.name": REMOVE })],
    ["an empty clinic name", () => demoWith({ "clinic.name": "" })],
    ["a clinic name that is a number", () => demoWith({ "clinic.name": 7 })],
    ["no currency", () => demoWith({ currency: REMOVE })],
    ["a lower-case currency", () => demoWith({ currency: "cad" })],
    ["a currency symbol", () => demoWith({ currency: "$" })],
    ["a four-letter currency", () => demoWith({ currency: "CADD" })],
    ["locales that are not a list", () => demoWith({ locales: "en" })],
    ["locales that are not strings", () => demoWith({ locales: ["en", 3] })],
    ["an empty locale", () => demoWith({ locales: ["en", ""] })],
    ["a locale that is not a language tag", () => demoWith({ locales: ["constructor"] })],
    ["no services", () => demoWith({ services: REMOVE })],
    ["empty services", () => demoWith({ services: [] })],
    ["services that are an object", () => demoWith({ services: { first: demoServices()[0] } })],
    ["a service that is null", () => demoWith({ "services[1]": null })],
    ["a service without id", () => demoWith({ "services[0].id": REMOVE })],
    ["a service with an empty id", () => demoWith({ "services[0].id": "" })],
    ["a service with a numeric id", () => demoWith({ "services[0].id": 1 })],
    ["a service without name", () => demoWith({ "services[2].name": REMOVE })],
    ["a name that is an empty object", () => demoWith({ "services[0].name": {} })],
    ["a name with an empty text", () => demoWith({ "services[0].name": { en: "Massage", fr: "" } })],
    ["a name with a number for a text", () => demoWith({ "services[0].name": { en: 5 } })],
    ["a description that is an empty object", () => demoWith({ "services[0].description": {} })],
    ["a description that is an empty string", () => demoWith({ "services[0].description": "" })],
    ["a service without durations", () => demoWith({ "services[0].durations": REMOVE })],
    ["a service with no duration", () => demoWith({ "services[0].durations": [] })],
    ["a duration with a fractional price", () => demoWith({ "services[0].durations[0].price": 85.5 })],
    ["a duration with a negative price", () => demoWith({ "services[0].durations[1].price": -100 })],
    ["a duration with a price as text", () => demoWith({ "services[0].durations[0].price": "7000" })],
    ["a duration of zero minutes", () => demoWith({ "services[1].durations[0].minutes": 0 })],
    ["a duration of fractional minutes", () => demoWith({ "services[1].durations[0].minutes": 45.5 })],
    ["a duration that is null", () => demoWith({ "services[1].durations[2]": null })],
    ["services with a hole", () => demoWith({ services: sparse(2, 1, demoServices()[0]) })],
    ["durations with a hole", () => demoWith({ "services[0].durations": sparse(2, 1, { minutes: 30, price: 7000 }) })],
    ["locales with a hole", () => demoWith({ locales: sparse(2, 0, "en") })],
  ];

  it.each(cases)("%s", (_name, make) => {
    expect(readFirstStepConfig(make())).toBeNull();
  });

  it("sees the demo config as paintable, so each refusal above comes from its one change", () => {
    expect(readFirstStepConfig(demoClinicInput())).not.toBeNull();
  });
});


/** Paths the service step reads, where mutations matter most, and a few elsewhere. */
const PATHS = [
  "clinic",
  "clinic.name",
  "clinic.address",
  "clinic.address.country",
  "currency",
  "locales",
  "locales[0]",
  "services",
  ...demoServices().flatMap((service, i) => [
    `services[${i}]`,
    `services[${i}].id`,
    `services[${i}].name`,
    `services[${i}].name.en`,
    `services[${i}].description`,
    `services[${i}].durations`,
    ...service.durations.flatMap((_d, j) => [
      `services[${i}].durations[${j}]`,
      `services[${i}].durations[${j}].minutes`,
      `services[${i}].durations[${j}].price`,
    ]),
  ]),
  "policies",
  "submit",
];

const edit = fc.record({ path: fc.constantFrom(...PATHS), value: fc.option(anyValue, { nil: REMOVE }) });

function mutated(edits: { path: string; value: unknown }[]): Record<string, unknown> {
  const config = demoClinicInput();
  for (const { path, value } of edits) {
    try {
      editAt(config, path, value);
    } catch {
      // An edit inside a value spliced in by an earlier edit (a boxed string's characters) is skipped.
    }
  }
  return config;
}

function checkAnything(input: unknown): void {
  const shape = readFirstStepConfig(input);
  if (shape) expectPaintable(shape);
}

describe("readFirstStepConfig never throws and only lets paintable configs through", () => {
  it("on anything at all", () => {
    fc.assert(fc.property(anyValue, checkAnything), { numRuns: RUNS });
  });

  it("on objects shaped like a config, with arbitrary parts", () => {
    const duration = fc.record({ minutes: anyValue, price: anyValue }, { requiredKeys: [] });
    const service = fc.record({ id: anyValue, name: anyValue, description: anyValue, durations: fc.array(duration, { maxLength: 3 }) }, { requiredKeys: [] });
    const config = fc.record(
      {
        clinic: fc.record({ name: anyValue, address: fc.record({ country: anyValue }) }, { requiredKeys: [] }),
        currency: fc.oneof(fc.constantFrom("CAD", "EUR", "cad"), anyValue),
        locales: fc.oneof(fc.array(fc.constantFrom("en", "fr", "fr-CA", "", "toString")), anyValue),
        services: fc.oneof(fc.array(service, { maxLength: 3 }), fc.sparseArray(service, { maxLength: 3 }), anyValue),
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(config, checkAnything), { numRuns: RUNS });
  });

  it("on the demo config with parts replaced by any value or removed", () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => checkAnything(mutated(edits))),
      { numRuns: RUNS },
    );
  });

  it("on the demo config with holes punched in its lists", () => {
    const holes = fc.array(fc.constantFrom("services", ...demoServices().map((_s, i) => `services[${i}].durations`)), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(holes, fc.nat(), (paths, seed) => {
        const config = demoClinicInput();
        for (const path of paths) {
          const list = path === "services" ? (config.services as unknown[]) : durationsAt(config, path);
          if (list.length > 0) delete list[seed % list.length];
        }
        expect(readFirstStepConfig(config)).toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it("paints every config the schema accepts, from the same services", () => {
    const jsonEdit = fc.record({ path: fc.constantFrom(...PATHS), value: fc.option(fc.jsonValue(), { nil: REMOVE }) });
    fc.assert(
      fc.property(fc.array(jsonEdit, { minLength: 1, maxLength: 3 }), (edits) => {
        const input = mutated(edits);
        const checked = parseClinicConfig(structuredClone(input));
        if (!checked.ok) return;
        const shape = readFirstStepConfig(input);
        expect(shape).not.toBeNull();
        expect(shape?.services.map((s) => s.id)).toEqual(checked.value.services.map((s) => s.id));
        expect(shape?.currency).toBe(checked.value.currency);
        expect(shape?.clinicName).toBe(checked.value.clinic.name);
      }),
      { numRuns: RUNS },
    );
  });
});

function durationsAt(config: Record<string, unknown>, path: string): unknown[] {
  const index = Number(/services\[(\d+)\]/.exec(path)?.[1]);
  return ((config.services as DemoService[])[index]?.durations ?? []) as unknown[];
}
