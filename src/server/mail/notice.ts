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
  inboxUrl: string;
}
