import { googleCalendarUrl, outlookCalendarUrl } from "../../core/calendar/links";
import type { CalendarSession } from "../../core/calendar/types";
import type { ClinicConfig } from "../../core/config";
import type { Booking } from "../types";
import type { FlowKind } from "./flow";

/** What the last step shows: from the receiver's answer, never from the health answers. */
export interface Confirmation {
  reference: string;
  kind: FlowKind;
  status: Booking["status"];
  serviceId: string;
  minutes: number;
  sessions: { start: string; end: string }[];
  currency: string;
  total: number;
  discountTotal: number;
  /** The receiver's .ics for every session; only http(s) addresses are kept. */
  calendarUrl: string | null;
}

export function confirmationFromBooking(booking: Booking): Confirmation {
  return {
    reference: booking.reference,
    kind: booking.kind,
    status: booking.status,
    serviceId: booking.serviceId,
    minutes: booking.minutes,
    sessions: booking.sessions.map((s) => ({ start: s.start, end: s.end })),
    currency: booking.currency,
    total: booking.total,
    discountTotal: booking.discountTotal,
    calendarUrl: webAddress(booking.calendarUrl),
  };
}

interface CalendarInput {
  config: ClinicConfig;
  confirmation: Confirmation;
  serviceName: string;
  locale: string;
}

function calendarSessions({ confirmation, serviceName }: CalendarInput): CalendarSession[] {
  return confirmation.sessions.map((s) => ({ start: s.start, end: s.end, serviceName, minutes: confirmation.minutes }));
}

export interface CalendarLinks {
  start: string;
  end: string;
  google: string;
  outlook: string;
}

export function calendarLinks(input: CalendarInput): CalendarLinks[] {
  const sessions = calendarSessions(input);
  return sessions.map((session, index) => {
    const link = {
      config: input.config,
      reference: input.confirmation.reference,
      session,
      index,
      count: sessions.length,
      locale: input.locale,
    };
    return { start: session.start, end: session.end, google: googleCalendarUrl(link), outlook: outlookCalendarUrl(link) };
  });
}

/** The address when it is absolute http(s): a receiver's answer must not turn into a script link. */
function webAddress(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}
