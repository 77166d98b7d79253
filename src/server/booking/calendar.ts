import type { ClinicConfig } from "../../core/config";
import type { PricedSession } from "../../core/booking";
import { buildIcs } from "../calendar/ics";
import { serviceName } from "../text";

export interface CalendarBooking {
  id: string;
  reference: string;
  serviceId: string;
  minutes: number;
  locale: string;
  createdAt: string;
  sessions: PricedSession[];
}

/**
 * The booking's .ics. DTSTAMP is the booking's creation time, so the file downloaded later and
 * the one attached to the email are byte-identical.
 */
export function calendarFile(config: ClinicConfig, booking: CalendarBooking): string {
  const name = serviceName(config, booking.serviceId, booking.locale);
  return buildIcs({
    config,
    reference: booking.reference,
    sessions: booking.sessions.map((s) => ({ start: s.start, end: s.end, serviceName: name, minutes: booking.minutes })),
    now: booking.createdAt,
    locale: booking.locale,
  });
}

export function calendarPath(bookingId: string, token: string): string {
  return `/api/bookings/${encodeURIComponent(bookingId)}/calendar.ics?token=${encodeURIComponent(token)}`;
}
