import type { MiddlewareHandler } from "hono";
import type { Logger } from "../log";

export type LogVariables = { bookingId?: string };

/**
 * Method, path (never the query: it carries calendar tokens), status, duration, and the booking id
 * a handler chose to record. Nothing from bodies or headers.
 */
export function requestLog(log: Logger): MiddlewareHandler<{ Variables: LogVariables }> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const bookingId = c.get("bookingId");
    log({
      event: "request",
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      ...(bookingId ? { bookingId } : {}),
    });
  };
}
