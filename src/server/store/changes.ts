import Database from "better-sqlite3";
import { KEYED_RESPONSE_SQL, sameRequest, toKeyedResponse, type KeyRow } from "./keys";
import type { BookingEvent, CancelChange, CancelResult, RescheduleChange, RescheduleResult } from "./types";

/** A moved session's time is held by another booking; thrown so the whole change is undone. */
class SlotTaken extends Error {
  constructor(readonly index: number) {
    super("slot taken");
  }
}

/** A moved session was changed since it was read. */
class Stale extends Error {}

/**
 * Cancels and reschedules, each in one IMMEDIATE transaction on the store's connection: what they
 * read (a session's start, its state, a key) cannot change before they write, and the overlap
 * triggers judge every new time.
 */
export function bookingChanges(db: Database.Database) {
  const sql = {
    sessionsOf: db.prepare(`SELECT position, status, start_ms FROM sessions WHERE booking_id = ?`),
    cancel: db.prepare(
      `UPDATE sessions SET status = 'cancelled', sequence = sequence + 1
       WHERE booking_id = @bookingId AND position = @position AND status = 'booked'`,
    ),
    move: db.prepare(
      `UPDATE sessions SET therapist_id = @therapistId, start_ms = @startMs, end_ms = @endMs,
         blocked_start_ms = @blockedStartMs, blocked_end_ms = @blockedEndMs, status = 'booked',
         sequence = sequence + 1, reminder_lease_until_ms = NULL, reminder_sent_at = NULL
       WHERE booking_id = @bookingId AND position = @position`,
    ),
    // Steps aside first, so that two sessions of one booking can trade times.
    release: db.prepare(
      `UPDATE sessions SET status = 'cancelled'
       WHERE booking_id = @bookingId AND position = @position AND status = 'booked' AND sequence = @sequence`,
    ),
    price: db.prepare(
      `UPDATE sessions SET list_price = @listPrice, discount = @discount, price = @price, deal_id = @dealId
       WHERE booking_id = @bookingId AND position = @index AND status = 'booked'`,
    ),
    totals: db.prepare(
      `UPDATE bookings SET list_total = @listTotal, discount_total = @discountTotal, total = @total, deal_id = @dealId WHERE id = @bookingId`,
    ),
    // A cancellation reprices nothing: the booking's totals become those of the sessions still booked.
    bookedTotals: db.prepare(
      `UPDATE bookings SET
         list_total = (SELECT COALESCE(SUM(list_price), 0) FROM sessions WHERE booking_id = @bookingId AND status = 'booked'),
         discount_total = (SELECT COALESCE(SUM(discount), 0) FROM sessions WHERE booking_id = @bookingId AND status = 'booked'),
         total = (SELECT COALESCE(SUM(price), 0) FROM sessions WHERE booking_id = @bookingId AND status = 'booked')
       WHERE id = @bookingId`,
    ),
    event: db.prepare(`INSERT INTO booking_events (booking_id, at, actor, kind, detail_json) VALUES (?, ?, ?, ?, ?)`),
    response: db.prepare(KEYED_RESPONSE_SQL),
    claimKey: db.prepare(
      `INSERT INTO idempotency_keys (key, booking_id, status, body, created_at, request_hash)
       VALUES (@key, @bookingId, @status, @body, @createdAt, @requestHash)`,
    ),
  };

  const addEvent = (bookingId: string, event: BookingEvent) =>
    sql.event.run(bookingId, event.at, event.actor, event.kind, JSON.stringify(event.detail));

  const cancel = db.transaction((change: CancelChange): CancelResult => {
    const earliestMs = Date.parse(change.earliestStart);
    const named = (sql.sessionsOf.all(change.bookingId) as { position: number; status: string; start_ms: number }[]).filter((s) =>
      change.indexes.includes(s.position),
    );
    const tooLate = named.filter((s) => s.status === "booked" && s.start_ms < earliestMs).map((s) => s.position);
    if (tooLate.length > 0) return { kind: "too-late", indexes: tooLate };
    const cancelled = named.filter((s) => sql.cancel.run({ bookingId: change.bookingId, position: s.position }).changes > 0).map((s) => s.position);
    if (cancelled.length > 0) {
      sql.bookedTotals.run({ bookingId: change.bookingId });
      addEvent(change.bookingId, { ...change.event, detail: { ...change.event.detail, sessions: cancelled } });
    }
    return { kind: "cancelled", indexes: cancelled };
  });

  const reschedule = db.transaction((change: RescheduleChange): RescheduleResult => {
    const { key } = change.idempotency;
    const row = sql.response.get(key) as KeyRow | undefined;
    if (row) {
      const first = toKeyedResponse(row);
      if (!sameRequest(first, change.idempotency.requestHash)) return { kind: "key-reused" };
      return { kind: "replayed", response: { status: first.status, body: first.body } };
    }
    for (const move of change.moves) {
      if (sql.release.run({ bookingId: change.bookingId, position: move.index, sequence: move.sequence }).changes === 0) throw new Stale();
    }
    for (const move of change.moves) {
      try {
        sql.move.run({
          bookingId: change.bookingId,
          position: move.index,
          therapistId: move.therapistId,
          startMs: Date.parse(move.start),
          endMs: Date.parse(move.end),
          blockedStartMs: Date.parse(move.blockedStart),
          blockedEndMs: Date.parse(move.blockedEnd),
        });
      } catch (error) {
        throw isSlotTaken(error) ? new SlotTaken(move.index) : error;
      }
    }
    for (const price of change.prices) sql.price.run({ bookingId: change.bookingId, ...price });
    sql.totals.run({ bookingId: change.bookingId, ...change.totals });
    addEvent(change.bookingId, change.event);
    sql.claimKey.run({ key, bookingId: change.bookingId, ...change.idempotency.response, createdAt: change.event.at, requestHash: change.idempotency.requestHash });
    return { kind: "rescheduled" };
  });

  return {
    cancelSessions: (change: CancelChange): CancelResult => cancel.immediate(change),
    rescheduleSessions(change: RescheduleChange): RescheduleResult {
      try {
        return reschedule.immediate(change);
      } catch (error) {
        if (error instanceof SlotTaken) return { kind: "slot-taken", index: error.index };
        if (error instanceof Stale) return { kind: "stale" };
        throw error;
      }
    },
  };
}

/** The refusal of the schema's overlap triggers (RAISE(ABORT, 'slot-taken')). */
export function isSlotTaken(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === "SQLITE_CONSTRAINT_TRIGGER" && error.message === "slot-taken";
}
