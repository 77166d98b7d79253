import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { CodeRequestSchema, CodeVerifySchema, normaliseEmail, type VerifiedClient } from "../../core/clients";
import { toIssues } from "../../core/config/errors";
import type { Issue } from "../../core/result";
import { CODE_VALID_MINUTES, issueClientToken, issueCode, standingFromHistory, useCode, type ClientCodeContext } from "../clients/codes";
import type { AppContext, AppEnv } from "../context";
import { clientIp } from "../http/client-ip";
import { INVALID_JSON, JSON_TYPE, readJson } from "../http/json-body";
import { rateLimit, tokenBucket, type TokenBucket } from "../http/rate-limit";
import { hmac } from "../secrets";

/** Codes one email may be sent: three at once, then one every five minutes (3 per 15 minutes). */
const CODES_PER_EMAIL = { burst: 3, perMinute: 3 / 15 };
const MAX_BODY_BYTES = 4 * 1024;

/**
 * `POST /api/clients/code` and `POST /api/clients/verify` (docs: lifecycle contract, "Returning
 * clients"). The code route answers every well-formed email alike and sends every address its
 * code, so nothing tells a visitor whether an email is known.
 */
export function clientRoutes(ctx: AppContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const byAddress = tokenBucket({ perMinute: ctx.codesPerMinute });
  const verifyByAddress = tokenBucket({ perMinute: ctx.codesPerMinute });
  const byEmail = tokenBucket(CODES_PER_EMAIL);
  const codeContext = (): ClientCodeContext => ({ config: ctx.config, store: ctx.store, now: ctx.clock(), secret: ctx.codeSecret });
  const body = [
    async (c: Context, next: () => Promise<void>) => (JSON_TYPE.test(c.req.header("content-type") ?? "") ? next() : error(c, 415, { error: "unsupported-media-type" })),
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => error(c, 413, { error: "too-large" }) }),
  ] as const;

  app.post("/api/clients/code", limited(byAddress, ctx), ...body, async (c) => {
    const parsed = CodeRequestSchema.safeParse(await readJson(c));
    if (!parsed.success) return invalid(c, parsed.error);
    const { email, locale } = parsed.data;
    const perEmail = byEmail.take(hmac(ctx.codeSecret, normaliseEmail(email)));
    if (!perEmail.allowed) return rateLimited(c, perEmail.retryAfterSeconds);
    const code = await issueCode(codeContext(), email);
    ctx.codeMailer?.send({ to: email, locale, code, validMinutes: CODE_VALID_MINUTES });
    c.header("Cache-Control", "no-store");
    return c.json({ sent: true }, 202);
  });

  app.post("/api/clients/verify", limited(verifyByAddress, ctx), ...body, async (c) => {
    const parsed = CodeVerifySchema.safeParse(await readJson(c));
    if (!parsed.success) return invalid(c, parsed.error);
    const { email, code } = parsed.data;
    const codes = codeContext();
    if (!(await useCode(codes, email, code))) {
      return error(c, 401, { error: "code-invalid", message: "This code is wrong, has expired or was already used: ask for a new one." });
    }
    const clientToken = await issueClientToken(codes, email);
    const history = await ctx.store.clientHistory(normaliseEmail(email));
    const standing = standingFromHistory(ctx.config, codes.now, history);
    const returning = !standing.isNewClient;
    const answer: VerifiedClient = { clientToken, returning, intakeMode: standing.intakeMode, contact: returning ? history.contact : null };
    c.header("Cache-Control", "no-store");
    return c.json(answer, 200);
  });
  return app;
}

function limited(bucket: TokenBucket, ctx: AppContext) {
  return rateLimit(bucket, (c) => clientIp(c, ctx.trustProxy), rateLimited);
}

function rateLimited(c: Context, retryAfterSeconds: number): Response {
  c.header("Retry-After", String(retryAfterSeconds));
  return error(c, 429, { error: "rate-limited", retryAfterSeconds });
}

function invalid(c: Context, zodError: Parameters<typeof toIssues>[0]): Response {
  const issues: Issue[] = toIssues(zodError);
  return error(c, 422, { error: "invalid", issues });
}

function error(c: Context, status: 401 | 413 | 415 | 422 | 429, body: object): Response {
  c.header("Cache-Control", "no-store");
  return c.json(body, status);
}
