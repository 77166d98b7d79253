import { describeError, type Logger } from "./log";
import type { Store } from "./store/types";

/**
 * How long a booking's idempotency key keeps its answer. A retry comes within minutes; the
 * answer holds the booking's calendar token, which should not sit in a second place for ever.
 */
export const DEFAULT_RETENTION_DAYS = 30;
export const PURGE_EVERY_MS = 60 * 60_000;

const DAY_MS = 86_400_000;

export interface KeyPurgeOptions {
  store: Pick<Store, "purgeIdempotencyKeys">;
  /** ISO UTC "now", the receiver's clock. */
  clock: () => string;
  retentionDays: number;
  log: Logger;
}

export interface KeyPurge {
  /** Resolves once the purge running now, if any, has finished. */
  idle(): Promise<void>;
  stop(): void;
}

/** Purges old keys now and every PURGE_EVERY_MS after; the timer never keeps the process alive. */
export function startKeyPurge({ store, clock, retentionDays, log }: KeyPurgeOptions): KeyPurge {
  let running: Promise<void> = Promise.resolve();
  const purge = () => {
    const before = new Date(Date.parse(clock()) - retentionDays * DAY_MS).toISOString();
    running = running.then(async () => {
      try {
        await store.purgeIdempotencyKeys(before);
      } catch (error) {
        log({ event: "key-purge-failed", error: describeError(error) });
      }
    });
  };
  purge();
  const timer = setInterval(purge, PURGE_EVERY_MS);
  timer.unref?.();
  return {
    idle: () => running,
    stop: () => clearInterval(timer),
  };
}
