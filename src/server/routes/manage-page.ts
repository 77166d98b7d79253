import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppContext, AppEnv } from "../context";
import { managePage } from "../manage/page";

/** The widget's own strict policy: its script and API from this origin, nothing inline. */
const managePageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:", "blob:"],
    connectSrc: ["'self'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
  crossOriginResourcePolicy: "same-origin",
  referrerPolicy: "no-referrer",
  xFrameOptions: "DENY",
});

export function managePageRoutes(ctx: AppContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/manage", managePageHeaders, (c) => {
    c.header("Cache-Control", "no-cache");
    c.header("X-Robots-Tag", "noindex, nofollow");
    return c.html(managePage(ctx.config, ctx.widgetScript));
  });
  return app;
}
