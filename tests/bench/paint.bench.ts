/**
 * Time from the end of the page's HTML response to the service step laid out, in headless
 * Chromium, cold (a new context each run: empty cache), CPU throttled 4x. Compared with a
 * baseline page whose script is a tiny Preact custom element painting one heading in its shadow
 * root, built here with vite. The two are measured interleaved.
 *
 * Both pages are bare and served by one server, so the ratio is the widget's own cost: the
 * widget page is the snippet as a clinic pastes it (the loader, one `<clinic-booking config>`),
 * its config from the same origin. The demo clinic's full home page is measured too, for the
 * record: it adds the host page's own stylesheet and layout to both sides of nothing.
 *
 * A watcher injected before any page script polls on every animation frame for the heading in
 * the shadow root with a non-zero box, and records performance.now(); the figure is that minus
 * the navigation entry's responseEnd.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { build } from "vite";
import preact from "@preact/preset-vite";
import { startDemo } from "../../demo/serve";
import buildOnce from "../dist/build-once";
import { launchChromium } from "../e2e/support/browser";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const RUNS = 15;
const CPU_SLOWDOWN = 4;
const TARGET_RATIO = 1.3;

/** Plain JavaScript: runs in the page before its own scripts. */
const WATCHER = `
(() => {
  const find = () => {
    for (const host of document.querySelectorAll("clinic-booking, baseline-heading")) {
      const heading = host.shadowRoot && host.shadowRoot.querySelector("h2");
      if (heading && /Choose a service/.test(heading.textContent || "") && heading.getBoundingClientRect().height > 0) return true;
    }
    return false;
  };
  const tick = () => {
    if (find()) {
      const nav = performance.getEntriesByType("navigation")[0];
      window.__paint = { at: performance.now(), responseEnd: nav ? nav.responseEnd : performance.timing.responseEnd - performance.timing.navigationStart };
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
`;

export interface PaintResult {
  widget: number[];
  baseline: number[];
  demoPage: number[];
  widgetMedian: number;
  baselineMedian: number;
  demoPageMedian: number;
  ratio: number;
}

export async function buildBaseline(outDir: string): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: "silent",
    plugins: [preact()],
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: join(HERE, "fixtures/baseline-element.tsx"), formats: ["iife"], name: "Baseline", fileName: () => "baseline.js" },
    },
  });
  return readFileSync(join(outDir, "baseline.js"), "utf8");
}

const EMBED_DIR = join(ROOT, "dist/embed");

/** The baseline page and script, and the widget's bare page with its bundle and config, on one origin. */
export function serveFixtures(baselineScript: string, config: string, embedDir = EMBED_DIR): Promise<Server> {
  const page = (name: string) => readFileSync(join(HERE, "fixtures", name), "utf8");
  const send = (response: ServerResponse, type: string, body: string | Buffer) => {
    response.writeHead(200, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" });
    response.end(body);
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://bench").pathname;
    if (path === "/baseline.js") return send(response, "text/javascript", baselineScript);
    if (path === "/widget.html") return send(response, "text/html", page("widget.html"));
    if (path === "/api/config") return send(response, "application/json", config);
    if (path.startsWith("/embed/")) {
      const file = resolve(embedDir, `.${path.slice("/embed".length)}`);
      if (!file.startsWith(embedDir) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      return send(response, "text/javascript", readFileSync(file));
    }
    send(response, "text/html", page("baseline.html"));
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

export function benchConfig(): string {
  const config = JSON.parse(readFileSync(join(ROOT, "demo/clinic.json"), "utf8")) as { submit: { endpoint: string } };
  // Never called while painting; it only has to pass the schema.
  config.submit.endpoint = "http://127.0.0.1/api/bookings";
  return JSON.stringify(config);
}

async function measure(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript({ content: WATCHER });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => "__paint" in window, undefined, { timeout: 60_000, polling: 100 });
    const paint = await page.evaluate(() => (window as unknown as { __paint: { at: number; responseEnd: number } }).__paint);
    return paint.at - paint.responseEnd;
  } finally {
    await context.close();
  }
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

export async function runPaintBench(): Promise<PaintResult> {
  buildOnce();
  const dir = mkdtempSync(join(tmpdir(), "paint-bench-"));
  const demo = await startDemo({ port: 0, databasePath: join(dir, "demo.sqlite"), outboxDir: join(dir, "outbox") });
  const fixtures = await serveFixtures(await buildBaseline(join(dir, "baseline")), benchConfig());
  const origin = `http://127.0.0.1:${String((fixtures.address() as AddressInfo).port)}`;
  const pages = { widget: `${origin}/widget.html`, baseline: `${origin}/baseline.html`, demoPage: `${demo.url}index.html` };
  const browser = await launchChromium();
  try {
    // One untimed run of each warms the browser process, not the pages (contexts are cold).
    for (const url of Object.values(pages)) await measure(browser, url);
    const runs = { widget: [] as number[], baseline: [] as number[], demoPage: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      runs.widget.push(await measure(browser, pages.widget));
      runs.baseline.push(await measure(browser, pages.baseline));
      runs.demoPage.push(await measure(browser, pages.demoPage));
    }
    const widgetMedian = median(runs.widget);
    const baselineMedian = median(runs.baseline);
    return { ...runs, widgetMedian, baselineMedian, demoPageMedian: median(runs.demoPage), ratio: widgetMedian / baselineMedian };
  } finally {
    await browser.close();
    await new Promise<void>((done) => fixtures.close(() => done()));
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printPaint(r: PaintResult): void {
  const fmt = (values: number[]) => values.map((v) => v.toFixed(0)).join(" ");
  console.log(`Paint: end of HTML response → service step laid out (headless Chromium, cold context, ${String(CPU_SLOWDOWN)}x CPU throttle, ${String(RUNS)} runs each, interleaved):`);
  console.log(`  widget   (the snippet on a bare page): median ${r.widgetMedian.toFixed(0)} ms   [${fmt(r.widget)}]`);
  console.log(`  baseline (one Preact heading, bare page): median ${r.baselineMedian.toFixed(0)} ms   [${fmt(r.baseline)}]`);
  console.log(`  for the record, the demo clinic's home page with the widget: median ${r.demoPageMedian.toFixed(0)} ms   [${fmt(r.demoPage)}]`);
  console.log(`  ratio widget / baseline ${r.ratio.toFixed(2)}x (target ≤ ${TARGET_RATIO.toFixed(1)}x)${r.ratio <= TARGET_RATIO ? "" : "  <-- over target"}`);
}

const entry = process.argv[1];
if (entry && resolve(entry) === fileURLToPath(import.meta.url)) printPaint(await runPaintBench());
