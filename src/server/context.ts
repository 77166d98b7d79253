import type { MiddlewareHandler } from "hono";
import type { ClinicConfig } from "../core/config";
import type { LogVariables } from "./http/request-log";
import { silentLogger, type Logger } from "./log";
import type { CodeMailer } from "./mail/code-mail";
import type { Notifier } from "./mail/notifier";
import { randomToken } from "./secrets";
import type { Store } from "./store/types";

export type AppEnv = { Variables: LogVariables };

/** What `createApp` needs; everything with a sensible default is optional. */
export interface AppDeps {
  /** Already validated (`parseClinicConfig`). */
  config: ClinicConfig;
  store: Store;
  inboxToken: string;
  /** ISO UTC "now": every rule (notice, horizon, deal windows) is judged at this instant. */
  clock?: () => string;
  notifier?: Notifier;
  /** Sends returning clients their one-time codes. */
  codeMailer?: CodeMailer;
  /**
   * Key of the one-time codes' hashes; a fresh one per process by default (a restart then
   * voids the live codes, which last ten minutes anyway).
   */
  codeSecret?: string;
  /** Code requests and code checks per minute per client address. */
  codesPerMinute?: number;
  log?: Logger;
  /** Public origin for links in answers and emails, e.g. "https://book.example.com". */
  publicUrl?: string;
  /** POSTs per minute per client address; raise it for load tests. */
  postsPerMinute?: number;
  /** Behind a reverse proxy: key rate limits on its X-Forwarded-For. */
  trustProxy?: boolean;
  maxBodyBytes?: number;
  /** Serves whatever the API and the inbox do not (the demo site, the built widget). */
  staticHandler?: MiddlewareHandler;
  /** URL path of the widget's loader.js that the /manage page loads; without it the page says the widget is not served here. */
  widgetScript?: string;
}

export interface AppContext {
  config: ClinicConfig;
  store: Store;
  inboxToken: string;
  clock: () => string;
  notifier: Notifier | null;
  codeMailer: CodeMailer | null;
  codeSecret: string;
  codesPerMinute: number;
  log: Logger;
  publicUrl: string | null;
  postsPerMinute: number;
  trustProxy: boolean;
  maxBodyBytes: number;
  widgetScript: string | null;
}

export const DEFAULT_POSTS_PER_MINUTE = 30;
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
export const DEFAULT_CODES_PER_MINUTE = 10;

export const systemClock = (): string => new Date().toISOString();

export function contextOf(deps: AppDeps): AppContext {
  return {
    config: deps.config,
    store: deps.store,
    inboxToken: deps.inboxToken,
    clock: deps.clock ?? systemClock,
    notifier: deps.notifier ?? null,
    codeMailer: deps.codeMailer ?? null,
    codeSecret: deps.codeSecret ?? randomToken(),
    codesPerMinute: deps.codesPerMinute ?? DEFAULT_CODES_PER_MINUTE,
    log: deps.log ?? silentLogger,
    publicUrl: deps.publicUrl ? deps.publicUrl.replace(/\/+$/, "") : null,
    postsPerMinute: deps.postsPerMinute ?? DEFAULT_POSTS_PER_MINUTE,
    trustProxy: deps.trustProxy ?? false,
    maxBodyBytes: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    widgetScript: deps.widgetScript ?? null,
  };
}

/** Where links should point: the configured public URL, else the origin the request came to. */
export function baseUrlOf(ctx: AppContext, requestUrl: string): string {
  return ctx.publicUrl ?? new URL(requestUrl).origin;
}
