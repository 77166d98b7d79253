import type { AddressInfo } from "node:net";
import type { Hono, MiddlewareHandler } from "hono";
import type { ClinicConfig } from "../core/config";
import { createApp } from "./app";
import { readClinicConfig } from "./config-file";
import { systemClock, type AppEnv } from "./context";
import { DEFAULT_RETENTION_DAYS, startKeyPurge } from "./key-purge";
import { staticFiles } from "./http/static-files";
import { browserHost, listen, stopListening, type FetchHandler } from "./listen";
import { jsonLinesLogger, type Logger } from "./log";
import { createCodeMailer, type CodeMailer } from "./mail/code-mail";
import { createNotifier, type Notifier } from "./mail/notifier";
import { createMailer, type Mailer } from "./mail/transport";
import { openSqliteStore, type SqliteStore } from "./store/sqlite";
import { startReminders } from "./reminders";

/** Where a started server is reached; with port 0 known only once it is bound. */
export interface Bound {
  /** No trailing slash, e.g. "http://127.0.0.1:8787". */
  url: string;
  port: number;
}

export interface ServerSettings {
  databasePath: string;
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  inboxToken: string;
  outboxDir: string;
  smtpUrl?: string | undefined;
  mailFrom?: string | undefined;
  publicUrl?: string | undefined;
  staticDir?: string | undefined;
  /**
   * Serves what the API does not, in place of `staticDir`. It is made once the config is known
   * because a site may embed that config (the demo's pages do).
   */
  staticHandler?: (config: ClinicConfig) => MiddlewareHandler;
  /** URL path of the widget's loader.js for the /manage page; "/loader.js" when `staticDir` is set. */
  widgetScript?: string | undefined;
  postsPerMinute?: number | undefined;
  trustProxy?: boolean | undefined;
  /** Days an idempotency key keeps its answer (DEFAULT_RETENTION_DAYS). */
  idempotencyRetentionDays?: number | undefined;
  clock?: () => string;
  log?: Logger;
}

/** Where the clinic config comes from: exactly one of a file or a parsed value. */
export type ConfigSource =
  | { configPath: string; config?: undefined }
  | {
      configPath?: undefined;
      /** Already parsed. A function is given the bound address, for a config that points at this server. */
      config: ClinicConfig | ((bound: Bound) => ClinicConfig);
    };

export type ServerOptions = ServerSettings & ConfigSource;

export interface RunningServer extends Bound {
  app: Hono<AppEnv>;
  /** The config the receiver enforces. */
  config: ClinicConfig;
  store: SqliteStore;
  notifier: Notifier;
  /** Stops accepting requests, lets queued emails finish, closes the database; safe to call twice. */
  close(): Promise<void>;
}

interface Parts {
  app: Hono<AppEnv>;
  config: ClinicConfig;
  store: SqliteStore;
  mailer: Mailer;
  notifier: Notifier;
  codeMailer: CodeMailer;
}

/**
 * Validates a config file (a `ConfigError` with the exact problems when it is wrong) before
 * anything is opened, then listens. The receiver is built once the port is bound, so a config
 * made from the address can name this very server even when the system picked the port.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? jsonLinesLogger;
  let source: ClinicConfig | ((bound: Bound) => ClinicConfig);
  if (options.configPath === undefined) source = options.config;
  else {
    const read = await readClinicConfig(options.configPath);
    for (const { key, path } of read.unknownKeys) log({ event: "config-unknown-key", key, path });
    source = read.config;
  }

  // Requests are handed to the app once it exists; none can arrive before `listen` resolves.
  let handle: FetchHandler | null = null;
  const server = await listen(options.port, options.host, (request, env) =>
    handle ? handle(request, env) : new Response("Starting…", { status: 503 }),
  );
  const port = (server.address() as AddressInfo).port;
  const bound: Bound = { url: `http://${browserHost(options.host)}:${port}`, port };

  let parts: Parts;
  try {
    parts = await assemble(options, typeof source === "function" ? source(bound) : source, log);
  } catch (error) {
    await stopListening(server);
    throw error;
  }
  const { app, config, store, mailer, notifier, codeMailer } = parts;
  // The bindings carry the socket: the receiver keys its rate limit on the client's address.
  handle = (request, env) => app.fetch(request, env);
  const keyPurge = startKeyPurge({
    store,
    clock: options.clock ?? systemClock,
    retentionDays: options.idempotencyRetentionDays ?? DEFAULT_RETENTION_DAYS,
    log,
  });

  const reminders = startReminders({
    config,
    store,
    clock: options.clock ?? systemClock,
    baseUrl: options.publicUrl ? options.publicUrl.replace(/\/+$/, "") : bound.url,
    send: (notice) => notifier.sendReminder(notice),
    log,
  });

  let closing: Promise<void> | null = null;
  return {
    ...bound,
    app,
    config,
    store,
    notifier,
    close() {
      closing ??= (async () => {
        await stopListening(server);
        keyPurge.stop();
        reminders.stop();
        await keyPurge.idle();
        await reminders.idle();
        await notifier.idle();
        await codeMailer.idle();
        mailer.close();
        await store.close();
      })();
      return closing;
    },
  };
}

/** Opens the database and the mailer and builds the receiver on them; what was opened is closed again if that fails. */
async function assemble(options: ServerSettings, config: ClinicConfig, log: Logger): Promise<Parts> {
  const store = openSqliteStore(options.databasePath);
  let mailer: Mailer | null = null;
  try {
    mailer = createMailer({ smtpUrl: options.smtpUrl, outboxDir: options.outboxDir });
    const notifier = createNotifier({ config, mailer, log, from: options.mailFrom });
    const codeMailer = createCodeMailer({ config, mailer, log, from: options.mailFrom });
    const staticHandler = options.staticHandler?.(config) ?? (options.staticDir ? staticFiles({ root: options.staticDir }) : undefined);
    const widgetScript = options.widgetScript ?? (options.staticDir ? "/loader.js" : undefined);
    const app = createApp({
      config,
      store,
      notifier,
      codeMailer,
      log,
      inboxToken: options.inboxToken,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      ...(options.postsPerMinute ? { postsPerMinute: options.postsPerMinute } : {}),
      ...(options.trustProxy ? { trustProxy: true } : {}),
      ...(staticHandler ? { staticHandler } : {}),
      ...(widgetScript ? { widgetScript } : {}),
    });
    return { app, config, store, mailer, notifier, codeMailer };
  } catch (error) {
    mailer?.close();
    await store.close();
    throw error;
  }
}
