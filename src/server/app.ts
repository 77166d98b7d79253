import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { contextOf, type AppDeps, type AppEnv } from "./context";
import { requestLog } from "./http/request-log";
import { apiHeaders, staticHeaders } from "./http/security";
import { inboxRoutes } from "./inbox/routes";
import { describeError, silentLogger } from "./log";
import { availabilityRoutes } from "./routes/availability";
import { bookingRoutes } from "./routes/bookings";
import { calendarRoutes } from "./routes/calendar";
import { clientRoutes } from "./routes/clients";
import { configRoutes } from "./routes/config";
import { manageRoutes } from "./routes/manage";
import { managePageRoutes } from "./routes/manage-page";

export type { AppDeps } from "./context";

/** The receiver's routes. No I/O of its own: the store, clock, mail and static files come in. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  if (deps.inboxToken.length === 0) throw new Error("an inbox token is required");
  const ctx = contextOf(deps);
  const app = new Hono<AppEnv>();

  // A silent logger would be handed an entry per request only to drop it.
  if (ctx.log !== silentLogger) app.use("*", requestLog(ctx.log));
  app.use("/api/*", apiHeaders(ctx.config));

  app.route("/", configRoutes(ctx));
  app.route("/", availabilityRoutes(ctx));
  app.route("/", bookingRoutes(ctx));
  app.route("/", clientRoutes(ctx));
  app.route("/", calendarRoutes(ctx));
  app.route("/", manageRoutes(ctx));
  app.route("/", managePageRoutes(ctx));
  app.route("/", inboxRoutes(ctx));
  app.all("/api/*", (c) => c.json({ error: "not-found" }, 404));
  if (deps.staticHandler) app.use("*", staticHeaders, deps.staticHandler);

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    ctx.log({ event: "server-error", method: c.req.method, path: c.req.path, error: describeError(error) });
    return c.req.path.startsWith("/api/")
      ? c.json({ error: "server-error", issues: [] }, 500)
      : c.text("Something went wrong.", 500);
  });
  return app;
}
