import type { ClinicConfig } from "../core/config";
import { HOUR_MS } from "../core/time";
import { describeError, type Logger } from "./log";
import type { ReminderNotice } from "./mail/notice";
import { clientNotice } from "./manage/notices";
import { startPeriodic, type Periodic } from "./periodic";
import type { ReminderClaim, Store } from "./store/types";

export const REMIND_EVERY_MS = 60_000;
/** How long a claim holds a reminder: a process that dies after claiming leaves it to another after this. */
export const REMINDER_LEASE_MS = 10 * 60_000;

export interface ReminderOptions {
  config: ClinicConfig;
  store: Pick<Store, "claimDueReminders" | "markReminderSent" | "getBooking" | "addManageToken">;
  /** ISO UTC "now", the receiver's clock. */
  clock: () => string;
  /** Origin of the manage link in the reminder. */
  baseUrl: string;
  /** Resolves once the message is handed over; a rejection leaves the claim to expire and be retried. */
  send: (notice: ReminderNotice) => Promise<void>;
  log: Logger;
}

/**
 * One pass: claims the due reminders in the store (never in memory, so two processes or a restart
 * send each once), sends each and marks it sent. Resolves with how many were sent.
 */
export async function sendDueReminders(options: ReminderOptions): Promise<number> {
  const hours = options.config.booking.reminderHours;
  if (hours <= 0) return 0;
  const nowMs = Date.parse(options.clock());
  const claims = await options.store.claimDueReminders({
    now: new Date(nowMs).toISOString(),
    startsBefore: new Date(nowMs + hours * HOUR_MS).toISOString(),
    leaseUntil: new Date(nowMs + REMINDER_LEASE_MS).toISOString(),
  });
  let sent = 0;
  for (const claim of claims) {
    try {
      if (await remind(options, claim)) sent += 1;
    } catch (error) {
      options.log({ event: "reminder-failed", bookingId: claim.bookingId, error: describeError(error) });
    }
  }
  return sent;
}

async function remind(options: ReminderOptions, claim: ReminderClaim): Promise<boolean> {
  const booking = await options.store.getBooking(claim.bookingId);
  const session = booking?.sessions.find((s) => s.index === claim.index);
  // Cancelled since the claim: a cancelled session is never claimed again, so nothing is left pending.
  if (!booking || !session || session.status !== "booked") return false;
  const now = options.clock();
  await options.send({ ...(await clientNotice({ store: options.store, now, baseUrl: options.baseUrl }, booking)), start: session.start });
  await options.store.markReminderSent(claim, now);
  return true;
}

/** A pass now and every REMIND_EVERY_MS after. */
export function startReminders(options: ReminderOptions): Periodic {
  return startPeriodic(() => sendDueReminders(options), REMIND_EVERY_MS, (error) =>
    options.log({ event: "reminders-failed", error: describeError(error) }),
  );
}
