import type { Context } from "hono";

/** `application/json`, with or without parameters. */
export const JSON_TYPE = /^application\/json\s*(;|$)/i;

export const INVALID_JSON = Symbol("invalid JSON");

/** The body parsed as JSON, or INVALID_JSON. */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text()) as unknown;
  } catch {
    return INVALID_JSON;
  }
}
