import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 random bytes, base64url: unguessable, and safe in a URL query or a cookie. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
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

/** A booking reference a client can read out, e.g. "7K3M-9QXD" (40 random bits). */
export function newReference(): string {
  const bytes = randomBytes(8);
  let out = "";
  for (const byte of bytes) out += REFERENCE_ALPHABET[byte % 32];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}
