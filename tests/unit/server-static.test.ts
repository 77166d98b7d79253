import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { request, type IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMMUTABLE, LOADER, REVALIDATE } from "../../src/server/http/cache-policy";
import { encodeSync } from "../../src/server/http/encodings";
import type { RunningServer } from "../../src/server/server";
import { startStaticServer } from "./fixtures/server-harness";

const PAGE = "<!doctype html><title>Harbour</title><script src=\"/app.js\"></script>";
const SCRIPT = "document.title = 'booked';\n";
// Beside the static folder, so a path that climbs out of it would reach this file.
const SECRET = '{ "name": "not-for-the-web" }';
// Long enough that compressing it pays; each of these has a .br and a .gz copy beside it.
const CHUNK = `export const slots = [${Array.from({ length: 200 }, (_, i) => `"${String(i)}:00"`).join(", ")}];\n`;
const LOADER_CODE = `(function(){${"window.ClinicBooking = window.ClinicBooking || function(){};".repeat(20)}})();\n`;
const CHUNK_PATH = "/chunks/flow-Ab_c-123.js";

let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "receiver-static-"));
  const site = join(dir, "site");
  mkdirSync(site);
  writeFileSync(join(site, "index.html"), PAGE);
  writeFileSync(join(site, "app.js"), SCRIPT);
  writeFileSync(join(dir, "package.json"), SECRET);
  mkdirSync(join(site, "chunks"));
  for (const [path, code] of [[CHUNK_PATH, CHUNK], ["/loader.js", LOADER_CODE], ["/stale.js", LOADER_CODE]] as const) {
    const file = join(site, path);
    writeFileSync(file, code);
    writeFileSync(`${file}.br`, encodeSync("br", Buffer.from(code)));
    writeFileSync(`${file}.gz`, encodeSync("gzip", Buffer.from(code)));
  }
  // stale.js was edited after its copies were written: they no longer say what it says.
  utimesSync(join(site, "stale.js"), new Date(), new Date(Date.now() + 60_000));
  server = await startStaticServer(site, dir);
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes on the wire, not decoded. */
  bytes: Buffer;
  body: string;
}

/**
 * Sends the path exactly as written (`fetch` would resolve the dot segments before sending) and
 * keeps the body as sent (`fetch` would decode it).
 */
function rawGet(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/`, { path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, body: bytes.toString("utf8") });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

const decode: Record<string, (bytes: Buffer) => Buffer> = { br: brotliDecompressSync, gzip: gunzipSync };

describe("startServer with a static directory", () => {
  it.each([
    ["/", PAGE, /^text\/html/],
    ["/index.html", PAGE, /^text\/html/],
    ["/app.js", SCRIPT, /^text\/javascript/],
  ])("serves %s with its body and content type", async (path, body, type) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(type);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toBe(body);
  });

  it("lets a page on any origin load scripts as modules (CORS), but not its pages", async () => {
    const script = await fetch(`${server.url}/app.js`, { headers: { origin: "https://www.clinic.example" } });
    expect(script.headers.get("access-control-allow-origin")).toBe("*");
    const page = await fetch(`${server.url}/index.html`, { headers: { origin: "https://www.clinic.example" } });
    expect(page.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = await fetch(`${server.url}/app.js`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await response.text()).toBe("");
  });

  it("answers 404 for a missing file", async () => {
    const response = await fetch(`${server.url}/missing.js`);
    expect(response.status).toBe(404);
  });

  it.each(["/../package.json", "/%2e%2e/package.json", "/%2E%2E/package.json", "/..%2fpackage.json", "/%2e%2e%2fpackage.json", "/..%5cpackage.json", "/..\\package.json", "/%252e%252e/package.json", "/app.js/../../package.json"])(
    "refuses to climb out of the folder: %s",
    async (path) => {
      const response = await rawGet(path);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toContain("not-for-the-web");
    },
  );

  it("still answers the API beside the files", async () => {
    expect((await fetch(`${server.url}/api/config`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/nothing-here`)).status).toBe(404);
  });
});

describe("precompressed copies and caching", () => {
  const CHROMIUM = "gzip, deflate, br, zstd";

  it.each([
    [CHROMIUM, "br"],
    ["br;q=0, gzip", "gzip"],
    ["gzip;q=0.5, br;q=0.4", "gzip"],
  ])("sends the copy Accept-Encoding %j prefers (%s), which decodes to the file", async (accept, coding) => {
    const answer = await rawGet(CHUNK_PATH, { "accept-encoding": accept });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe(coding);
    expect(answer.headers["content-length"]).toBe(String(answer.bytes.length));
    expect(answer.bytes.length).toBeLessThan(Buffer.byteLength(CHUNK));
    expect(answer.headers.vary).toBe("Accept-Encoding");
    expect(answer.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(decode[coding]?.(answer.bytes).toString("utf8")).toBe(CHUNK);
  });

  it.each<Record<string, string>>([{}, { "accept-encoding": "br;q=0, gzip;q=0" }, { "accept-encoding": "identity" }])("sends the file as it is for %j", async (headers) => {
    const answer = await rawGet(CHUNK_PATH, headers);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.headers.vary).toBe("Accept-Encoding");
    expect(answer.body).toBe(CHUNK);
  });

  it("refuses with 406 a client that accepts neither the copies nor the file as it is", async () => {
    const answer = await rawGet(CHUNK_PATH, { "accept-encoding": "zstd, identity;q=0" });
    expect(answer.status).toBe(406);
    expect(answer.body).not.toContain("slots");
  });

  it("ignores copies older than their file", async () => {
    const answer = await rawGet("/stale.js", { "accept-encoding": CHROMIUM });
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.body).toBe(LOADER_CODE);
  });

  it("gives each encoding its own ETag and answers If-None-Match with 304 for that encoding only", async () => {
    const tags = new Map<string, string | undefined>();
    for (const accept of [CHROMIUM, "gzip", "identity"]) tags.set(accept, (await rawGet(CHUNK_PATH, { "accept-encoding": accept })).headers.etag);
    expect(new Set(tags.values()).size).toBe(3);
    for (const tag of tags.values()) expect(tag).toMatch(/^"[\w-]+"$/);

    const brotliTag = tags.get(CHROMIUM) ?? "";
    const unchanged = await rawGet(CHUNK_PATH, { "accept-encoding": CHROMIUM, "if-none-match": brotliTag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.bytes.length).toBe(0);
    expect(unchanged.headers.etag).toBe(brotliTag);
    expect(unchanged.headers["cache-control"]).toBe(IMMUTABLE);
    expect(unchanged.headers.vary).toBe("Accept-Encoding");
    // A list, and a weak form of the tag, match too.
    const listed = await rawGet(CHUNK_PATH, { "accept-encoding": CHROMIUM, "if-none-match": `"other", W/${brotliTag}` });
    expect(listed.status).toBe(304);

    // The brotli bytes are not the gzip ones: a client holding one is sent the other in full.
    const other = await rawGet(CHUNK_PATH, { "accept-encoding": "gzip", "if-none-match": brotliTag });
    expect(other.status).toBe(200);
    expect(gunzipSync(other.bytes).toString("utf8")).toBe(CHUNK);
  });

  it("answers HEAD with the length of the encoding it would send", async () => {
    const get = await rawGet(CHUNK_PATH, { "accept-encoding": CHROMIUM });
    const head = await rawGet(CHUNK_PATH, { "accept-encoding": CHROMIUM }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.bytes.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(get.bytes.length));
    expect(head.headers.etag).toBe(get.headers.etag);
  });

  it.each([
    [CHUNK_PATH, IMMUTABLE],
    ["/loader.js", LOADER],
    ["/app.js", REVALIDATE],
    ["/index.html", REVALIDATE],
    ["/", REVALIDATE],
  ])("caches %s with %j and an ETag", async (path, policy) => {
    const answer = await rawGet(path, { "accept-encoding": CHROMIUM });
    expect(answer.headers["cache-control"]).toBe(policy);
    expect(answer.headers.etag).toMatch(/^"[\w-]+"$/);
  });

  it("keeps the CORS and security headers on compressed scripts", async () => {
    const answer = await rawGet(CHUNK_PATH, { "accept-encoding": CHROMIUM, origin: "https://www.clinic.example" });
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(answer.headers["content-security-policy"]).toBeUndefined();
  });
});
