import type { Answers, TriageOutcome } from "../../core/config";
import type { BookingStatus, PricedSession } from "../../core/booking";
import type { BusyInterval } from "../../core/slots";
import type { TriageReason } from "../../core/screening";
import type { ManagedBookingStatus, SessionStatus } from "../../core/manage";

export type BookingKind = "booking" | "callback";

/** The exact answer given the first time a key was used, replayed for every repeat. */
export interface StoredResponse {
  status: number;
  /** JSON text, stored as sent so a replay is byte-identical. */
  body: string;
}

/** What an idempotency key holds: the first answer, and the request it answered. */
export interface KeyedResponse extends StoredResponse {
  /** `requestHash` of the body that was answered; null for keys stored before it was kept. */
  requestHash: string | null;
}

/** The write of a booking's idempotency key. */
export interface IdempotencyClaim {
  key: string;
  requestHash: string;
  response: StoredResponse;
}

export interface NewSession extends PricedSession {
  therapistId: string;
  /**
   * The span the therapist is unavailable for: the session widened by the clinic's buffers.
   * This, not the session itself, is what the store refuses to let two bookings share.
   */
  blockedStart: string;
  blockedEnd: string;
}

export interface ClientContact {
  name: string;
  email: string;
  phone: string;
  isNewClient: boolean;
}

/** Health data: kept apart from the booking row so it can be protected, exported or purged on its own. */
export interface Intake {
  mode: "full" | "update";
  answers: Answers;
  reasons: TriageReason[];
  areasToAvoid: string[];
  clearanceConfirmed: boolean;
  consent: { healthDataAt: string; sensitiveAreas: string[] };
  callbackNote: string | null;
}

export interface BookingSummary {
  id: string;
  reference: string;
  kind: BookingKind;
  /** `cancelled` once every session is. */
  status: ManagedBookingStatus;
  outcome: TriageOutcome;
  createdAt: string;
  locale: string;
  client: ClientContact;
  serviceId: string;
  minutes: number;
  therapistId: string | null;
  currency: string;
  listTotal: number;
  discountTotal: number;
  total: number;
  dealId: string | null;
  /** The promo code whose deal the booking got, kept so that a reschedule prices it the same way. */
  promoCode: string | null;
  sessions: PricedSession[];
}

export interface NewBooking extends BookingSummary {
  status: BookingStatus;
  /** The manage links' tokens of the 201 answer and the confirmation email, written with the booking (hashes only). */
  manageTokens: Pick<ManageTokenRecord, "tokenHash" | "calendarTokenHash">[];
  /** SHA-256 of the calendar token; the token itself is only ever in the client's hands. */
  calendarTokenHash: string | null;
  sessions: NewSession[];
  intake: Intake;
}

/** A session as stored, with its place in the booking and its state. */
export interface StoredSession extends PricedSession {
  index: number;
  therapistId: string;
  status: SessionStatus;
  /** iCalendar SEQUENCE of the session's event: raised by every change. */
  sequence: number;
}

/** What happened to a booking after it was made; never health data. */
export interface BookingEvent {
  at: string;
  actor: "client" | "clinic";
  kind: "cancelled" | "rescheduled";
  detail: Record<string, unknown>;
}

export interface BookingDetail extends BookingSummary {
  calendarTokenHash: string | null;
  sessions: StoredSession[];
  intake: Intake;
  /** Oldest first. */
  events: BookingEvent[];
  /** The latest change, or the creation: the DTSTAMP of the booking's calendar file. */
  updatedAt: string;
}

/** A manage link's token as stored: only hashes. */
export interface ManageTokenRecord {
  bookingId: string;
  tokenHash: string;
  /** Hash of the calendar token derived from the manage token (secrets.ts `calendarTokenOf`). */
  calendarTokenHash: string;
  createdAt: string;
}

export interface CancelChange {
  bookingId: string;
  indexes: number[];
  /** Sessions starting before this instant are inside their notice: then nothing is cancelled. */
  earliestStart: string;
  event: BookingEvent;
}

export type CancelResult =
  /** `indexes`: the sessions this call cancelled (none when all were cancelled already). */
  | { kind: "cancelled"; indexes: number[] }
  | { kind: "too-late"; indexes: number[] };

export interface SessionMove {
  index: number;
  therapistId: string;
  start: string;
  end: string;
  blockedStart: string;
  blockedEnd: string;
  /** The session's SEQUENCE as read: a session changed since is not moved. */
  sequence: number;
}

export interface RescheduleChange {
  bookingId: string;
  moves: SessionMove[];
  /** New prices of every booked session (a move can change the deal of the others). */
  prices: Array<{ index: number; listPrice: number; discount: number; price: number; dealId: string | null }>;
  totals: { listTotal: number; discountTotal: number; total: number; dealId: string | null };
  event: BookingEvent;
  /** Claimed in the same key space as `insertBooking`'s: the caller scopes the key to the booking. */
  idempotency: IdempotencyClaim;
}

export type RescheduleResult =
  | { kind: "rescheduled" }
  | { kind: "slot-taken"; index: number }
  /** A moved session was cancelled or changed since it was read: nothing changed. */
  | { kind: "stale" }
  | { kind: "replayed"; response: StoredResponse }
  | { kind: "key-reused" };

export interface ReminderClaim {
  bookingId: string;
  index: number;
}

export type InsertResult =
  | { kind: "inserted" }
  /** `index` is the first session whose time another booking already holds. */
  | { kind: "slot-taken"; index: number }
  /** Another request with the same idempotency key and body won: its answer is the answer. */
  | { kind: "replayed"; response: StoredResponse }
  /** The key already answered a different request body. */
  | { kind: "key-reused" };

/** A one-time code as stored: never the code itself (see server/clients/codes.ts). */
export interface ClientCode {
  emailHash: string;
  codeHash: string;
  expiresAt: string;
  triesLeft: number;
  createdAt: string;
}

/** What the store's records say of one normalised email. */
export interface ClientHistory {
  /** Bookings stored under the email; call-back requests are not counted. */
  bookings: number;
  /** `created_at` of the latest booking whose intake was the full form. */
  lastFullIntakeAt: string | null;
  /** From the latest booking or call-back request. */
  contact: { name: string; phone: string } | null;
}

/**
 * Where bookings live. Async so that a networked store (Postgres) can implement it; every
 * guarantee (no double booking, one booking per idempotency key, all sessions or none) must
 * come from the store's own constraints and transactions, never from a read before a write.
 */
export interface Store {
  findResponse(idempotencyKey: string): Promise<KeyedResponse | null>;
  /**
   * Atomically: claims the key, writes the booking, its intake and every session, or nothing. A
   * key already claimed replays its answer when the request hash is the same, and is refused otherwise.
   * Resolves only once that is durably committed (an implementation may commit several
   * bookings in one transaction).
   */
  insertBooking(booking: NewBooking, idempotency: IdempotencyClaim): Promise<InsertResult>;
  /** Sessions (without buffers: the slot engine adds them) overlapping the half-open span [from, to), of one therapist when given. */
  busyIntervals(from: string, to: string, therapistId?: string): Promise<BusyInterval[]>;
  /** Newest first. */
  listBookings(options?: { limit?: number }): Promise<BookingDetail[]>;
  getBooking(id: string): Promise<BookingDetail | null>;
  /**
   * Forgets the answers of keys created before `createdBefore` (an ISO instant); their bookings
   * stay. Resolves with how many were dropped.
   */
  purgeIdempotencyKeys(createdBefore: string): Promise<number>;
  /** The booking a client or the clinic names by the reference it was given. */
  findBookingByReference(reference: string): Promise<BookingDetail | null>;
  addManageToken(token: ManageTokenRecord): Promise<void>;
  /** The booking a manage token's hash opens; looked up by hash, so no comparison leaks timing. */
  findBookingByManageToken(tokenHash: string): Promise<BookingDetail | null>;
  /** Whether a calendar token derived from one of the booking's manage tokens has this hash. */
  hasCalendarToken(bookingId: string, calendarTokenHash: string): Promise<boolean>;
  /** Atomically cancels the named sessions still booked (their SEQUENCE raised), or none when one is too late. */
  cancelSessions(change: CancelChange): Promise<CancelResult>;
  /**
   * Atomically: claims the idempotency key, releases the moved sessions' old times and takes the
   * new ones, writes the new prices and the event; or nothing. Keys replay as for bookings.
   */
  rescheduleSessions(change: RescheduleChange): Promise<RescheduleResult>;
  /**
   * Atomically claims, until `leaseUntil`, the booked sessions with now < start ≤ startsBefore whose
   * reminder was not sent and whose earlier claim, if any, has expired.
   */
  claimDueReminders(window: { now: string; startsBefore: string; leaseUntil: string }): Promise<ReminderClaim[]>;
  markReminderSent(claim: ReminderClaim, sentAt: string): Promise<void>;
  /** Keeps `code` as the email's only live code (a new one replaces the old), dropping expired codes. */
  saveClientCode(code: ClientCode, now: string): Promise<void>;
  findClientCode(emailHash: string): Promise<ClientCode | null>;
  /** Uses the code up: true only for the one caller that removed it (a code is good once). */
  useClientCode(emailHash: string, codeHash: string): Promise<boolean>;
  /** A wrong try: one fewer left, and the code is gone with the last one. */
  spendClientCodeTry(emailHash: string): Promise<void>;
  saveClientToken(token: { tokenHash: string; emailNorm: string; expiresAt: string }, now: string): Promise<void>;
  /** The normalised email a live token was given for, or null. */
  findClientToken(tokenHash: string, now: string): Promise<string | null>;
  clientHistory(emailNorm: string): Promise<ClientHistory>;
  close(): Promise<void>;
}
