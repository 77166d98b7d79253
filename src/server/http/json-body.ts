import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

/** `application/json`, with or without parameters. */
export const JSON_TYPE = /^application\/json\s*(;|$)/i;

// The booking body schema allows 16–100 characters; anything else in the header is refused before any lookup.
export const KEY_PATTERN = /^[\x21-\x7e]{16,100}$/;

/**
 * Hono's bodyLimit first asks for `c.req.raw.body`, which makes @hono/node-server turn every
 * request into a web stream; reading the text straight from the socket is several times cheaper.
 * With a Content-Length (which Node holds the body to) the size is known up front, so bodyLimit
 * is only needed for chunked bodies.
 */
export function sizeLimit(maxSize: number, onError: (c: Context) => Response): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined) return streamed(c, next);
    return parseInt(length, 10) > maxSize ? onError(c) : next();
  };
}

export const INVALID_JSON = Symbol("invalid JSON");

/** The body parsed as JSON, or INVALID_JSON. */

export async function readJson(c: Context): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text()) as unknown;
  } catch {
    return INVALID_JSON;
  }
}
