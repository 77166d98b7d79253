import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { requestHash } from "../booking/request-hash";
import { baseUrlOf, type AppContext, type AppEnv } from "../context";
import { clientIp } from "../http/client-ip";
import { INVALID_JSON, JSON_TYPE, KEY_PATTERN, readJson, sizeLimit } from "../http/json-body";
import { rateLimit, tokenBucket } from "../http/rate-limit";
import { apiAnswers } from "../http/security";
import { invalid, type ManageAnswer } from "../manage/answers";
import { cancelSessions } from "../manage/cancel";
import type { ManageContext, Opened } from "../manage/context";
import { calendarUrlOf } from "../manage/links";
import { quoteReschedule, reschedule } from "../manage/reschedule";
import { manageView } from "../manage/view";
import { sha256 } from "../secrets";

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,200})$/;

/** The manage API: every call names its booking by the manage token in `Authorization: Bearer`. */
export function manageRoutes(ctx: AppContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const bucket = tokenBucket({ perMinute: ctx.postsPerMinute });
  const answer = apiAnswers(ctx.config);
  const send = (c: Context, { status, body }: ManageAnswer) =>
    answer(c, JSON.stringify(body), status as ContentfulStatusCode, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  const manageContext = (c: Context): ManageContext => ({
    config: ctx.config,
    store: ctx.store,
    now: ctx.clock(),
    baseUrl: baseUrlOf(ctx, c.req.url),
    notifier: ctx.notifier,
  });
  // One answer for a missing, malformed, unknown or stale token: none of them tells which.
  const opened = async (c: Context): Promise<Opened | null> => {
    const token = BEARER.exec(c.req.header("authorization") ?? "")?.[1];
    const booking = token ? await ctx.store.findBookingByManageToken(sha256(token)) : null;
    if (!booking || !token) return null;
    c.set("bookingId", booking.id);
    return { booking, token };
  };
  const notFound = (c: Context) =>
    send(c, { status: 404, body: { error: "booking-not-found", message: "This manage link is not valid. Use the latest link from your emails, or call the clinic." } });

  // "/api/manage/*" matches "/api/manage" itself too.
  app.use("/api/manage/*", rateLimit(bucket, (c) => clientIp(c, ctx.trustProxy), (c) => c.json({ error: "rate-limited", issues: [] }, 429)));
  app.post("/api/manage/*", sizeLimit(ctx.maxBodyBytes, (c) => c.json({ error: "too-large", issues: [] }, 413)));

  app.get("/api/manage", async (c) => {
    const found = await opened(c);
    if (!found) return notFound(c);
    const m = manageContext(c);
    return send(c, { status: 200, body: manageView(ctx.config, found.booking, calendarUrlOf(found.booking.id, found.token, m.baseUrl), m.now) });
  });

  app.post("/api/manage/cancel", async (c) => {
    const found = await opened(c);
    if (!found) return notFound(c);
    const input = await jsonBody(c);
    return send(c, input === INVALID_JSON ? notJson() : await cancelSessions(manageContext(c), found, input));
  });

  app.post("/api/manage/reschedule/quote", async (c) => {
    const found = await opened(c);
    if (!found) return notFound(c);
    const input = await jsonBody(c);
    return send(c, input === INVALID_JSON ? notJson() : await quoteReschedule(manageContext(c), found, input));
  });

  app.post("/api/manage/reschedule", async (c) => {
    const found = await opened(c);
    if (!found) return notFound(c);
    const input = await jsonBody(c);
    if (input === INVALID_JSON) return send(c, notJson());
    const key = c.req.header("idempotency-key");
    if (key === undefined || !KEY_PATTERN.test(key)) {
      return send(c, invalid([{ path: "Idempotency-Key", code: "idempotency-key-required", message: "expected an Idempotency-Key header of 16 to 100 characters" }]));
    }
    const hash = requestHash(input);
    if (hash === null) return send(c, invalid([{ path: "(root)", code: "too-deep", message: "expected a reschedule request, not values nested this deep" }]));
    return send(c, await reschedule(manageContext(c), found, { key, requestHash: hash }, input));
  });
  return app;
}

async function jsonBody(c: Context): Promise<unknown> {
  return JSON_TYPE.test(c.req.header("content-type") ?? "") ? readJson(c) : INVALID_JSON;
}

function notJson(): ManageAnswer {
  return invalid([{ path: "(root)", code: "invalid-json", message: "expected a JSON body (Content-Type: application/json)" }]);
}
