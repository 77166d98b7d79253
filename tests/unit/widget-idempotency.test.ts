import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../src/widget/models/idempotency";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("idempotency key", () => {
  it("uses randomUUID when the context has it", () => {
    expect(newIdempotencyKey({ randomUUID: () => "11111111-2222-4333-8444-555555555555" })).toBe(
      "11111111-2222-4333-8444-555555555555",
    );
  });

  it("falls back to getRandomValues outside secure contexts", () => {
    const key = newIdempotencyKey({ getRandomValues: (array) => globalThis.crypto.getRandomValues(array) });
    expect(key).toMatch(UUID_V4);
    const other = newIdempotencyKey({ getRandomValues: (array) => globalThis.crypto.getRandomValues(array) });
    expect(other).not.toBe(key);
  });

  it("refuses to invent a key without a cryptographic source", () => {
    expect(() => newIdempotencyKey({})).toThrow();
  });
});
