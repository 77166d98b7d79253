import type Database from "better-sqlite3";
import type { ReminderClaim } from "./types";

/** Reminder claims: one UPDATE each, so two processes on one database never claim the same session twice within a lease. */
export function reminderClaims(db: Database.Database) {
  const sql = {
    claim: db.prepare(
      `UPDATE sessions SET reminder_lease_until_ms = @leaseUntilMs
       WHERE status = 'booked' AND reminder_sent_at IS NULL
         AND start_ms > @nowMs AND start_ms <= @startsBeforeMs
         AND (reminder_lease_until_ms IS NULL OR reminder_lease_until_ms <= @nowMs)
       RETURNING booking_id, position`,
    ),
    sent: db.prepare(
      `UPDATE sessions SET reminder_sent_at = @sentAt, reminder_lease_until_ms = NULL
       WHERE booking_id = @bookingId AND position = @index AND reminder_sent_at IS NULL`,
    ),
  };
  return {
    claimDueReminders(window: { now: string; startsBefore: string; leaseUntil: string }): ReminderClaim[] {
      const rows = sql.claim.all({
        nowMs: Date.parse(window.now),
        startsBeforeMs: Date.parse(window.startsBefore),
        leaseUntilMs: Date.parse(window.leaseUntil),
      }) as { booking_id: string; position: number }[];
      return rows.map((row) => ({ bookingId: row.booking_id, index: row.position }));
    },
    markReminderSent(claim: ReminderClaim, sentAt: string): void {
      sql.sent.run({ bookingId: claim.bookingId, index: claim.index, sentAt });
    },
  };
}
