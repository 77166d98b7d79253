import { buildIcs, googleCalendarUrl, outlookCalendarUrl, type CalendarSession } from "../../core/calendar";
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

/** One .ics file with every session; null when there is nothing to put in a calendar. */
export function calendarFile(input: CalendarInput, now: Date): string | null {
  const sessions = calendarSessions(input);
  if (sessions.length === 0) return null;
  return buildIcs({
    config: input.config,
    reference: input.confirmation.reference,
    sessions,
    now: now.toISOString(),
    locale: input.locale,
  });
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
