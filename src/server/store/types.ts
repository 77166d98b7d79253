import type { Answers, TriageOutcome } from "../../core/config";
import type { BookingStatus, PricedSession } from "../../core/booking";
import type { BusyInterval } from "../../core/slots";
import type { TriageReason } from "../../core/screening";

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
  status: BookingStatus;
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
  sessions: PricedSession[];
}

export interface NewBooking extends BookingSummary {
  /** SHA-256 of the calendar token; the token itself is only ever in the client's hands. */
  calendarTokenHash: string | null;
  sessions: NewSession[];
  intake: Intake;
}

export interface BookingDetail extends BookingSummary {
  calendarTokenHash: string | null;
  intake: Intake;
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
