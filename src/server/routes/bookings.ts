import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { BookingErrorBody } from "../../core/booking";
import type { Issue } from "../../core/result";
import { requestHash } from "../booking/request-hash";
import { submitBooking } from "../booking/submit";
import { baseUrlOf, type AppContext, type AppEnv } from "../context";
import { clientIp } from "../http/client-ip";
import { rateLimit, tokenBucket } from "../http/rate-limit";
import { apiAnswers } from "../http/security";
import { INVALID_JSON, JSON_TYPE, KEY_PATTERN, readJson, sizeLimit } from "../http/json-body";

export function bookingRoutes(ctx: AppContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const bucket = tokenBucket({ perMinute: ctx.postsPerMinute });
  const answer = apiAnswers(ctx.config);

  app.post(
    "/api/bookings",
    rateLimit(bucket, (c) => clientIp(c, ctx.trustProxy), (c) => errorBody(c, 429, "rate-limited")),
    async (c, next) => (JSON_TYPE.test(c.req.header("content-type") ?? "") ? next() : errorBody(c, 415, "unsupported-media-type")),
    sizeLimit(ctx.maxBodyBytes, (c) => errorBody(c, 413, "too-large")),
    async (c) => {
      const input = await readJson(c);
      if (input === INVALID_JSON) return invalid(c, [{ path: "(root)", code: "invalid-json", message: "expected a JSON body" }]);
      const key = c.req.header("idempotency-key");
      if (key === undefined || !KEY_PATTERN.test(key)) {
        return invalid(c, [{ path: "Idempotency-Key", code: "idempotency-key-required", message: "expected an Idempotency-Key header of 16 to 100 characters" }]);
      }
      if (keyInBody(input) !== key) {
        return invalid(c, [{ path: "idempotencyKey", code: "idempotency-key-mismatch", message: "expected the same value as the Idempotency-Key header" }]);
      }

      const hash = requestHash(input);
      if (hash === null) return invalid(c, [{ path: "(root)", code: "too-deep", message: "expected a booking request, not values nested this deep" }]);

      const outcome = await submitBooking(
        {
          config: ctx.config,
          store: ctx.store,
          now: ctx.clock(),
          baseUrl: baseUrlOf(ctx, c.req.url),
          clientToken: c.req.header("x-client-token"),
        },
        { key, requestHash: hash },
        input,
      );
      if (outcome.bookingId) c.set("bookingId", outcome.bookingId);
      if (outcome.notice) ctx.notifier?.bookingCreated(outcome.notice);
      return answer(c, outcome.body, outcome.status, {
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": "no-store",
      });
    },
  );
  return app;
}

function keyInBody(input: unknown): unknown {
  return typeof input === "object" && input !== null && "idempotencyKey" in input ? input.idempotencyKey : undefined;
}

function invalid(c: Context, issues: Issue[]): Response {
  return errorBody(c, 422, "invalid", issues);
}

function errorBody(c: Context, status: ContentfulStatusCode, error: BookingErrorBody["error"], issues: Issue[] = []): Response {
  const body: BookingErrorBody = { error, issues };
  c.header("Cache-Control", "no-store");
  return c.json(body, status);
}
