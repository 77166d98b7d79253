import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import { createApp } from "./app";
import { loadClinicConfig } from "./config-file";
import type { AppEnv } from "./context";
import { jsonLinesLogger, type Logger } from "./log";
import { createNotifier, type Notifier } from "./mail/notifier";
import { createMailer } from "./mail/transport";
import { openSqliteStore, type SqliteStore } from "./store/sqlite";

export interface ServerOptions {
  configPath: string;
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
  postsPerMinute?: number | undefined;
  trustProxy?: boolean | undefined;
  clock?: () => string;
  log?: Logger;
}

export interface RunningServer {
  url: string;
  port: number;
  app: Hono<AppEnv>;
  store: SqliteStore;
  notifier: Notifier;
  /** Stops accepting requests, lets queued emails finish, closes the database. */
  close(): Promise<void>;
}

/** Validates the config (a `ConfigError` with the exact problems when it is wrong), then listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const config = await loadClinicConfig(options.configPath);
  const log = options.log ?? jsonLinesLogger;
  const store = openSqliteStore(options.databasePath);
  const mailer = createMailer({ smtpUrl: options.smtpUrl, outboxDir: options.outboxDir });
  const notifier = createNotifier({ config, mailer, log, from: options.mailFrom });
  const app = createApp({
    config,
    store,
    notifier,
    log,
    inboxToken: options.inboxToken,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.postsPerMinute ? { postsPerMinute: options.postsPerMinute } : {}),
    ...(options.trustProxy ? { trustProxy: true } : {}),
    ...(options.staticDir ? { staticHandler: serveStatic({ root: options.staticDir }) } : {}),
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(started));
    started.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}`;

  return {
    url,
    port,
    app,
    store,
    notifier,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await notifier.idle();
      mailer.close();
      await store.close();
    },
  };
}
