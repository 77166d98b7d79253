import type { z } from "../zod";
import { expectedMessage } from "./describe";

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  record: "an object",
  array: "an array",
  null: "null",
};

/**
 * Zod's generic wording ("Too small: expected string to have >=1 characters"), rewritten
 * to say what was expected and what was found. Messages a schema sets itself win over these.
 * No locale stands behind this map (zod/mini loads none): a code left `undefined` reads "Invalid input".
 */
export const readableErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return expectedMessage(TYPE_NAMES[issue.expected] ?? issue.expected, issue.input);
    case "too_small":
      return sizeMessage("at least", issue.origin, issue.minimum, issue.inclusive !== false, issue.input);
    case "too_big":
      return sizeMessage("at most", issue.origin, issue.maximum, issue.inclusive !== false, issue.input);
    case "invalid_value":
      return expectedMessage(oneOf(issue.values), issue.input);
    case "invalid_format":
      return formatMessage(issue.format, issue.input);
    case "invalid_union":
      return discriminatorMessage(issue);
    case "unrecognized_keys":
      return `unknown ${issue.keys.length === 1 ? "key" : "keys"} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
    default:
      return undefined;
  }
};

function sizeMessage(
  bound: "at least" | "at most",
  origin: string,
  limit: number | bigint,
  inclusive: boolean,
  input: unknown,
): string {
  const length = typeof input === "string" || Array.isArray(input) ? input.length : undefined;
  if (origin === "string") {
    if (bound === "at least" && limit === 1) return "expected a non-empty string";
    return `expected ${bound} ${String(limit)} characters, got ${String(length)}`;
  }
  if (origin === "array" || origin === "set") {
    if (bound === "at least" && limit === 1) return "expected at least one item, got none";
    return `expected ${bound} ${String(limit)} items, got ${String(length)}`;
  }
  const strict = bound === "at least" ? "greater than" : "less than";
  return expectedMessage(inclusive ? `a number of ${bound} ${String(limit)}` : `a number ${strict} ${String(limit)}`, input);
}

function formatMessage(format: string, input: unknown): string | undefined {
  switch (format) {
    case "email":
      return expectedMessage('an email address such as "info@example.com"', input);
    case "url":
      return expectedMessage('a URL such as "https://www.example.com"', input);
    default:
      return undefined;
  }
}

function discriminatorMessage(issue: z.core.$ZodRawIssue<z.core.$ZodIssueInvalidUnion>): string | undefined {
  const options: unknown = "options" in issue ? issue.options : undefined;
  if (issue.discriminator === undefined || !Array.isArray(options)) return undefined;
  return expectedMessage(oneOf(options), discriminatorValue(issue.input, issue.discriminator));
}

function oneOf(values: readonly unknown[]): string {
  const quoted = values.map((v) => (typeof v === "string" ? JSON.stringify(v) : String(v)));
  return quoted.length === 1 ? (quoted[0] ?? "") : `one of ${quoted.join(", ")}`;
}

// A discriminated union reports at the discriminator's path but carries the whole object.
function discriminatorValue(input: unknown, key: string): unknown {
  if (typeof input === "object" && input !== null && !Array.isArray(input)) {
    return (input as Record<string, unknown>)[key];
  }
  return input;
}
