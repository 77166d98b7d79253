import { describe, expect, it } from "vitest";
import { newReference, randomToken, sha256, timeOrderedId } from "../../src/server/secrets";

describe("the receiver's random values", () => {
  it("makes version-7 UUIDs that sort by creation time", () => {
    const earlier = timeOrderedId(Date.parse("2026-03-02T12:00:00.000Z"));
    const later = timeOrderedId(Date.parse("2026-03-02T12:00:00.001Z"));
    for (const id of [earlier, later]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(earlier.slice(0, 13)).toBe("019cae6b-6600");
    expect(earlier < later).toBe(true);
  });

  it("never repeats a token, an id or a reference, across many refills of the random pool", () => {
    const now = Date.now();
    const tokens = Array.from({ length: 2_000 }, () => randomToken());
    const ids = Array.from({ length: 2_000 }, () => timeOrderedId(now));
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(new Set(ids).size).toBe(ids.length);
    for (const token of tokens.slice(0, 20)) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("makes booking references of 80 random bits in four readable groups: 16 symbols of Crockford's base32, each free at every place", () => {
    const references = Array.from({ length: 2_000 }, () => newReference());
    for (const reference of references) expect(reference).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(new Set(references).size).toBe(references.length);
    const symbols = references.map((reference) => reference.replaceAll("-", ""));
    for (let place = 0; place < 16; place++) {
      // 32 symbols, each expected about 62 times at each place: all of them show up.
      expect(new Set(symbols.map((s) => s[place])).size).toBe(32);
    }
  });

  it("hashes with SHA-256 in hex", () => {
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
