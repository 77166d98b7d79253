import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startDemo } from "../../demo/serve";
import { harness, startStaticServer, type Harness } from "./fixtures/server-harness";

let h: Harness | null = null;
let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), "manage-page-"));
});
afterEach(async () => {
  await h?.cleanup();
  h = null;
  rmSync(tmp, { recursive: true, force: true });
});

/** Every script of the page must have a src: the CSP forbids inline ones. */
const inlineScripts = (page: string) => [...page.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)];

function expectStrictPolicy(response: Response) {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-inline");
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
}

describe("GET /manage", () => {
  it("loads the widget's loader and renders the manage view, with no inline script", async () => {
    h = harness({ widgetScript: "/loader.js" });
    const response = await h.app.request("http://localhost/manage");
    expect(response.status).toBe(200);
    expectStrictPolicy(response);
    const page = await response.text();
    expect(page).toContain('<script src="/loader.js" async></script>');
    expect(page).toContain('<clinic-booking mode="inline" view="manage" config="/api/config"></clinic-booking>');
    expect(inlineScripts(page)).toEqual([]);
  });

  it("says the widget files are not served here when there are none", async () => {
    h = harness();
    const response = await h.app.request("http://localhost/manage");
    expect(response.status).toBe(200);
    expectStrictPolicy(response);
    const page = await response.text();
    expect(page).toContain("widget's files are not served here");
    expect(page).toContain("+1 902 555 0100");
    expect(page).not.toContain("<script");
  });

  it("uses the loader of STATIC_DIR when the receiver serves one", async () => {
    const staticDir = join(tmp, "static");
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, "loader.js"), "/* loader */\n");
    const server = await startStaticServer(staticDir, tmp);
    try {
      const page = await (await fetch(`${server.url}/manage`)).text();
      expect(page).toContain('<script src="/loader.js" async></script>');
      expect((await fetch(`${server.url}/loader.js`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("is served by the demo with the demo's bundle", async () => {
    const embedDir = join(tmp, "embed");
    mkdirSync(embedDir);
    writeFileSync(join(embedDir, "loader.js"), "/* loader */\n");
    const demo = await startDemo({ port: 0, databasePath: join(tmp, "demo.sqlite"), outboxDir: join(tmp, "outbox"), embedDir });
    try {
      const page = await (await fetch(`${demo.origin}/manage`)).text();
      expect(page).toContain('<script src="/embed/loader.js" async></script>');
      expect(page).toContain('view="manage"');
    } finally {
      await demo.close();
    }
  });
});
