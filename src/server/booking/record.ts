import type { ClinicConfig } from "../../core/config";
import type { Booking, CheckedBooking, PricedSession } from "../../core/booking";
import type { NewBooking, NewSession } from "../store/types";

/** What the receiver mints for a new booking, before anything is stored. */
export interface BookingIdentity {
  id: string;
  reference: string;
  createdAt: string;
  calendarTokenHash: string | null;
  manageTokens: NewBooking["manageTokens"];
}

const MINUTE_MS = 60_000;

/** The row the store writes: the checked request, recomputed values, and the intake kept apart. */
export function newBookingRecord(config: ClinicConfig, checked: CheckedBooking, identity: BookingIdentity): NewBooking {
  const { request, triage, quote } = checked;
  const therapistId = request.therapistId ?? null;
  const before = config.booking.bufferBeforeMinutes * MINUTE_MS;
  const after = config.booking.bufferAfterMinutes * MINUTE_MS;
  const sessions: NewSession[] = checked.sessions.map((session) => ({
    ...session,
    therapistId: therapistId ?? "",
    blockedStart: new Date(Date.parse(session.start) - before).toISOString(),
    blockedEnd: new Date(Date.parse(session.end) + after).toISOString(),
  }));
  return {
    id: identity.id,
    reference: identity.reference,
    kind: request.kind,
    status: checked.status,
    outcome: triage.outcome,
    createdAt: identity.createdAt,
    locale: request.locale,
    client: {
      name: request.client.name,
      email: request.client.email,
      phone: request.client.phone,
      // The receiver's decision, not the client's claim: an unverified client is stored as not new.
      isNewClient: checked.standing.isNewClient,
    },
    serviceId: request.serviceId,
    minutes: request.minutes,
    therapistId,
    currency: quote.currency,
    listTotal: quote.listTotal,
    discountTotal: quote.discountTotal,
    total: quote.total,
    dealId: quote.deal?.id ?? null,
    promoCode: quote.promo === "applied" ? (request.promoCode ?? null) : null,
    sessions,
    calendarTokenHash: identity.calendarTokenHash,
    manageTokens: identity.manageTokens,
    intake: {
      mode: request.intakeMode,
      // The checked answers: those of hidden questions were dropped and are never stored.
      answers: checked.answers,
      reasons: triage.reasons,
      areasToAvoid: triage.areasToAvoid,
      clearanceConfirmed: request.clearanceConfirmed,
      consent: { healthDataAt: request.consent.at, sensitiveAreas: request.consent.sensitiveAreas },
      callbackNote: request.kind === "callback" ? (request.callbackNote ?? null) : null,
    },
  };
}

/** The 201 body: the booking as the receiver computed it, never a health answer. */
export function bookingBody(record: NewBooking, links: { calendarUrl: string | null; manageUrl: string | null }): Booking {
  return {
    id: record.id,
    reference: record.reference,
    status: record.status,
    kind: record.kind,
    serviceId: record.serviceId,
    minutes: record.minutes,
    therapistId: record.therapistId,
    sessions: pricedSessions(record),
    currency: record.currency,
    listTotal: record.listTotal,
    discountTotal: record.discountTotal,
    total: record.total,
    dealId: record.dealId,
    outcome: record.outcome,
    createdAt: record.createdAt,
    ...(links.calendarUrl ? { calendarUrl: links.calendarUrl } : {}),
    ...(links.manageUrl ? { manageUrl: links.manageUrl } : {}),
  };
}

/** The sessions as a client may see them: the store's therapist and blocked span left out. */
export function pricedSessions(record: NewBooking): PricedSession[] {
  return record.sessions.map(({ start, end, listPrice, discount, price, dealId }) => ({ start, end, listPrice, discount, price, dealId }));
}
