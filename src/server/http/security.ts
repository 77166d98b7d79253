import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import type { ClinicConfig } from "../../core/config";

/**
 * JSON and .ics answers never render as pages, so nothing may load from them. CORP is
 * cross-origin because the widget runs on the clinic's own site; CORS decides who may read.
 */
export const apiHeaders: MiddlewareHandler = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
  crossOriginResourcePolicy: "cross-origin",
  referrerPolicy: "no-referrer",
  xFrameOptions: "DENY",
});

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

/** Exact origins from `submit.allowedOrigins`: no wildcard, no credentials. */
export function apiCors(config: ClinicConfig): MiddlewareHandler {
  const allowed = new Set(config.submit.allowedOrigins);
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ["GET", "POST", "OPTIONS"],
    allowHeaders: ["Content-Type", "Idempotency-Key"],
    // The widget honours Retry-After on 429; without this it could not read it cross-origin.
    exposeHeaders: ["Retry-After"],
    maxAge: 600,
  });
}

/**
 * Demo pages and the widget bundle: no CSP from here, since each demo page sets its own to show the
 * widget working under it; the headers that cannot break a page still apply.
 */
export const staticHeaders: MiddlewareHandler = secureHeaders({
  contentSecurityPolicy: undefined,
  crossOriginResourcePolicy: "cross-origin",
  referrerPolicy: "no-referrer",
});
