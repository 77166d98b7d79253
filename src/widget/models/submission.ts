import { signal } from "@preact/signals";
import type { BookingRequest, BookingTransport, ClientProof, SubmitFailureReason, SubmitOutcome } from "../types";
import { newIdempotencyKey } from "./idempotency";

export type SubmissionStatus = "idle" | "sending" | "failed" | "done";

interface SubmissionDeps {
  transport: BookingTransport;
  newKey?: () => string;
}

/**
 * One booking attempt at a time. The key is made on the first send and kept for every retry of
 * that same request, so the receiver books once however often the client presses "Try again".
 * A definitive answer (created, 409, 422) forgets it: the next request is a different one
 * (another booking, another time, corrected fields), and an endpoint that remembers its answer
 * per key must not replay the old rejection.
 */
export function createSubmission(deps: SubmissionDeps) {
  const newKey = deps.newKey ?? (() => newIdempotencyKey());
  const status = signal<SubmissionStatus>("idle");
  const failure = signal<{ reason: SubmitFailureReason; retryable: boolean } | null>(null);
  let key: string | null = null;
  let inFlight = false;
  let controller: AbortController | null = null;

  /** Resolves with the outcome, or null when a send was already under way (double click). */
  async function send(build: (idempotencyKey: string) => BookingRequest, proof: ClientProof = {}): Promise<SubmitOutcome | null> {
    if (inFlight) return null;
    inFlight = true;
    status.value = "sending";
    failure.value = null;
    key ??= newKey();
    controller = new AbortController();
    let outcome: SubmitOutcome;
    try {
      outcome = await deps.transport(build(key), controller.signal, proof);
    } catch {
      // The transport promises never to reject; if it does anyway, the client can still retry.
      outcome = { kind: "failed", reason: "offline", retryable: true };
    } finally {
      inFlight = false;
      controller = null;
    }
    if (outcome.kind === "failed") {
      failure.value = { reason: outcome.reason, retryable: outcome.retryable };
      status.value = "failed";
    } else {
      key = null;
      status.value = outcome.kind === "created" ? "done" : "idle";
    }
    return outcome;
  }

  /** Pretends a booking went through without sending anything (bot trap). */
  function pretendDone(): void {
    key = null;
    status.value = "done";
  }

  function currentKey(): string | null {
    return key;
  }

  function abort(): void {
    controller?.abort();
  }

  function reset(): void {
    status.value = "idle";
    failure.value = null;
  }

  return { status, failure, send, pretendDone, currentKey, abort, reset, isSending: () => inFlight };
}
