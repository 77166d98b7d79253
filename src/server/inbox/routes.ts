import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import type { AppContext, AppEnv } from "../context";
import { clientIp } from "../http/client-ip";
import { rateLimit, tokenBucket } from "../http/rate-limit";
import { inboxHeaders } from "../http/security";
import { inboxAuth } from "./auth";
import { bookingsCsv } from "./csv";
import { INBOX_CSS, loginPage } from "./layout";
import { detailPage, listPage, notFoundPage } from "./pages";

// Guessing a 256-bit token is hopeless anyway; the limit keeps a script from filling the logs.
const LOGIN_ATTEMPTS_PER_MINUTE = 10;
// Mounted at the root beside the API: middleware must name its paths, or it would guard /api too.
const INBOX_PATHS = "/inbox/*";

export function inboxRoutes(ctx: AppContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const publicOrigin = ctx.publicUrl ? new URL(ctx.publicUrl).origin : null;
  const auth = inboxAuth(ctx.inboxToken, {
    secureCookie: (c) => new URL(c.req.url).protocol === "https:" || publicOrigin?.startsWith("https:") === true,
  });
  const loginBucket = tokenBucket({ perMinute: LOGIN_ATTEMPTS_PER_MINUTE });

  app.use(INBOX_PATHS, inboxHeaders);
  app.use(
    INBOX_PATHS,
    csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin }),
  );

  app.get("/inbox/inbox.css", (c) => c.body(INBOX_CSS, 200, { "Content-Type": "text/css; charset=utf-8" }));

  app.get("/inbox/login", (c) => c.html(loginPage(null)));
  app.post(
    "/inbox/login",
    rateLimit(loginBucket, (c) => clientIp(c, ctx.trustProxy), (c) => c.html(loginPage("Too many attempts: wait a minute."), 429)),
    bodyLimit({ maxSize: 4096, onError: (c) => c.html(loginPage("That was not a token."), 413) }),
    async (c) => {
      const form = await c.req.parseBody();
      const token = typeof form.token === "string" ? form.token.trim() : "";
      if (!auth.logIn(c, token)) return c.html(loginPage("That token is not right."), 401);
      return c.redirect("/inbox", 303);
    },
  );
  app.post("/inbox/logout", (c) => {
    auth.logOut(c);
    return c.redirect("/inbox/login", 303);
  });

  // Everything below needs the token.
  app.use(INBOX_PATHS, async (c, next) => {
    if (!auth.isAuthorized(c)) return refuse(c);
    await next();
  });

  app.get("/inbox", async (c) => c.html(listPage(ctx.config, await ctx.store.listBookings())));

  app.get("/inbox/bookings/:id", async (c) => {
    const booking = await ctx.store.getBooking(c.req.param("id"));
    if (!booking) return c.html(notFoundPage(), 404);
    c.set("bookingId", booking.id);
    return c.html(detailPage(ctx.config, booking));
  });

  app.get("/inbox/export.csv", async (c) => {
    const csv = bookingsCsv(ctx.config, await ctx.store.listBookings({ limit: 100_000 }));
    const day = ctx.clock().slice(0, 10);
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="bookings-${day}.csv"`,
    });
  });

  return app;
}

function refuse(c: Context): Response | Promise<Response> {
  c.header("WWW-Authenticate", 'Bearer realm="inbox"');
  return c.html(loginPage(null), 401);
}
