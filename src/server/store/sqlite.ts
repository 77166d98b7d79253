import type { BusyInterval } from "../../core/slots";
import { openConnection } from "./connection";
import { LONGEST_BLOCK_MS, migrate } from "./migrations";
import { toBookingDetail, toIso, type BookingRow, type IntakeRow, type SessionRow } from "./rows";
import { KEYED_RESPONSE_SQL, toKeyedResponse, type KeyRow } from "./keys";
import type { BookingDetail, KeyedResponse, Store } from "./types";
import { groupCommit } from "./group-commit";
import { bookingWriter, writeBooking } from "./insert";
import { bookingChanges } from "./changes";
import { reminderClaims } from "./reminders";
import type { EventRow } from "./rows";
import { clientStore } from "./clients";

export interface SqliteStore extends Store {
  /** A consistent copy of the live database (SQLite's online backup), safe while serving. */
  backup(destination: string): Promise<void>;
}

/**
 * One connection reads and writes. Bookings are written by group commit on it (see
 * group-commit.ts): measured against a writer thread with its own connection, this was faster and
 * cheaper (no copy of each booking between threads, no second page cache to refill after every
 * commit), and it is the path every test runs, `:memory:` included.
 */
export function openSqliteStore(path: string): SqliteStore {
  const db = openConnection(path);
  migrate(db);
  const writes = groupCommit(db, bookingWriter(db));
  const changes = bookingChanges(db);
  const reminders = reminderClaims(db);

  const sql = {
    response: db.prepare(KEYED_RESPONSE_SQL),
    // A session starts at most LONGEST_BLOCK_MS before a span it overlaps: bounds the index scan from below.
    busy: db.prepare(
      `SELECT therapist_id, start_ms, end_ms FROM sessions
       WHERE start_ms < @to AND start_ms >= @lowest AND end_ms > @from AND status = 'booked' ORDER BY start_ms`,
    ),
    busyOf: db.prepare(
      `SELECT therapist_id, start_ms, end_ms FROM sessions
       WHERE therapist_id = @therapistId AND blocked_start_ms < @to AND blocked_start_ms >= @lowest
         AND start_ms < @to AND end_ms > @from AND status = 'booked' ORDER BY start_ms`,
    ),
    bookingById: db.prepare(`SELECT * FROM bookings WHERE id = ?`),
    bookingByReference: db.prepare(`SELECT * FROM bookings WHERE reference = ?`),
    purgeKeys: db.prepare(`DELETE FROM idempotency_keys WHERE created_at < ?`),
    newest: db.prepare(`SELECT * FROM bookings ORDER BY created_at DESC, rowid DESC LIMIT ?`),
    sessionsOf: db.prepare(
      `SELECT position, status, sequence, therapist_id, start_ms, end_ms, list_price, discount, price, deal_id
       FROM sessions WHERE booking_id = ? ORDER BY position`,
    ),
    intakeOf: db.prepare(`SELECT * FROM intakes WHERE booking_id = ?`),
    eventsOf: db.prepare(`SELECT at, actor, kind, detail_json FROM booking_events WHERE booking_id = ? ORDER BY at, rowid`),
    addToken: db.prepare(
      `INSERT INTO manage_tokens (token_hash, booking_id, calendar_token_hash, created_at)
       VALUES (@tokenHash, @bookingId, @calendarTokenHash, @createdAt)`,
    ),
    bookingByToken: db.prepare(
      `SELECT bookings.* FROM manage_tokens JOIN bookings ON bookings.id = manage_tokens.booking_id WHERE manage_tokens.token_hash = ?`,
    ),
    calendarToken: db.prepare(`SELECT 1 FROM manage_tokens WHERE calendar_token_hash = ? AND booking_id = ?`),
  };

  const readResponse = (key: string): KeyedResponse | null => {
    const row = sql.response.get(key) as KeyRow | undefined;
    return row ? toKeyedResponse(row) : null;
  };

  const detailOf = (row: BookingRow): BookingDetail =>
    toBookingDetail(
      row,
      sql.sessionsOf.all(row.id) as SessionRow[],
      sql.intakeOf.get(row.id) as IntakeRow | undefined,
      sql.eventsOf.all(row.id) as EventRow[],
    );

  return {
    ...clientStore(db),
    async findResponse(key) {
      return readResponse(key);
    },
    async insertBooking(booking, claim) {
      return writeBooking(writes, { booking, ...claim });
    },
    async busyIntervals(from, to, therapistId) {
      const fromMs = Date.parse(from);
      const span = { from: fromMs, to: Date.parse(to), lowest: fromMs - LONGEST_BLOCK_MS };
      const rows = (therapistId === undefined ? sql.busy.all(span) : sql.busyOf.all({ ...span, therapistId })) as Pick<
        SessionRow,
        "therapist_id" | "start_ms" | "end_ms"
      >[];
      return rows.map((row): BusyInterval => ({ therapistId: row.therapist_id, start: toIso(row.start_ms), end: toIso(row.end_ms) }));
    },
    async listBookings(options = {}) {
      const rows = sql.newest.all(options.limit ?? 1000) as BookingRow[];
      return rows.map(detailOf);
    },
    async getBooking(id) {
      const row = sql.bookingById.get(id) as BookingRow | undefined;
      return row ? detailOf(row) : null;
    },
    async purgeIdempotencyKeys(createdBefore) {
      return sql.purgeKeys.run(createdBefore).changes;
    },
    async findBookingByReference(reference) {
      const row = sql.bookingByReference.get(reference) as BookingRow | undefined;
      return row ? detailOf(row) : null;
    },
    async addManageToken(token) {
      sql.addToken.run(token);
    },
    async findBookingByManageToken(tokenHash) {
      const row = sql.bookingByToken.get(tokenHash) as BookingRow | undefined;
      return row ? detailOf(row) : null;
    },
    async hasCalendarToken(bookingId, calendarTokenHash) {
      return sql.calendarToken.get(calendarTokenHash, bookingId) !== undefined;
    },
    async cancelSessions(change) {
      return changes.cancelSessions(change);
    },
    async rescheduleSessions(change) {
      return changes.rescheduleSessions(change);
    },
    async claimDueReminders(window) {
      return reminders.claimDueReminders(window);
    },
    async markReminderSent(claim, sentAt) {
      reminders.markReminderSent(claim, sentAt);
    },
    async backup(destination) {
      await db.backup(destination);
    },
    async close() {
      if (!db.open) return;
      writes.flush();
      db.close();
    },
  };
}
