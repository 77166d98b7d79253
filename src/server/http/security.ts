import type { Context, MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import type { ClinicConfig } from "../../core/config";

/**
 * JSON and .ics answers never render as pages, so nothing may load from them. CORP is
 * cross-origin because the widget runs on the clinic's own site; CORS decides who may read.
 * These are the headers Hono's secureHeaders sets with that policy.
 */
const API_SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ["Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Cross-Origin-Resource-Policy", "cross-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "no-referrer"],
  ["Strict-Transport-Security", "max-age=15552000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "DENY"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
];

const API_SECURITY_RECORD: Readonly<Record<string, string>> = Object.fromEntries(API_SECURITY_HEADERS);

/** The widget honours Retry-After on 429; without this it could not read it cross-origin. */
const EXPOSED_HEADERS = "Retry-After";

/** Answers made by `apiAnswers`, which already carry every header `apiHeaders` would add. */
const complete = new WeakSet<Response>();

/**
 * An API answer with its security and CORS headers (those `apiHeaders` adds) set from the start,
 * as one plain record: @hono/node-server then writes them out as they are, where headers added
 * to a finished answer cost a Headers object filled one validated call at a time and read back.
 */
export function apiAnswers(config: ClinicConfig): (c: Context, body: string, status: number, headers: Record<string, string>) => Response {
  const allowed = new Set(config.submit.allowedOrigins);
  return (c, body, status, headers) => {
    const origin = c.req.header("origin");
    const response = new Response(body, {
      status,
      headers: {
        ...headers,
        ...(origin !== undefined && allowed.has(origin) ? { "Access-Control-Allow-Origin": origin } : {}),
        "Access-Control-Expose-Headers": EXPOSED_HEADERS,
        Vary: "Origin",
        ...API_SECURITY_RECORD,
      },
    });
    complete.add(response);
    return response;
  };
}

/**
 * Security and CORS headers for every API answer, CORS for exact origins from
 * `submit.allowedOrigins` (no wildcard, no credentials). Written onto the finished answer in one
 * pass: Hono's cors and secureHeaders middlewares each rebuild the response object to add theirs,
 * which cost more than the rest of the HTTP handling of a booking. Preflights, which are cached
 * by browsers, still go through Hono's cors.
 */
export function apiHeaders(config: ClinicConfig): MiddlewareHandler {
  const allowed = new Set(config.submit.allowedOrigins);
  const preflight = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ["GET", "POST", "OPTIONS"],
    allowHeaders: ["Content-Type", "Idempotency-Key", "Authorization", "X-Client-Token"],
    exposeHeaders: [EXPOSED_HEADERS],
    maxAge: 600,
  });
  return async (c, next) => {
    if (c.req.method === "OPTIONS") {
      const answer = await preflight(c, next);
      if (answer) c.res = answer;
    } else {
      await next();
    }
    if (complete.has(c.res)) return;
    const headers = c.res.headers;
    if (c.req.method !== "OPTIONS") {
      const origin = c.req.header("origin");
      if (origin !== undefined && allowed.has(origin)) headers.set("Access-Control-Allow-Origin", origin);
      headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
      headers.append("Vary", "Origin");
    }
    for (const [name, value] of API_SECURITY_HEADERS) headers.set(name, value);
  };
}

/** The clinic's inbox holds health data: no scripts at all, no framing, no referrer, no caching. */
export const inboxHeaders: MiddlewareHandler = async (c, next) => {
  await strictPageHeaders(c, next);
  c.header("Cache-Control", "no-store");
  c.header("X-Robots-Tag", "noindex, nofollow");
};

const strictPageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
  crossOriginResourcePolicy: "same-origin",
  referrerPolicy: "no-referrer",
  xFrameOptions: "DENY",
});

/**
 * Demo pages and the widget bundle: no CSP from here, since each demo page sets its own to show the
 * widget working under it; the headers that cannot break a page still apply.
 */
const staticSecurityHeaders = secureHeaders({
  contentSecurityPolicy: undefined,
  crossOriginResourcePolicy: "cross-origin",
  referrerPolicy: "no-referrer",
});

export const staticHeaders: MiddlewareHandler = async (c, next) => {
  await staticSecurityHeaders(c, next);
  // The bundle is a module script and imports its chunks: a clinic's page on another origin fetches
  // them with CORS. They are public code, sent without credentials, so any origin may read them.
  if (c.req.path.endsWith(".js")) c.header("Access-Control-Allow-Origin", "*");
};
