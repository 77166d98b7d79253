import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { buildClinicConfigJsonSchema, CLINIC_CONFIG_JSON_SCHEMA_PATH } from "../../scripts/clinic-config-json-schema";
import { demoClinicInput, PROJECT_ROOT } from "./fixtures/demo-clinic";
import { validateJson, type JsonSchema } from "./fixtures/json-schema-subset";

function committedSchema(): JsonSchema {
  return JSON.parse(readFileSync(resolve(PROJECT_ROOT, CLINIC_CONFIG_JSON_SCHEMA_PATH), "utf8")) as JsonSchema;
}

describe("schema/clinic-config.schema.json", () => {
  const schema = committedSchema();

  it("is what `npm run schema` generates from ClinicConfigSchema now (run it after changing the schema)", () => {
    expect(schema).toEqual(buildClinicConfigJsonSchema());
  });

  it("is a titled draft 2020-12 schema", () => {
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema["title"]).toEqual(expect.any(String));
    expect(schema["description"]).toEqual(expect.any(String));
  });

  it("requires only what a clinic must write: fields with defaults stay optional", () => {
    expect(new Set(schema["required"] as string[])).toEqual(
      new Set(["clinic", "timeZone", "currency", "services", "therapists", "submit", "policies"]),
    );
  });

  it("is the schema demo/clinic.json points its editor at", () => {
    expect(demoClinicInput()["$schema"]).toBe(`../${CLINIC_CONFIG_JSON_SCHEMA_PATH}`);
  });

  it("accepts demo/clinic.json", () => {
    const demo = demoClinicInput();
    for (const key of schema["required"] as string[]) expect(demo, key).toHaveProperty(key);
    expect(validateJson(schema, demo)).toEqual([]);
  });

  it("rejects what it can see structurally: a missing section, a fractional price, an unknown deal kind", () => {
    const demo = demoClinicInput();
    delete demo["policies"];
    const services = demo["services"] as { durations: { price: number }[] }[];
    services[2]!.durations[0]!.price = 85.5;
    const deals = demo["deals"] as { kind: string }[];
    deals[0]!.kind = "buy-one-get-one";
    const errors = validateJson(schema, demo);
    expect(errors).toContain("(root).policies: required");
    expect(errors.some((e) => e.startsWith("(root).services[2].durations[0].price"))).toBe(true);
    expect(errors.some((e) => e.startsWith("(root).deals[0]"))).toBe(true);
  });
});
