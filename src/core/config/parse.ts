import type { z } from "../zod";
import { fail, ok, type Result } from "../result";
import { toIssues } from "./errors";
import { ClinicConfigSchema, type ClinicConfig } from "./schema";

/** Zod's generic wording, made to say what is missing or what was found instead. */
const readableErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== "invalid_type") return undefined;
  if (issue.input === undefined) return `missing: expected ${issue.expected}`;
  return `expected ${issue.expected}, got ${describe(issue.input)}`;
};

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Validates a clinic's config, reporting every problem at once with its exact path. */
export function parseClinicConfig(input: unknown): Result<ClinicConfig> {
  const parsed = ClinicConfigSchema.safeParse(input, { error: readableErrors });
  return parsed.success ? ok(parsed.data) : fail(toIssues(parsed.error));
}
