import type { TriageOutcome } from "../../core/config";
import type { BookingStatus, PricedSession } from "../../core/booking";
import type { BookingKind } from "../store/types";

/**
 * Everything an email about a booking may say. It has no field for answers, reasons, areas or the
 * call-back note: health data cannot reach a message because the type cannot carry it.
 */
export interface BookingNotice {
  id: string;
  reference: string;
  kind: BookingKind;
  status: BookingStatus;
  /** The flag level the clinic sees; never the answers behind it. */
  outcome: TriageOutcome;
  locale: string;
  createdAt: string;
  client: { name: string; email: string; phone: string };
  serviceId: string;
  minutes: number;
  therapistId: string | null;
  currency: string;
  total: number;
  sessions: PricedSession[];
  calendarUrl: string | null;
  /** A manage link of this email's own. */
  manageUrl: string | null;
  inboxUrl: string;
}

/** Whom a later email about a booking goes to, and about what: never anything from the intake. */
export interface ClientNotice {
  id: string;
  reference: string;
  locale: string;
  client: { name: string; email: string };
  serviceId: string;
  minutes: number;
  /** A manage link of this email's own. */
  manageUrl: string;
}

/** A change the client made to a booking: what an email about it may say (no health data). */
export interface ChangeNotice extends ClientNotice {
  kind: "cancelled" | "rescheduled";
  currency: string;
  /** What the booked sessions cost after the change. */
  total: number;
  /** The sessions the change touched: their start before, and after (null once cancelled). */
  changed: Array<{ index: number; from: string; to: string | null }>;
  /** The calendar file of the change (METHOD:CANCEL for a cancellation). */
  ics: string;
  inboxUrl: string;
}

/** One session's reminder: when, where, and the manage link. */
export interface ReminderNotice extends ClientNotice {
  start: string;
}
