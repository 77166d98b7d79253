import { createHash } from "node:crypto";
import type { Context } from "hono";
import { chooseCoding, CODINGS, encodeQuickly, type Coding, type ContentCoding } from "./encodings";

/** One encoding of a resource: the bytes sent and their validator. */
export interface Representation {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** A resource's identity bytes and whichever compressed copies of them exist. */
export type Representations = Partial<Record<ContentCoding, Representation>> & { identity: Representation };

/**
 * Strong validators, one per encoding: a cache that kept the brotli bytes must not be told they
 * are the gzip ones. Derived from the identity bytes, so each encoding of one content gets its own
 * ETag and a new content gets new ones.
 */
export function representationsOf(identity: Buffer, encoded: Partial<Record<ContentCoding, Buffer>>): Representations {
  const digest = createHash("sha256").update(identity).digest("base64url").slice(0, 27);
  const representations: Representations = { identity: { body: bytesOf(identity), etag: `"${digest}"` } };
  for (const coding of CODINGS) {
    const body = encoded[coding];
    if (body) representations[coding] = { body: bytesOf(body), etag: `"${digest}-${coding}"` };
  }
  return representations;
}

/** A response body takes bytes over an ArrayBuffer; Node's own buffers are, so this copies nothing. */
const bytesOf = (buffer: Buffer): Uint8Array<ArrayBuffer> =>
  buffer.buffer instanceof ArrayBuffer ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : new Uint8Array(buffer);

/**
 * Answers a GET or HEAD with the best encoding the request accepts: 200 with its bytes and
 * Content-Encoding, 304 when `If-None-Match` names its ETag, 406 when the client refuses every
 * encoding there is. `headers` (Content-Type, Cache-Control, ...) go on every answer but the 406.
 */
export function sendRepresentation(c: Context, representations: Representations, headers: Record<string, string>): Response {
  const available = CODINGS.filter((coding) => representations[coding] !== undefined);
  const negotiated: Record<string, string> = available.length > 0 ? { Vary: "Accept-Encoding" } : {};
  const coding = chooseCoding(c.req.header("accept-encoding"), available);
  const chosen = coding ? representations[coding] : undefined;
  if (!coding || !chosen) {
    return c.body(`Acceptable encodings: ${[...available, "identity"].join(", ")}.`, 406, {
      ...negotiated,
      "Content-Type": "text/plain; charset=utf-8",
    });
  }
  const validators: Record<string, string> = { ...headers, ...negotiated, ETag: chosen.etag };
  if (isNamedIn(c.req.header("if-none-match"), chosen.etag)) {
    // A 304 updates the cached answer's headers; the content's own stay as they were.
    const { "Content-Type": _type, ...unchanged } = validators;
    return c.body(null, 304, unchanged);
  }
  const answer: Record<string, string> = { ...validators, ...encodingHeader(coding), "Content-Length": String(chosen.body.byteLength) };
  return c.req.method === "HEAD" ? c.body(null, 200, answer) : c.body(chosen.body, 200, answer);
}

/** Below this an answer fits in a packet or two however it is sent, and is sent as it is. */
export const ENCODE_FROM_BYTES = 1024;

/**
 * A 200 answer made for this request (no ETag, nothing kept), compressed when it is long enough
 * and the client accepts it. A client that refuses identity and every coding still gets identity:
 * an API answer is better read than refused.
 */
export function sendCompressed(c: Context, body: string, headers: Record<string, string>): Response {
  const bytes = Buffer.from(body);
  if (bytes.byteLength < ENCODE_FROM_BYTES) return c.body(body, 200, headers);
  const coding = chooseCoding(c.req.header("accept-encoding"), CODINGS) ?? "identity";
  const sent = coding === "identity" ? bytes : encodeQuickly(coding, bytes);
  return c.body(bytesOf(sent), 200, { ...headers, Vary: "Accept-Encoding", ...encodingHeader(coding) });
}

const encodingHeader = (coding: Coding): Record<string, string> => (coding === "identity" ? {} : { "Content-Encoding": coding });

/** `If-None-Match` compares weakly (RFC 9110, 13.1.2): a `W/` prefix does not matter. */
function isNamedIn(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
