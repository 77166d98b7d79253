/**
 * Time from the end of the page's HTML response to the service step laid out, in headless
 * Chromium, cold (a new context each run: empty cache), CPU throttled 4x. Compared with a
 * baseline page whose script is a tiny Preact custom element painting one heading in its shadow
 * root, built here with vite. All pages are measured interleaved.
 *
 * The bare pages are served by one server (paint-fixtures.ts), so each ratio is the widget's own
 * cost. The widget page is the snippet as a clinic pastes it (the loader, one
 * `<clinic-booking config>`), its config from the same origin; the target applies to it. For the
 * record, also: the snippet with its config in a JSON block on the page (no config request); the
 * floor, the same step's captured markup and styles put in place by a bare script (what laying
 * out this step costs, however it is built); and the demo clinic's full home page.
 *
 * A watcher injected before any page script polls on every animation frame for the heading in
 * the shadow root with a non-zero box, and records performance.now(); the figure is that minus
 * the navigation entry's responseEnd.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { startDemo } from "../../demo/serve";
import buildOnce from "../dist/build-once";
import { launchChromium } from "../e2e/support/browser";
import { benchConfig, buildBaseline, captureStep, serveFixtures } from "./paint-fixtures";

const RUNS = 15;
const CPU_SLOWDOWN = 4;
/** The widget against its own finished markup set by a bare script (the floor), same run. */
const TARGET_OVER_FLOOR = 1.25;

/** Plain JavaScript: runs in the page before its own scripts. */
const WATCHER = `
(() => {
  const find = () => {
    for (const host of document.querySelectorAll("clinic-booking, baseline-heading, static-step")) {
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

const PAGES = ["widget", "widgetInline", "staticStep", "baseline", "demoPage"] as const;
type PageName = (typeof PAGES)[number];

export interface PaintResult {
  runs: Record<PageName, number[]>;
  medians: Record<PageName, number>;
  /** The widget page's median over the baseline's: the figure the target applies to. */
  /** Median of each widget page over the floor's median. */
  overFloor: { widget: number; widgetInline: number };
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
  const origin = `http://127.0.0.1:${String((fixtures.server.address() as AddressInfo).port)}`;
  const urls: Record<PageName, string> = {
    widget: `${origin}/widget.html`,
    widgetInline: `${origin}/widget-inline.html`,
    staticStep: `${origin}/static-step.html`,
    baseline: `${origin}/baseline.html`,
    demoPage: `${demo.url}index.html`,
  };
  const browser = await launchChromium();
  try {
    fixtures.setStaticStep(await captureStep(browser, urls.widget));
    // One untimed run of each warms the browser process, not the pages (contexts are cold).
    for (const name of PAGES) await measure(browser, urls[name]);
    const runs = Object.fromEntries(PAGES.map((name) => [name, [] as number[]])) as Record<PageName, number[]>;
    for (let run = 0; run < RUNS; run++) for (const name of PAGES) runs[name].push(await measure(browser, urls[name]));
    const medians = Object.fromEntries(PAGES.map((name) => [name, median(runs[name])])) as Record<PageName, number>;
    return { runs, medians, overFloor: { widget: medians.widget / medians.staticStep, widgetInline: medians.widgetInline / medians.staticStep } };
  } finally {
    await browser.close();
    await new Promise<void>((done) => fixtures.server.close(() => done()));
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const LABELS: Record<PageName, string> = {
  widget: "widget, config from a URL (the snippet on a bare page)",
  widgetInline: "widget, config in a JSON block on the page",
  staticStep: "floor: the same step's markup and styles, set by a bare script",
  baseline: "baseline: one Preact heading",
  demoPage: "the demo clinic's home page with the widget",
};

export function printPaint(r: PaintResult): void {
  const fmt = (values: number[]) => values.map((v) => v.toFixed(0)).join(" ");
  console.log(`Paint: end of HTML response → service step laid out (headless Chromium, cold context, ${String(CPU_SLOWDOWN)}x CPU throttle, ${String(RUNS)} runs each, interleaved):`);
  for (const name of PAGES) {
    const ratio = name === "baseline" ? "" : `  ${(r.medians[name] / r.medians.baseline).toFixed(2)}x baseline`;
    const overFloor = name === "widget" || name === "widgetInline" ? `  ${(r.medians[name] / r.medians.staticStep).toFixed(2)}x floor` : "";
    console.log(`  ${LABELS[name].padEnd(66)} median ${r.medians[name].toFixed(0).padStart(4)} ms${ratio}${overFloor}   [${fmt(r.runs[name])}]`);
  }
  for (const name of ["widget", "widgetInline"] as const) {
    const ratio = r.overFloor[name];
    const verdict = ratio <= TARGET_OVER_FLOOR ? "" : "  <-- over target";
    console.log(`  ${name === "widget" ? "config from a URL" : "config in a JSON block"}: ${ratio.toFixed(2)}x the floor (target ≤ ${TARGET_OVER_FLOOR.toFixed(2)}x)${verdict}`);
  }
}

const entry = process.argv[1];
if (entry && resolve(entry) === fileURLToPath(import.meta.url)) printPaint(await runPaintBench());
