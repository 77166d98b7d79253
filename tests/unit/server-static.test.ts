import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/server";
import { NOW, serverConfig } from "./fixtures/server-config";
import { INBOX_TOKEN } from "./fixtures/server-harness";

const PAGE = "<!doctype html><title>Harbour</title><script src=\"/app.js\"></script>";
const SCRIPT = "document.title = 'booked';\n";
// Beside the static folder, so a path that climbs out of it would reach this file.
const SECRET = '{ "name": "not-for-the-web" }';

let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "receiver-static-"));
  const site = join(dir, "site");
  mkdirSync(site);
  writeFileSync(join(site, "index.html"), PAGE);
  writeFileSync(join(site, "app.js"), SCRIPT);
  writeFileSync(join(dir, "package.json"), SECRET);
  server = await startServer({
    // Already parsed: no config file is read.
    config: serverConfig(),
    staticDir: site,
    databasePath: join(dir, "bookings.sqlite"),
    port: 0,
    host: "127.0.0.1",
    inboxToken: INBOX_TOKEN,
    outboxDir: join(dir, "outbox"),
    clock: () => NOW,
    log: () => {},
  });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends the path exactly as written: `fetch` would resolve the dot segments before sending. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/`, { path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

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
