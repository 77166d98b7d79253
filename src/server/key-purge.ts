import { describeError, type Logger } from "./log";
import type { Store } from "./store/types";
import { startPeriodic, type Periodic } from "./periodic";

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

export type KeyPurge = Periodic;

/** Purges old keys now and every PURGE_EVERY_MS after. */
export function startKeyPurge({ store, clock, retentionDays, log }: KeyPurgeOptions): KeyPurge {
  return startPeriodic(
    () => store.purgeIdempotencyKeys(new Date(Date.parse(clock()) - retentionDays * DAY_MS).toISOString()),
    PURGE_EVERY_MS,
    (error) => log({ event: "key-purge-failed", error: describeError(error) }),
  );
}
