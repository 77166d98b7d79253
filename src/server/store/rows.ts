import type { Answers, TriageOutcome } from "../../core/config";
import type { BookingStatus } from "../../core/booking";
import type { ManagedBookingStatus, SessionStatus } from "../../core/manage";
import type { TriageReason } from "../../core/screening";
import type { BookingDetail, BookingEvent, BookingKind, Intake, StoredSession } from "./types";

/** Column shapes as SQLite returns them; the store only ever reads rows it wrote itself. */
export interface BookingRow {
  id: string;
  reference: string;
  kind: BookingKind;
  status: BookingStatus;
  outcome: TriageOutcome;
  created_at: string;
  locale: string;
  client_name: string;
  client_email: string;
  client_phone: string;
  is_new_client: number;
  service_id: string;
  minutes: number;
  therapist_id: string | null;
  currency: string;
  list_total: number;
  discount_total: number;
  total: number;
  deal_id: string | null;
  calendar_token_hash: string | null;
  promo_code: string | null;
}

export interface IntakeRow {
  mode: Intake["mode"];
  answers_json: string;
  reasons_json: string;
  areas_to_avoid_json: string;
  clearance_confirmed: number;
  consent_json: string;
  callback_note: string | null;
}

export interface SessionRow {
  position: number;
  status: SessionStatus;
  sequence: number;
  therapist_id: string;
  start_ms: number;
  end_ms: number;
  list_price: number;
  discount: number;
  price: number;
  deal_id: string | null;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

export interface EventRow {
  at: string;
  actor: BookingEvent["actor"];
  kind: BookingEvent["kind"];
  detail_json: string;
}

export function toSession(row: SessionRow): StoredSession {
  return {
    index: row.position,
    therapistId: row.therapist_id,
    status: row.status,
    sequence: row.sequence,
    start: toIso(row.start_ms),
    end: toIso(row.end_ms),
    listPrice: row.list_price,
    discount: row.discount,
    price: row.price,
    dealId: row.deal_id,
  };
}

export function toIntake(row: IntakeRow | undefined): Intake {
  if (!row) {
    return {
      mode: "full",
      answers: {},
      reasons: [],
      areasToAvoid: [],
      clearanceConfirmed: false,
      consent: { healthDataAt: "", sensitiveAreas: [] },
      callbackNote: null,
    };
  }
  return {
    mode: row.mode,
    answers: JSON.parse(row.answers_json) as Answers,
    reasons: JSON.parse(row.reasons_json) as TriageReason[],
    areasToAvoid: JSON.parse(row.areas_to_avoid_json) as string[],
    clearanceConfirmed: row.clearance_confirmed === 1,
    consent: JSON.parse(row.consent_json) as Intake["consent"],
    callbackNote: row.callback_note,
  };
}

export function toBookingDetail(row: BookingRow, sessions: SessionRow[], intake: IntakeRow | undefined, events: EventRow[]): BookingDetail {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    status: bookingStatus(row.status, sessions),
    outcome: row.outcome,
    createdAt: row.created_at,
    locale: row.locale,
    client: {
      name: row.client_name,
      email: row.client_email,
      phone: row.client_phone,
      isNewClient: row.is_new_client === 1,
    },
    serviceId: row.service_id,
    minutes: row.minutes,
    therapistId: row.therapist_id,
    currency: row.currency,
    listTotal: row.list_total,
    discountTotal: row.discount_total,
    total: row.total,
    dealId: row.deal_id,
    promoCode: row.promo_code,
    sessions: sessions.map(toSession),
    calendarTokenHash: row.calendar_token_hash,
    intake: toIntake(intake),
    events: events.map((event) => ({ at: event.at, actor: event.actor, kind: event.kind, detail: JSON.parse(event.detail_json) as Record<string, unknown> })),
    updatedAt: events.at(-1)?.at ?? row.created_at,
  };
}

/** A booking with sessions is cancelled once every one of them is. */
function bookingStatus(stored: BookingStatus, sessions: SessionRow[]): ManagedBookingStatus {
  return sessions.length > 0 && sessions.every((s) => s.status === "cancelled") ? "cancelled" : stored;
}
