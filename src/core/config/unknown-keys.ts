import { formatPath } from "../result";
import { z } from "../zod";
import { ClinicConfigSchema } from "./schema";

/** A key the schema would silently drop, e.g. `{ key: "colour", path: "services[1].colour" }`. */
export interface UnknownKey {
  key: string;
  path: string;
}

/** The parts of zod's schema definitions this walk reads. */
interface Def {
  type: string;
  shape?: Record<string, Walkable>;
  catchall?: Walkable;
  innerType?: Walkable;
  element?: Walkable;
  options?: Walkable[];
  discriminator?: string;
  left?: Walkable;
  right?: Walkable;
  valueType?: Walkable;
  in?: Walkable;
  getter?: () => Walkable;
  items?: Walkable[];
  rest?: Walkable | null;
}
interface Walkable {
  _zod: { def: Def; propValues?: Record<string, Set<unknown>> };
}

type Path = (string | number)[];

/** Wrappers whose input is their inner schema's. */
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "nonoptional", "readonly", "catch"]);

/**
 * Every key of `input` that `schema` does not declare (zod strips them without a word), so a
 * misspelt setting can be reported instead of silently ignored. Follows the schema as zod would:
 * into the option a union picks, both sides of an intersection, each value of a record.
 */
export function unknownConfigKeys(input: unknown, schema: z.ZodMiniType = ClinicConfigSchema): UnknownKey[] {
  const found: Path[] = [];
  walk(schema as unknown as Walkable, input, [], found);
  return found.map((path) => ({ key: String(path[path.length - 1]), path: formatPath(path) }));
}

function walk(schema: Walkable, input: unknown, path: Path, found: Path[]): void {
  const def = schema._zod.def;
  if (WRAPPERS.has(def.type) && def.innerType) return walk(def.innerType, input, path, found);
  switch (def.type) {
    case "object":
      return walkObject(def, input, path, found);
    case "array":
      if (Array.isArray(input) && def.element) input.forEach((item: unknown, i) => walk(def.element as Walkable, item, [...path, i], found));
      return;
    case "tuple":
      if (!Array.isArray(input)) return;
      input.forEach((item: unknown, i) => {
        const itemSchema = def.items?.[i] ?? def.rest;
        if (itemSchema) walk(itemSchema, item, [...path, i], found);
      });
      return;
    case "record":
      if (isRecord(input) && def.valueType) for (const [key, value] of Object.entries(input)) walk(def.valueType, value, [...path, key], found);
      return;
    case "union": {
      const option = chosenOption(def, input);
      if (option) walk(option, input, path, found);
      return;
    }
    case "intersection":
      return walkIntersection(def, input, path, found);
    case "pipe":
      if (def.in) walk(def.in, input, path, found);
      return;
    case "lazy":
      if (def.getter) walk(def.getter(), input, path, found);
      return;
  }
}

function walkObject(def: Def, input: unknown, path: Path, found: Path[]): void {
  if (!isRecord(input) || !def.shape) return;
  for (const [key, value] of Object.entries(input)) {
    // Own keys only: "constructor" or "__proto__" are not declared by being on Object.prototype.
    const declared = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
    if (declared) walk(declared, value, [...path, key], found);
    // A catch-all schema takes the other keys (or refuses them loudly): none is dropped.
    else if (!def.catchall) found.push([...path, key]);
  }
}

/** A key is dropped only when neither side declares it. */
function walkIntersection(def: Def, input: unknown, path: Path, found: Path[]): void {
  if (!def.left || !def.right) return;
  const left: Path[] = [];
  const right: Path[] = [];
  walk(def.left, input, path, left);
  walk(def.right, input, path, right);
  const onRight = new Set(right.map((p) => formatPath(p)));
  for (const p of left) if (onRight.has(formatPath(p))) found.push(p);
}

/** The option zod would parse with: by the discriminator, else the first that accepts the input. */
function chosenOption(def: Def, input: unknown): Walkable | undefined {
  const options = def.options ?? [];
  const discriminator = def.discriminator;
  if (discriminator !== undefined) {
    if (!isRecord(input)) return undefined;
    return options.find((option) => option._zod.propValues?.[discriminator]?.has(input[discriminator]));
  }
  return options.find((option) => z.safeParse(option as unknown as z.ZodMiniType, input).success);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
