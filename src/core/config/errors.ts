import type { z } from "../zod";
import { formatPath, type Issue } from "../result";

/** Turns zod's issues into `path: message` lines an integrator can act on. */
export function toIssues(error: z.core.$ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path),
    code: issue.code,
    message: issue.message,
  }));
}

export function formatIssues(issues: Issue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join("\n");
}
