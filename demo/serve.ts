/**
 * The demo clinic: the reference receiver, the demo website at `/` and the built widget at
 * `/embed/*`, on one origin, so every page works under `connect-src 'self'`.
 *
 *   npm run demo                      # builds the widget, then serves http://127.0.0.1:8787/
 *   PORT=0 npm run demo               # any free port; the real one is printed
 *
 * Tests call `startDemo({ port: 0, databasePath, outboxDir })` and `close()` it.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Context, MiddlewareHandler } from "hono";
import { compileConfig, type ClinicConfig } from "../src/core/config";
import { loadClinicConfig } from "../src/server/config-file";
import { staticFiles } from "../src/server/http/static-files";
import { silentLogger, type Logger } from "../src/server/log";
import { startServer, type Bound } from "../src/server/main";
import { randomToken } from "../src/server/secrets";

const DEMO_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(DEMO_DIR, "..");

export const DEFAULT_PORT = 8787;

/**
 * The policy `hostile.html` is served with (and repeats in a meta tag): the strictest a
 * clinic's site might set. Browsers ignore `frame-ancestors` in a meta tag, so the header
 * is the one that counts.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'";

/** Pages served with their own Content-Security-Policy header. */
const PAGE_POLICIES: Readonly<Record<string, string>> = { "hostile.html": STRICT_CSP };

/** Only the site's own pages and stylesheets are served from demo/: not serve.ts, not clinic.json. */
const SITE_FILE = /^[a-z0-9][a-z0-9-]*\.(html|css)$/;
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
};

/** The inline configuration block of hostile.html; filled with the running config when served. */
const INLINE_CONFIG = /(<script type="application\/json" id="clinic-config">)[\s\S]*?(<\/script>)/;

export interface DemoOptions {
  /** Defaults to 8787; 0 picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Defaults to data/demo.sqlite; created with its folder when missing. */
  databasePath?: string;
  /** Where emails are written as .eml files; defaults to data/outbox. */
  outboxDir?: string;
  /** Defaults to demo/clinic.json. */
  configPath?: string;
  /** The built widget (loader.js, clinic-booking.js); defaults to dist/embed. */
  embedDir?: string;
  /** Defaults to a new random token for each start. */
  inboxToken?: string;
  /** Defaults to no logging. */
  log?: Logger;
  /** ISO UTC "now" for every rule; defaults to the real clock. */
  clock?: () => string;
}

export interface RunningDemo {
  /** The demo website, e.g. "http://127.0.0.1:8787/". */
  url: string;
  /** The same, without the trailing slash: what `submit.endpoint` and the CSP origin are built on. */
  origin: string;
  port: number;
  inboxUrl: string;
  inboxToken: string;
  /** The clinic config the receiver enforces and the pages receive (its endpoint is this server). */
  config: ClinicConfig;
  close(): Promise<void>;
}

/**
 * Starts the receiver with the demo clinic and serves the demo website beside it.
 *
 * The config is pointed at the bound address, so `submit.endpoint` is this very server even
 * when the port was picked by the system.
 */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const databasePath = options.databasePath === ":memory:" ? ":memory:" : resolve(ROOT, options.databasePath ?? "data/demo.sqlite");
  const embedDir = resolve(ROOT, options.embedDir ?? "dist/embed");
  const inboxToken = options.inboxToken ?? randomToken();

  // Fails with the exact problems before anything is opened.
  const fileConfig = await loadClinicConfig(resolve(ROOT, options.configPath ?? "demo/clinic.json"));

  const server = await startServer({
    config: (bound) => pointedAt(fileConfig, bound),
    staticHandler: (config) => demoSite({ config, embedDir }),
    port: options.port ?? DEFAULT_PORT,
    host: options.host ?? "127.0.0.1",
    databasePath,
    outboxDir: resolve(ROOT, options.outboxDir ?? "data/outbox"),
    inboxToken,
    log: options.log ?? silentLogger,
    ...(options.clock ? { clock: options.clock } : {}),
  });

  return {
    url: `${server.url}/`,
    origin: server.url,
    port: server.port,
    inboxUrl: `${server.url}/inbox`,
    inboxToken,
    config: server.config,
    close: () => server.close(),
  };
}

/**
 * The demo config with `submit.endpoint` on this server. Pages are same-origin with it; the
 * other loopback name is allowed too, so http://localhost:<port>/ works as well (except on
 * hostile.html, whose `connect-src 'self'` rightly refuses another origin).
 */
function pointedAt(config: ClinicConfig, { url, port }: Bound): ClinicConfig {
  const loopback = [`http://127.0.0.1:${port}`, `http://localhost:${port}`].filter((o) => o !== url);
  const allowedOrigins = [...new Set([...config.submit.allowedOrigins, ...loopback])];
  return compileConfig({ ...config, submit: { ...config.submit, endpoint: `${url}/api/bookings`, allowedOrigins } });
}

interface SiteOptions {
  config: ClinicConfig;
  embedDir: string;
}

/**
 * Everything the receiver's routes do not answer: the demo pages and the built widget.
 * Headers are set before each response is made (never on `c.res` afterwards), and anything
 * else falls through to the receiver's 404.
 */
function demoSite({ config, embedDir }: SiteOptions): MiddlewareHandler {
  const { $schema: _schema, ...pageConfig } = config;
  const inlineConfig = JSON.stringify(pageConfig, null, 2).replaceAll("<", "\\u003c");
  // The receiver's own static serving: precompressed copies, ETags, the widget's cache policy.
  const bundles = staticFiles({ root: embedDir, prefix: "/embed" });

  return async (c, next) => {
    const method = c.req.method;
    if (method !== "GET" && method !== "HEAD") return next();
    const path = c.req.path;

    if (path.startsWith("/embed/")) {
      if (!existsSync(embedDir)) return missingBuild(c, embedDir);
      safetyHeaders(c);
      // The bundles are loaded by pages of other origins too (a clinic's real site).
      c.header("Cross-Origin-Resource-Policy", "cross-origin");
      return bundles(c, next);
    }

    const name = path === "/" ? "index.html" : path.slice(1);
    const match = SITE_FILE.exec(name);
    if (!match) return next();
    const file = join(DEMO_DIR, name);
    if (!existsSync(file)) return next();

    const extension = match[1] ?? "html";
    let body = await readFile(file, "utf8");
    if (extension === "html") body = body.replace(INLINE_CONFIG, (_all, open: string, close: string) => `${open}\n${inlineConfig}\n    ${close}`);
    safetyHeaders(c);
    // The pages carry the running config inline.
    c.header("Cache-Control", "no-cache");
    const policy = PAGE_POLICIES[name];
    if (policy) c.header("Content-Security-Policy", policy);
    c.header("Content-Type", CONTENT_TYPES[extension] ?? "application/octet-stream");
    return method === "HEAD" ? c.body(null, 200) : c.body(body, 200);
  };
}

function safetyHeaders(c: Context): void {
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "no-referrer");
}

function missingBuild(c: Context, embedDir: string): Response {
  return c.text(`The widget is not built (${embedDir} is missing): run "npm run build" or "npm run demo".`, 404);
}

/** Request lines would drown the printed URLs; what went wrong (a failed email, a 500) is shown. */
const problemsOnly: Logger = (entry) => {
  if (entry.event !== "request" && entry.event !== "listening") process.stderr.write(`${JSON.stringify(entry)}\n`);
};

/** `tsx demo/serve.ts`: settings from PORT, HOST, DATABASE_PATH, OUTBOX_DIR, CLINIC_CONFIG, INBOX_TOKEN. */
async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const port = Number(env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`PORT: expected a port number, got ${JSON.stringify(env.PORT)}\n`);
    process.exit(1);
  }
  const embedDir = resolve(ROOT, "dist/embed");
  if (!existsSync(join(embedDir, "loader.js"))) {
    process.stderr.write(`Warning: ${embedDir} has no loader.js; run "npm run build" (npm run demo does) or the pages will show no widget.\n`);
  }

  const demo = await startDemo({
    port,
    log: problemsOnly,
    ...(env.HOST ? { host: env.HOST } : {}),
    ...(env.DATABASE_PATH ? { databasePath: env.DATABASE_PATH } : {}),
    ...(env.OUTBOX_DIR ? { outboxDir: env.OUTBOX_DIR } : {}),
    ...(env.CLINIC_CONFIG ? { configPath: env.CLINIC_CONFIG } : {}),
    ...(env.INBOX_TOKEN ? { inboxToken: env.INBOX_TOKEN } : {}),
  }).catch((error: unknown) => {
    process.stderr.write(`The demo could not start:\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });

  process.stdout.write(`Demo clinic: ${demo.url}  (inbox: ${demo.inboxUrl}, token: ${demo.inboxToken})\n`);
  process.stdout.write(
    [
      `  inline     ${demo.url}`,
      `  popup      ${demo.origin}/services.html`,
      `  floating   ${demo.origin}/floating.html`,
      `  français   ${demo.origin}/fr.html`,
      `  hostile    ${demo.origin}/hostile.html  (strict CSP)`,
      "",
    ].join("\n"),
  );

  const stop = () => {
    void demo.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(resolve(entry)).href) void main();
