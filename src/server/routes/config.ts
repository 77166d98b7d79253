import { Hono } from "hono";
import type { AppContext, AppEnv } from "../context";

export function configRoutes(ctx: AppContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // The config is public (the widget renders it); "no-cache" so an edit shows up on the next load.
  app.get("/api/config", (c) => {
    c.header("Cache-Control", "no-cache");
    return c.json(ctx.config);
  });
  return app;
}
