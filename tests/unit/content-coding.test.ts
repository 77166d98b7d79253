import { describe, expect, it } from "vitest";
import { chooseCoding } from "../../src/server/http/encodings";

describe("chooseCoding", () => {
  it.each([
    // [Accept-Encoding, available besides identity, chosen]
    [undefined, ["br", "gzip"], "identity"],
    ["", ["br", "gzip"], "identity"],
    ["gzip, deflate, br, zstd", ["br", "gzip"], "br"],
    ["gzip, deflate, br, zstd", ["gzip"], "gzip"],
    ["gzip, deflate, br, zstd", [], "identity"],
    ["br;q=0, gzip", ["br", "gzip"], "gzip"],
    ["BR;Q=0, GZIP", ["br", "gzip"], "gzip"],
    ["br;q=0.4, gzip;q=0.5", ["br", "gzip"], "gzip"],
    ["br;q=0.5, gzip;q=0.5", ["br", "gzip"], "br"],
    ["gzip, identity", ["br", "gzip"], "gzip"],
    ["gzip;q=0.2, identity;q=0.8", ["gzip"], "identity"],
    ["br;q=0, gzip;q=0", ["br", "gzip"], "identity"],
    ["x-gzip", ["br", "gzip"], "gzip"],
    ["*", ["br", "gzip"], "br"],
    ["*;q=0.1, br;q=0", ["br", "gzip"], "gzip"],
    ["*;q=0, identity", ["br", "gzip"], "identity"],
    ["identity;q=0, gzip;q=0.1", ["br", "gzip"], "gzip"],
    // A malformed q-value is as good as not sent: br is then neither asked for nor refused.
    ["br;q=2, gzip;q=0.3", ["br", "gzip"], "gzip"],
    ["br;q=high", ["br", "gzip"], "identity"],
    ["deflate", ["br", "gzip"], "identity"],
  ] as const)("Accept-Encoding %j with %j available: %s", (header, available, chosen) => {
    expect(chooseCoding(header, available)).toBe(chosen);
  });

  it.each([
    ["identity;q=0", ["br", "gzip"]],
    ["*;q=0", ["br", "gzip"]],
    ["br, identity;q=0", ["gzip"]],
    ["zstd, identity;q=0", ["br", "gzip"]],
  ] as const)("finds nothing acceptable in %j with %j available", (header, available) => {
    expect(chooseCoding(header, available)).toBeNull();
  });
});
