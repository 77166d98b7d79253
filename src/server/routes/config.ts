import { Hono } from "hono";
import type { AppContext, AppEnv } from "../context";
import { CODINGS, encodeSync } from "../http/encodings";
import { representationsOf, sendRepresentation, type Representations } from "../http/representations";

/**
 * The config is public (the widget renders it) and fixed for the server's life: it is encoded
 * once, on the first request, and sent compressed. "no-cache" with an ETag so an edit shows up
 * on the next load while an unchanged config costs a 304.
 */
export function configRoutes(ctx: AppContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let representations: Representations | null = null;
  app.get("/api/config", (c) => {
    representations ??= encoded(Buffer.from(JSON.stringify(ctx.config)));
    return sendRepresentation(c, representations, { "Content-Type": "application/json", "Cache-Control": "no-cache" });
  });
  return app;
}

const encoded = (body: Buffer): Representations =>
  representationsOf(body, Object.fromEntries(CODINGS.map((coding) => [coding, encodeSync(coding, body)])));
