import { fail, ok, type Issue, type Result } from "../result";
import { toIssues } from "./errors";
import { readableErrorMap } from "./messages";
import { crossReferenceIssues } from "./references";
import { compileConfig, type ClinicConfig } from "./compiled";
import { ClinicConfigSchema } from "./schema";

/** Validates a clinic's config, reporting every problem at once with its exact path; a valid one comes compiled. */
export function parseClinicConfig(input: unknown): Result<ClinicConfig> {
  const parsed = ClinicConfigSchema.safeParse(input, { error: readableErrorMap });
  if (parsed.success) return ok(compileConfig(parsed.data));
  const issues = toIssues(parsed.error);
  // Zod skips whole-config checks once any value fails hard (a fraction where whole
  // cents were expected), which would hide a broken reference until the next attempt.
  return fail([...issues, ...crossReferenceIssues(input).filter((extra) => !issues.some((i) => sameIssue(i, extra)))]);
}

function sameIssue(a: Issue, b: Issue): boolean {
  return a.path === b.path && a.message === b.message;
}
