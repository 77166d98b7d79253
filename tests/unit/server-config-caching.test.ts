import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ALLOWED_ORIGIN } from "./fixtures/server-config";
import { harness, type Harness } from "./fixtures/server-harness";

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(async () => {
  await h.cleanup();
});

const get = (headers: Record<string, string>) => h.app.request("http://localhost/api/config", { headers });
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe("GET /api/config", () => {
  it.each([
    ["br", brotliDecompressSync],
    ["gzip", gunzipSync],
  ] as const)("is sent %s-encoded to a client that accepts it, and decodes to the config", async (coding, decode) => {
    const plain = await bytesOf(await get({}));
    const response = await get({ "accept-encoding": coding });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe(coding);
    const bytes = await bytesOf(response);
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(bytes.length).toBeLessThan(plain.length / 2);
    expect(JSON.parse(decode(bytes).toString("utf8"))).toEqual(h.config);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("is revalidated on every load: no-cache, an ETag per encoding, 304 when unchanged, CORS kept", async () => {
    const first = await get({ "accept-encoding": "br", origin: ALLOWED_ORIGIN });
    expect(first.headers.get("cache-control")).toBe("no-cache");
    expect(first.headers.get("vary")).toBe("Accept-Encoding, Origin");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await get({ "accept-encoding": "gzip" })).headers.get("etag")).not.toBe(etag);

    const again = await get({ "accept-encoding": "br", origin: ALLOWED_ORIGIN, "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(again.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
