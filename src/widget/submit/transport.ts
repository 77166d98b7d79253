import { BookingErrorBodySchema, BookingSchema } from "../../core/booking/contract";
import { isAllowedEndpoint } from "../../core/config/schema";
import type { BookingRequest, BookingTransport, Issue, SubmitFailureReason, SubmitOutcome } from "../types";
import { attempt, ISOLATED_REQUEST, readJson, type FetchLike } from "./http";
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, sleep as realSleep } from "./retry";

export interface HttpTransportOptions {
  /** The clinic's receiver: https, or http on localhost / 127.0.0.1 only. */
  endpoint: string;
  /** Deadline of each attempt, body included. */
  timeoutMs: number;
  /** Further attempts after the first one, for failures worth repeating. */
  maxRetries: number;
  fetch?: FetchLike;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** In [0, 1): jitter source, replaceable for tests. */
  random?: () => number;
  /** Clock for Retry-After dates. */
  now?: () => number;
}

/** What one HTTP exchange means for the booking: a final outcome, or a reason to try again. */
type Step = { final: SubmitOutcome } | { retry: SubmitFailureReason; waitMs?: number };

/**
 * POSTs a booking request and turns the answer into a `SubmitOutcome`. Never rejects and
 * never logs: the request holds health answers.
 */
export function createHttpTransport(options: HttpTransportOptions): BookingTransport {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const wait = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const maxRetries = Math.max(0, Math.floor(options.maxRetries));

  if (!isAllowedEndpoint(options.endpoint)) {
    return () => Promise.resolve(failed("insecure-endpoint", false));
  }

  return async (request, signal, proof) => {
    const init = requestInit(request, proof?.clientToken);
    let last: SubmitFailureReason = "offline";
    for (let retry = 0; ; retry++) {
      const outcome = await attempt(fetchFn, options.endpoint, init, { timeoutMs: options.timeoutMs, signal }, (response) =>
        interpret(response, now()),
      );
      // A caller that gave up (widget closed, own deadline) is told the request timed out:
      // the server may or may not have the booking, and a retry with the same key is safe.
      if (outcome.kind === "aborted") return failed("timeout", true);
      if (outcome.kind === "redirect") return failed("redirect", false);
      const step: Step =
        outcome.kind === "done" ? outcome.value : { retry: outcome.kind === "timeout" ? "timeout" : "offline" };
      if ("final" in step) return step.final;
      last = step.retry;
      if (retry >= maxRetries) break;
      const delay = step.waitMs ?? backoffDelay(retry, random);
      if (delay > MAX_RETRY_AFTER_MS) break;
      await wait(delay, signal);
      if (signal?.aborted) return failed("timeout", true);
    }
    return failed(last, true);
  };
}

function requestInit(request: BookingRequest, clientToken: string | undefined): RequestInit {
  return {
    ...ISOLATED_REQUEST,
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json",
      // The receiver answers a repeated key with the first outcome, so retries never book twice.
      "Idempotency-Key": request.idempotencyKey,
      ...(clientToken ? { "X-Client-Token": clientToken } : {}),
    },
    body: JSON.stringify(request),
  };
}

async function interpret(response: Response, nowMs: number): Promise<Step> {
  const { status } = response;
  if (status === 200 || status === 201) {
    const booking = BookingSchema.safeParse(await readJson(response));
    // The receiver probably booked but answered in a shape we cannot read; repeating the
    // key would only replay that same answer.
    return { final: booking.success ? { kind: "created", booking: booking.data } : failed("server", false) };
  }
  if (status === 409) return { final: { kind: "slot-taken", issues: await readIssues(response) } };
  if (status === 422) return { final: { kind: "invalid", issues: await readIssues(response) } };
  if (status === 429) {
    const waitMs = parseRetryAfter(response.headers.get("Retry-After"), nowMs);
    return waitMs === null ? { retry: "rate-limited" } : { retry: "rate-limited", waitMs };
  }
  if (status >= 500) return { retry: "server" };
  // 400, 413, 415 and the like: the same request will fail the same way.
  return { final: failed("server", false) };
}

async function readIssues(response: Response): Promise<Issue[]> {
  const body = BookingErrorBodySchema.safeParse(await readJson(response));
  return body.success ? body.data.issues : [];
}

function failed(reason: SubmitFailureReason, retryable: boolean): SubmitOutcome {
  return { kind: "failed", reason, retryable };
}
