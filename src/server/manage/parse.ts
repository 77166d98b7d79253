import { z } from "../../core/zod";
import { toIssues } from "../../core/config/errors";
import { fail, ok, type Result } from "../../core/result";

// The issues travel back to the client in a 422 body; zod/mini loads no messages of its own.
const englishMessages = z.locales.en().localeError;

/** A manage request body against its contract schema. */
export function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown): Result<T> {
  const parsed = schema.safeParse(input, { error: englishMessages });
  return parsed.success ? ok(parsed.data) : fail(toIssues(parsed.error));
}
