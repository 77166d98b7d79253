/**
 * The pages the paint bench compares, all served by one server on one origin:
 * - `/baseline.html`: a tiny Preact custom element painting one heading in its shadow root;
 * - `/widget.html`: the snippet as a clinic pastes it, its config from a URL (`/api/config`);
 * - `/widget-inline.html`: the same with the config in a JSON block on the page (`config-id`);
 * - `/static-step.html`: the floor, the widget's first step as captured from a real paint (its
 *   markup and stylesheets), put into a shadow root by a bare script: no framework, no config,
 *   no loader. Whatever any implementation of the step costs beyond the baseline, this does too.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { build } from "vite";
import preact from "@preact/preset-vite";
import { FLOW_CODE } from "../e2e/support/flow";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const EMBED_DIR = join(ROOT, "dist/embed");

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

export function benchConfig(): string {
  const config = JSON.parse(readFileSync(join(ROOT, "demo/clinic.json"), "utf8")) as { submit: { endpoint: string } };
  // Never called while painting; it only has to pass the schema.
  config.submit.endpoint = "http://127.0.0.1/api/bookings";
  return JSON.stringify(config);
}

export interface CapturedStep {
  html: string;
  css: string[];
}

export interface Fixtures {
  server: Server;
  /** Set once the step is captured; until then /static-step.js is a 404. */
  setStaticStep(step: CapturedStep): void;
}

export function serveFixtures(baselineScript: string, config: string, embedDir = EMBED_DIR): Promise<Fixtures> {
  const page = (name: string) => readFileSync(join(HERE, "fixtures", name), "utf8");
  // A JSON block holds no markup: "<" is escaped, as the snippet's documentation asks.
  const inlinePage = () => page("widget-inline.html").replace("{{config}}", () => config.replace(/</g, "\\u003c"));
  let staticStep: string | null = null;
  const send = (response: ServerResponse, type: string, body: string | Buffer) => {
    response.writeHead(200, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" });
    response.end(body);
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://bench").pathname;
    if (path === "/baseline.js") return send(response, "text/javascript", baselineScript);
    if (path === "/static-step.js" && staticStep !== null) return send(response, "text/javascript", staticStep);
    if (path === "/widget.html" || path === "/static-step.html") return send(response, "text/html", page(path.slice(1)));
    if (path === "/widget-inline.html") return send(response, "text/html", inlinePage());
    if (path === "/api/config") return send(response, "application/json", config);
    if (path.startsWith("/embed/")) {
      const file = resolve(embedDir, `.${path.slice("/embed".length)}`);
      if (!file.startsWith(embedDir) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      return send(response, "text/javascript", readFileSync(file));
    }
    if (path === "/baseline.html") return send(response, "text/html", page("baseline.html"));
    response.writeHead(404).end();
  });
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () => done({ server, setStaticStep: (step) => (staticStep = staticStepScript(step)) })),
  );
}

/**
 * The first step exactly as the widget paints it, before the rest of the flow arrives: the flow's
 * code is held back, so the markup and stylesheets are the early paint's own.
 */
export async function captureStep(browser: Browser, widgetUrl: string): Promise<CapturedStep> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.route(FLOW_CODE, () => new Promise<void>(() => {}));
    await page.goto(widgetUrl);
    await page.waitForFunction(() => /Choose a service/.test(document.querySelector("clinic-booking")?.shadowRoot?.querySelector("h2")?.textContent ?? ""));
    return await page.evaluate(() => {
      const root = document.querySelector("clinic-booking")?.shadowRoot;
      if (!root) throw new Error("no shadow root");
      return { html: root.innerHTML, css: root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join("\n")) };
    });
  } finally {
    await context.close();
  }
}

function staticStepScript(step: CapturedStep): string {
  return `customElements.define("static-step", class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = ${JSON.stringify(step.css)}.map((text) => { const sheet = new CSSStyleSheet(); sheet.replaceSync(text); return sheet; });
    root.innerHTML = ${JSON.stringify(step.html)};
  }
});`;
}
