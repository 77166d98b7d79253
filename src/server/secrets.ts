import { createHash, createHmac, hash, randomFillSync, timingSafeEqual } from "node:crypto";

// Each call into the CSPRNG costs more than the bytes it returns: draw them from a buffer filled
// 4 KB at a time, each byte handed out once (as Node does for randomUUID).
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let drawn = POOL_BYTES;

function randomBytes(size: number): Buffer {
  if (drawn + size > POOL_BYTES) {
    randomFillSync(pool);
    drawn = 0;
  }
  const bytes = Buffer.from(pool.subarray(drawn, drawn + size));
  drawn += size;
  return bytes;
}

/** 32 random bytes, base64url: unguessable, and safe in a URL query or a cookie. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

export function sha256(value: string): string {
  return hash("sha256", value, "hex");
}

/**
 * The calendar token a manage token opens: one-way, so a calendar link (a URL query, which proxies
 * may log) can fetch the file but never gives away the token that cancels.
 */
export function calendarTokenOf(manageToken: string): string {
  return hash("sha256", `calendar:${manageToken}`, "base64url");
}

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Rows keyed by
 * ids made together sit together, so a batch of new bookings adds to the end of each index on
 * the id instead of rewriting a random page of it per booking.
 */
export function timeOrderedId(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function hmac(key: string, value: string): string {
  return createHmac("sha256", key).update(value, "utf8").digest("base64url");
}

/**
 * Constant-time equality of two secrets. Both sides are hashed first so the comparison has a
 * fixed length and takes the same time whatever the presented value's length is.
 */
export function sameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(createHash("sha256").update(presented).digest(), createHash("sha256").update(expected).digest());
}

/** Constant-time comparison against a stored SHA-256 hex digest of the secret. */
export function matchesHash(presented: string, expectedHash: string): boolean {
  const actual = Buffer.from(sha256(presented), "hex");
  const expected = Buffer.from(expectedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// Crockford's base32 without I, L, O, U: read over the phone without confusing 1/I or 0/O.
const REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

const REFERENCE_SYMBOLS = 16;

/**
 * A booking reference a client can read out, e.g. "7K3M-9QXD-2F4H-ABCD": 16 symbols of 5 random
 * bits (256 is a multiple of 32, so each byte gives an even draw), 80 bits in all. References
 * are not secret, but nobody should find another's booking by trying a few.
 */
export function newReference(): string {
  const bytes = randomBytes(REFERENCE_SYMBOLS);
  let out = "";
  for (const byte of bytes) out += REFERENCE_ALPHABET[byte % 32];
  return out.match(/.{4}/g)?.join("-") ?? out;
}
