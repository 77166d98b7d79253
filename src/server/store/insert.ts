import type Database from "better-sqlite3";
import { isSlotTaken } from "./changes";
import type { IdempotencyClaim, InsertResult, NewBooking } from "./types";
import { KEYED_RESPONSE_SQL, sameRequest, toKeyedResponse, type KeyRow } from "./keys";
import type { GroupCommit } from "./group-commit";
import { normaliseEmail } from "../../core/clients";

/** One booking to write, with its idempotency key and the answer the key will replay. */
export interface Insert extends IdempotencyClaim {
  booking: NewBooking;
}

/** Session `index` overlaps a session already stored; thrown so the booking's savepoint is undone. */
export class SlotTaken extends Error {
  constructor(readonly index: number) {
    super("slot taken");
  }
}

/** One booking through the group commit: a taken slot is an answer like any other, the rest are errors. */
export async function writeBooking(writes: GroupCommit<Insert, InsertResult>, insert: Insert): Promise<InsertResult> {
  try {
    return await writes.submit(insert);
  } catch (error) {
    if (error instanceof SlotTaken) return { kind: "slot-taken", index: error.index };
    throw error;
  }
}

/**
 * Writes one booking: its row, intake, sessions and idempotency key. Must run inside a write
 * transaction (a savepoint of the batch's), so what it reads cannot change before it writes.
 * Throws SlotTaken when the schema refuses a session, and whatever else SQLite raises.
 */
export function bookingWriter(db: Database.Database): (insert: Insert) => InsertResult {
  const sql = {
    response: db.prepare(KEYED_RESPONSE_SQL),
    booking: db.prepare(
      `INSERT INTO bookings (id, reference, kind, status, outcome, created_at, locale, client_name, client_email,
         client_email_norm, client_phone, is_new_client, service_id, minutes, therapist_id, currency, list_total, discount_total, total,
         deal_id, calendar_token_hash, promo_code)
       VALUES (@id, @reference, @kind, @status, @outcome, @createdAt, @locale, @clientName, @clientEmail,
         @clientEmailNorm, @clientPhone, @isNewClient, @serviceId, @minutes, @therapistId, @currency, @listTotal, @discountTotal, @total,
         @dealId, @calendarTokenHash, @promoCode)`,
    ),
    intake: db.prepare(
      `INSERT INTO intakes (booking_id, mode, answers_json, reasons_json, areas_to_avoid_json, clearance_confirmed,
         consent_json, callback_note)
       VALUES (@bookingId, @mode, @answers, @reasons, @areasToAvoid, @clearanceConfirmed, @consent, @callbackNote)`,
    ),
    // The schema's triggers refuse a session whose blocked span overlaps another of the therapist.
    session: db.prepare(
      `INSERT INTO sessions (booking_id, position, therapist_id, start_ms, end_ms, blocked_start_ms, blocked_end_ms,
         list_price, discount, price, deal_id)
       VALUES (@bookingId, @position, @therapistId, @startMs, @endMs, @blockedStartMs, @blockedEndMs,
         @listPrice, @discount, @price, @dealId)`,
    ),
    // No ON CONFLICT: the key was looked up under the same write lock, so a clash is an error.
    manageToken: db.prepare(
      `INSERT INTO manage_tokens (token_hash, booking_id, calendar_token_hash, created_at)
       VALUES (@tokenHash, @bookingId, @calendarTokenHash, @createdAt)`,
    ),
    claimKey: db.prepare(
      `INSERT INTO idempotency_keys (key, booking_id, status, body, created_at, request_hash)
       VALUES (@key, @bookingId, @status, @body, @createdAt, @requestHash)`,
    ),
  };

  return ({ booking, key, requestHash, response }) => {
    // A repeat of a booking that already committed (or sits earlier in this batch) replays it
    // rather than meeting its own sessions.
    const row = sql.response.get(key) as KeyRow | undefined;
    if (row) {
      const first = toKeyedResponse(row);
      if (!sameRequest(first, requestHash)) return { kind: "key-reused" };
      return { kind: "replayed", response: { status: first.status, body: first.body } };
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
      try {
        sql.session.run({
          bookingId: booking.id,
          position,
          therapistId: session.therapistId,
          startMs: Date.parse(session.start),
          endMs: Date.parse(session.end),
          blockedStartMs: Date.parse(session.blockedStart),
          blockedEndMs: Date.parse(session.blockedEnd),
          listPrice: session.listPrice,
          discount: session.discount,
          price: session.price,
          dealId: session.dealId,
        });
      } catch (error) {
        // A series is booked entirely or not at all: the caller undoes the whole savepoint.
        throw isSlotTaken(error) ? new SlotTaken(position) : error;
      }
    });
    for (const token of booking.manageTokens) sql.manageToken.run({ ...token, bookingId: booking.id, createdAt: booking.createdAt });
    // After the booking row: written first, the key's deferred foreign key would be pending, and
    // SQLite would then scan every stored key (booking_id has no index) when the booking row lands.
    sql.claimKey.run({ key, bookingId: booking.id, ...response, createdAt: booking.createdAt, requestHash });
    return { kind: "inserted" };
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
    clientEmailNorm: normaliseEmail(booking.client.email),
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
    promoCode: booking.promoCode,
  };
}
