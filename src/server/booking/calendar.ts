import type { ClinicConfig } from "../../core/config";
import type { PricedSession } from "../../core/booking";
import type { SessionStatus } from "../../core/manage";
import { buildIcs } from "../calendar/ics";
import { serviceName } from "../text";

export interface CalendarBooking {
  id: string;
  reference: string;
  serviceId: string;
  minutes: number;
  locale: string;
  createdAt: string;
  /** The latest change: the DTSTAMP once the booking has been changed. */
  updatedAt?: string;
  sessions: Array<PricedSession & { status?: SessionStatus; sequence?: number }>;
}

/**
 * The booking's .ics as it stands: a booking whose sessions are all cancelled is withdrawn
 * (METHOD:CANCEL), otherwise published with each cancelled session marked so. DTSTAMP is the
 * latest change (the creation at first), so the file downloaded later and the one attached to
 * the email of that change are byte-identical.
 */
export function calendarFile(config: ClinicConfig, booking: CalendarBooking, only?: number[]): string {
  const allCancelled = booking.sessions.length > 0 && booking.sessions.every((s) => s.status === "cancelled");
  const name = serviceName(config, booking.serviceId, booking.locale);
  return buildIcs({
    config,
    reference: booking.reference,
    sessions: booking.sessions.map((s) => ({
      start: s.start,
      end: s.end,
      serviceName: name,
      minutes: booking.minutes,
      sequence: s.sequence ?? 0,
      cancelled: s.status === "cancelled",
    })),
    method: allCancelled || (only !== undefined && only.every((i) => booking.sessions[i]?.status === "cancelled")) ? "CANCEL" : "PUBLISH",
    ...(only ? { only } : {}),
    now: booking.updatedAt ?? booking.createdAt,
    locale: booking.locale,
  });
}

export function calendarPath(bookingId: string, token: string): string {
  return `/api/bookings/${encodeURIComponent(bookingId)}/calendar.ics?token=${encodeURIComponent(token)}`;
}
