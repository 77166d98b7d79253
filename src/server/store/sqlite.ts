import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { BusyInterval } from "../../core/slots";
import { migrate, stepsCovering } from "./migrations";
import { toBookingDetail, toIso, type BookingRow, type IntakeRow, type SessionRow } from "./rows";
import type { BookingDetail, InsertResult, NewBooking, Store, StoredResponse } from "./types";

// Stored sessions start at most this long before a queried span and still overlap it
// (the config caps a session at 480 minutes); bounds the index scan from below.
const LONGEST_SESSION_MS = 24 * 3_600_000;

export interface SqliteStore extends Store {
  /** A consistent copy of the live database (SQLite's online backup), safe while serving. */
  backup(destination: string): Promise<void>;
}

class SlotTaken extends Error {
  constructor(readonly index: number) {
    super("slot taken");
  }
}

export function openSqliteStore(path: string): SqliteStore {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  // FULL syncs the log at every commit: a client who was told "booked" keeps the booking even
  // through a power cut. NORMAL would be faster but could roll back the latest confirmed bookings.
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  // Another process (a backup, a second server) may hold the write lock for a moment.
  db.pragma("busy_timeout = 5000");
  migrate(db);

  const sql = {
    claimKey: db.prepare(
      `INSERT INTO idempotency_keys (key, booking_id, status, body, created_at)
       VALUES (@key, @bookingId, @status, @body, @createdAt) ON CONFLICT (key) DO NOTHING`,
    ),
    response: db.prepare(`SELECT status, body FROM idempotency_keys WHERE key = ?`),
    booking: db.prepare(
      `INSERT INTO bookings (id, reference, kind, status, outcome, created_at, locale, client_name, client_email,
         client_phone, is_new_client, service_id, minutes, therapist_id, currency, list_total, discount_total, total,
         deal_id, calendar_token_hash)
       VALUES (@id, @reference, @kind, @status, @outcome, @createdAt, @locale, @clientName, @clientEmail,
         @clientPhone, @isNewClient, @serviceId, @minutes, @therapistId, @currency, @listTotal, @discountTotal, @total,
         @dealId, @calendarTokenHash)`,
    ),
    intake: db.prepare(
      `INSERT INTO intakes (booking_id, mode, answers_json, reasons_json, areas_to_avoid_json, clearance_confirmed,
         consent_json, callback_note)
       VALUES (@bookingId, @mode, @answers, @reasons, @areasToAvoid, @clearanceConfirmed, @consent, @callbackNote)`,
    ),
    session: db.prepare(
      `INSERT INTO sessions (booking_id, position, therapist_id, start_ms, end_ms, list_price, discount, price, deal_id)
       VALUES (@bookingId, @position, @therapistId, @startMs, @endMs, @listPrice, @discount, @price, @dealId)`,
    ),
    // DO NOTHING rather than an exception: `changes` says whether the cell was free, and the
    // primary key, not an earlier SELECT, is what decided it.
    claimStep: db.prepare(
      `INSERT INTO session_steps (therapist_id, step_start_ms, booking_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    busy: db.prepare(
      `SELECT therapist_id, start_ms, end_ms FROM sessions
       WHERE start_ms < @to AND start_ms >= @lowest AND end_ms > @from ORDER BY start_ms`,
    ),
    bookingById: db.prepare(`SELECT * FROM bookings WHERE id = ?`),
    newest: db.prepare(`SELECT * FROM bookings ORDER BY created_at DESC, rowid DESC LIMIT ?`),
    sessionsOf: db.prepare(
      `SELECT therapist_id, start_ms, end_ms, list_price, discount, price, deal_id
       FROM sessions WHERE booking_id = ? ORDER BY position`,
    ),
    intakeOf: db.prepare(`SELECT * FROM intakes WHERE booking_id = ?`),
  };

  const readResponse = (key: string): StoredResponse | null =>
    (sql.response.get(key) as StoredResponse | undefined) ?? null;

  const detailOf = (row: BookingRow): BookingDetail =>
    toBookingDetail(
      row,
      sql.sessionsOf.all(row.id) as SessionRow[],
      sql.intakeOf.get(row.id) as IntakeRow | undefined,
    );

  const insertAll = db.transaction((booking: NewBooking, key: string, response: StoredResponse): InsertResult => {
    // The key first: a repeat of a booking that just committed must replay it, not meet its own sessions.
    const claimed = sql.claimKey.run({ key, bookingId: booking.id, ...response, createdAt: booking.createdAt });
    if (claimed.changes === 0) {
      const first = readResponse(key);
      if (!first) throw new Error("an idempotency key exists but its response cannot be read");
      return { kind: "replayed", response: first };
    }
    sql.booking.run(bookingParams(booking));
    sql.intake.run({
      bookingId: booking.id,
      mode: booking.intake.mode,
      answers: JSON.stringify(booking.intake.answers),
      reasons: JSON.stringify(booking.intake.reasons),
      areasToAvoid: JSON.stringify(booking.intake.areasToAvoid),
      clearanceConfirmed: booking.intake.clearanceConfirmed ? 1 : 0,
      consent: JSON.stringify(booking.intake.consent),
      callbackNote: booking.intake.callbackNote,
    });
    booking.sessions.forEach((session, position) => {
      sql.session.run({
        bookingId: booking.id,
        position,
        therapistId: session.therapistId,
        startMs: Date.parse(session.start),
        endMs: Date.parse(session.end),
        listPrice: session.listPrice,
        discount: session.discount,
        price: session.price,
        dealId: session.dealId,
      });
      for (const step of stepsCovering(Date.parse(session.blockedStart), Date.parse(session.blockedEnd))) {
        // Throwing rolls back the whole transaction: a series is booked entirely or not at all.
        if (sql.claimStep.run(session.therapistId, step, booking.id).changes === 0) throw new SlotTaken(position);
      }
    });
    return { kind: "inserted" };
  });

  return {
    async findResponse(key) {
      return readResponse(key);
    },
    async insertBooking(booking, { key, response }) {
      try {
        // IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading a read lock.
        return insertAll.immediate(booking, key, response);
      } catch (error) {
        if (error instanceof SlotTaken) return { kind: "slot-taken", index: error.index };
        throw error;
      }
    },
    async busyIntervals(from, to) {
      const fromMs = Date.parse(from);
      const rows = sql.busy.all({ from: fromMs, to: Date.parse(to), lowest: fromMs - LONGEST_SESSION_MS }) as Pick<
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
    async backup(destination) {
      await db.backup(destination);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

function bookingParams(booking: NewBooking) {
  return {
    id: booking.id,
    reference: booking.reference,
    kind: booking.kind,
    status: booking.status,
    outcome: booking.outcome,
    createdAt: booking.createdAt,
    locale: booking.locale,
    clientName: booking.client.name,
    clientEmail: booking.client.email,
    clientPhone: booking.client.phone,
    isNewClient: booking.client.isNewClient ? 1 : 0,
    serviceId: booking.serviceId,
    minutes: booking.minutes,
    therapistId: booking.therapistId,
    currency: booking.currency,
    listTotal: booking.listTotal,
    discountTotal: booking.discountTotal,
    total: booking.total,
    dealId: booking.dealId,
    calendarTokenHash: booking.calendarTokenHash,
  };
}
