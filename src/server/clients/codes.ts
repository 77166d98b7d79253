import { randomInt, timingSafeEqual } from "node:crypto";
import { clientStanding, normaliseEmail, UNVERIFIED_STANDING, type ClientStanding } from "../../core/clients";
import type { ClinicConfig } from "../../core/config";
import { questionnaireOf } from "../../core/screening";
import { clinicDateAt } from "../../core/time";
import { hmac, randomToken, sha256 } from "../secrets";
import type { ClientHistory, Store } from "../store/types";

export const CODE_VALID_MINUTES = 10;
export const CODE_TRIES = 5;
export const CLIENT_TOKEN_HOURS = 2;

/** What the code and token work needs: the store, the clock, and the key codes are hashed with. */
export interface ClientCodeContext {
  config: ClinicConfig;
  store: Store;
  now: string;
  /**
   * Key of the keyed hashes. It never reaches the database, so a copy of the database gives no
   * code for free: six digits hashed without a secret would fall to a million guesses.
   */
  secret: string;
}

/** Every client token is `randomToken()`'s 43 base64url characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const emailKey = (ctx: ClientCodeContext, emailNorm: string) => hmac(ctx.secret, `email\n${emailNorm}`);
const codeKey = (ctx: ClientCodeContext, emailNorm: string, code: string) => hmac(ctx.secret, `code\n${emailNorm}\n${code}`);
const later = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();

/** A fresh code for the email, replacing any live one; the same work whether the email is known or not. */
export async function issueCode(ctx: ClientCodeContext, email: string): Promise<string> {
  const emailNorm = normaliseEmail(email);
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await ctx.store.saveClientCode(
    {
      emailHash: emailKey(ctx, emailNorm),
      codeHash: codeKey(ctx, emailNorm, code),
      expiresAt: later(ctx.now, CODE_VALID_MINUTES * 60_000),
      triesLeft: CODE_TRIES,
      createdAt: ctx.now,
    },
    ctx.now,
  );
  return code;
}

/**
 * Whether `code` is the email's live code; a right one is used up, a wrong one spends a try. The
 * hashes are compared in constant time, against a stand-in when no code is stored, so the answer
 * takes the same time whatever is wrong.
 */
export async function useCode(ctx: ClientCodeContext, email: string, code: string): Promise<boolean> {
  const emailNorm = normaliseEmail(email);
  const emailHash = emailKey(ctx, emailNorm);
  const presented = codeKey(ctx, emailNorm, code);
  const stored = await ctx.store.findClientCode(emailHash);
  const matches = sameHash(presented, stored?.codeHash ?? codeKey(ctx, emailNorm, "no code"));
  if (!stored) return false;
  if (stored.expiresAt <= ctx.now) return false;
  if (!matches) {
    await ctx.store.spendClientCodeTry(emailHash);
    return false;
  }
  // Two requests with the same right code: only the one that removes it wins.
  return ctx.store.useClientCode(emailHash, stored.codeHash);
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "base64url");
  const right = Buffer.from(b, "base64url");
  return left.length === right.length && timingSafeEqual(left, right);
}

export async function issueClientToken(ctx: ClientCodeContext, email: string): Promise<string> {
  const token = randomToken();
  await ctx.store.saveClientToken(
    { tokenHash: sha256(token), emailNorm: normaliseEmail(email), expiresAt: later(ctx.now, CLIENT_TOKEN_HOURS * 3_600_000) },
    ctx.now,
  );
  return token;
}

/** The receiver's standing of a verified email, from its records. */
export function standingFromHistory(config: ClinicConfig, now: string, history: ClientHistory): ClientStanding {
  const lastFullIntake = history.lastFullIntakeAt ? clinicDateAt(history.lastFullIntakeAt, config.timeZone) : undefined;
  return clientStanding(questionnaireOf(config), clinicDateAt(now, config.timeZone), {
    verified: true,
    priorBookings: history.bookings,
    lastFullIntake,
  });
}

/**
 * The standing a booking is priced with: from the records when `token` is a live client token
 * for the booking's own email, otherwise the unverified standing, the same for every email.
 */
export async function bookingStanding(
  ctx: Omit<ClientCodeContext, "secret">,
  token: string | undefined,
  email: string,
): Promise<ClientStanding> {
  if (token === undefined || !TOKEN_PATTERN.test(token)) return UNVERIFIED_STANDING;
  const owner = await ctx.store.findClientToken(sha256(token), ctx.now);
  const emailNorm = normaliseEmail(email);
  if (owner !== emailNorm) return UNVERIFIED_STANDING;
  return standingFromHistory(ctx.config, ctx.now, await ctx.store.clientHistory(emailNorm));
}
