/** First wait before a retry; doubled for each later one. */
export const BASE_BACKOFF_MS = 500;
/** Longest wait between two attempts, before jitter. */
export const MAX_BACKOFF_MS = 8000;
/**
 * Longest Retry-After the widget waits for. A receiver asking for more is not retried at
 * once: a client staring at a spinner for minutes is worse than an error with a retry button.
 */
export const MAX_RETRY_AFTER_MS = 30_000;

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so many
 * widgets failing at the same moment (a receiver restart) do not retry in lockstep.
 * `retry` counts from 0 for the wait before the first retry.
 */
export function backoffDelay(retry: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** retry);
  const unit = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * unit);
}

/**
 * Retry-After in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Null when absent or unreadable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/** Resolves after `ms`, or as soon as `signal` aborts: a cancelled booking stops waiting. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
