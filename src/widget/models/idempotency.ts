type RandomSource = Partial<Pick<Crypto, "randomUUID" | "getRandomValues">>;

/**
 * A random v4 UUID for the Idempotency-Key. `randomUUID` exists only in secure contexts;
 * a page served over plain http on an intranet still has `getRandomValues`.
 */
export function newIdempotencyKey(source: RandomSource | undefined = globalThis.crypto): string {
  if (typeof source?.randomUUID === "function") return source.randomUUID();
  if (typeof source?.getRandomValues !== "function") throw new Error("no cryptographic random source for the idempotency key");
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
