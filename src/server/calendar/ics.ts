import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { eventDetails, type CalendarClinic, type CalendarSession } from "../../core/calendar";

/** A session's state in the calendar: a change raises its SEQUENCE so the calendar replaces the old event. */
export interface IcsSession extends CalendarSession {
  sequence?: number;
  cancelled?: boolean;
}

export interface IcsInput {
  config: CalendarClinic;
  /** The booking reference the client sees; the UIDs are derived from it. */
  reference: string;
  /** Every session of the booking, in booking order: a session's position is part of its UID. */
  sessions: IcsSession[];
  /**
   * PUBLISH (the default) states the booking as it is now; CANCEL withdraws `only` (RFC 5546),
   * every event of it cancelled.
   */
  method?: "PUBLISH" | "CANCEL";
  /** Positions to write; all when left out. */
  only?: number[];
  /** ISO 8601 instant written as DTSTAMP. */
  now: string;
  /** Language of the texts; defaults to the clinic's first locale. */
  locale?: string;
}

const PRODUCT_ID = { company: "clinic-booking-widget", product: "Appointments", language: "EN" };

/**
 * An RFC 5545 calendar with one VEVENT per session, all times in UTC: cancelled sessions are
 * STATUS:CANCELLED, and each event's SEQUENCE is the session's.
 * No attendees or organizer: with them, some clients treat the file as a meeting
 * invitation and offer to send replies to the clinic.
 */
export function buildIcs({ config, reference, sessions, now, locale, method = "PUBLISH", only }: IcsInput): string {
  const written = sessions.map((session, index) => ({ session, index })).filter(({ index }) => !only || only.includes(index));
  if (written.length === 0) throw new RangeError("a calendar file needs at least one session");
  const stamp = new Date(now);
  if (Number.isNaN(stamp.getTime())) throw new RangeError(`expected an ISO 8601 time for now, got ${JSON.stringify(now)}`);

  const calendar = ical({ prodId: PRODUCT_ID, method: method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH });
  written.forEach(({ session, index }) => {
    const event = eventDetails({ config, reference, session, index, count: sessions.length, locale });
    const cancelled = method === "CANCEL" || session.cancelled === true;
    calendar.createEvent({
      id: event.uid,
      sequence: session.sequence ?? 0,
      ...(cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
      stamp,
      start: event.start,
      end: event.end,
      summary: event.summary,
      location: event.location,
      description: event.description,
    });
  });
  // RFC 5545 ends every content line with CRLF, the last one included; the library leaves it off.
  return `${calendar.toString()}\r\n`;
}
