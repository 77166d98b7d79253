// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request, type IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMBED, ROOT, scriptsIn } from "../../scripts/bundle-budgets";
import { IMMUTABLE, LOADER, REVALIDATE } from "../../src/server/http/cache-policy";
import type { RunningServer } from "../../src/server/server";
import { startStaticServer } from "../unit/fixtures/server-harness";

/** The built widget, served by the receiver from STATIC_DIR as a clinic would deploy it. */
let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "served-build-"));
  server = await startStaticServer(EMBED, dir);
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The body as sent, not decoded. */
function get(path: string, acceptEncoding: string): Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const CODINGS = [
  ["gzip, deflate, br, zstd", "br", brotliDecompressSync],
  ["gzip", "gzip", gunzipSync],
  ["identity", undefined, (bytes: Buffer) => bytes],
] as const;

/** Paths under the served folder: "loader.js", "chunks/…". */
const files = scriptsIn(EMBED).map((file) => relative(EMBED, join(ROOT, file)).replaceAll("\\", "/"));

describe("the built widget served by the receiver", () => {
  it("has the loader, the bundle and its chunks", () => {
    expect(files).toEqual(expect.arrayContaining(["loader.js", "clinic-booking.js"]));
    expect(files.filter((file) => file.startsWith("chunks/")).length).toBeGreaterThan(0);
  });

  it.each(files)("sends %s in brotli, gzip or as it is, each decoding to the built file", async (file) => {
    const original = readFileSync(join(EMBED, file));
    const etags = new Set<string | undefined>();
    for (const [accept, coding, decode] of CODINGS) {
      const answer = await get(`/${file}`, accept);
      expect(answer.status).toBe(200);
      expect(answer.headers["content-encoding"]).toBe(coding);
      expect(answer.headers["content-length"]).toBe(String(answer.bytes.length));
      expect(answer.headers.vary).toBe("Accept-Encoding");
      expect(answer.headers["access-control-allow-origin"]).toBe("*");
      expect(decode(answer.bytes).equals(original)).toBe(true);
      if (coding) expect(answer.bytes.length).toBeLessThan(original.length);
      etags.add(answer.headers.etag);
    }
    expect(etags.size).toBe(CODINGS.length);
  });

  it.each(files)("caches %s by its name: hashed chunks a year, the loader five minutes, the bundle revalidated", async (file) => {
    const policy = file === "loader.js" ? LOADER : file.startsWith("chunks/") ? IMMUTABLE : REVALIDATE;
    expect((await get(`/${file}`, "br")).headers["cache-control"]).toBe(policy);
  });
});
