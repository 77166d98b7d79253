/**
 * Time from the end of the page's HTML response to the service step laid out, in headless
 * Chromium, cold (a new context each run: empty cache), CPU throttled 4x. Compared with a
 * baseline page whose script is a tiny Preact custom element painting one heading in its shadow
 * root, built here with vite. The two are measured interleaved.
 *
 * A watcher injected before any page script polls on every animation frame for the heading in
 * the shadow root with a non-zero box, and records performance.now(); the figure is that minus
 * the navigation entry's responseEnd.
 */
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
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
  widgetMedian: number;
  baselineMedian: number;
  ratio: number;
}

async function buildBaseline(outDir: string): Promise<string> {
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

function serveBaseline(script: string): Promise<Server> {
  const html = readFileSync(join(HERE, "fixtures/baseline.html"), "utf8");
  const server = createServer((request, response) => {
    if (request.url === "/baseline.js") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
      response.end(script);
    } else {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(html);
    }
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
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
  const baselineServer = await serveBaseline(await buildBaseline(join(dir, "baseline")));
  const baselineUrl = `http://127.0.0.1:${String((baselineServer.address() as AddressInfo).port)}/baseline.html`;
  const browser = await launchChromium();
  try {
    // One untimed run of each warms the browser process, not the pages (contexts are cold).
    await measure(browser, `${demo.url}index.html`);
    await measure(browser, baselineUrl);
    const widget: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      widget.push(await measure(browser, `${demo.url}index.html`));
      baseline.push(await measure(browser, baselineUrl));
    }
    const widgetMedian = median(widget);
    const baselineMedian = median(baseline);
    return { widget, baseline, widgetMedian, baselineMedian, ratio: widgetMedian / baselineMedian };
  } finally {
    await browser.close();
    await new Promise<void>((done) => baselineServer.close(() => done()));
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printPaint(r: PaintResult): void {
  const fmt = (values: number[]) => values.map((v) => v.toFixed(0)).join(" ");
  console.log(`Paint: end of HTML response → service step laid out (headless Chromium, cold context, ${String(CPU_SLOWDOWN)}x CPU throttle, ${String(RUNS)} runs each, interleaved):`);
  console.log(`  widget   (demo index.html): median ${r.widgetMedian.toFixed(0)} ms   [${fmt(r.widget)}]`);
  console.log(`  baseline (one Preact heading): median ${r.baselineMedian.toFixed(0)} ms   [${fmt(r.baseline)}]`);
  console.log(`  ratio ${r.ratio.toFixed(2)}x (target ≤ ${TARGET_RATIO.toFixed(1)}x)${r.ratio <= TARGET_RATIO ? "" : "  <-- over target"}`);
}

const entry = process.argv[1];
if (entry && resolve(entry) === fileURLToPath(import.meta.url)) printPaint(await runPaintBench());
