import ical, { ICalCalendarMethod } from "ical-generator";
import { eventDetails, type CalendarClinic, type CalendarSession } from "../../core/calendar";

export interface IcsInput {
  config: CalendarClinic;
  /** The booking reference the client sees; the UIDs are derived from it. */
  reference: string;
  /** One event each, in booking order. */
  sessions: CalendarSession[];
  /** ISO 8601 instant written as DTSTAMP. */
  now: string;
  /** Language of the texts; defaults to the clinic's first locale. */
  locale?: string;
}

const PRODUCT_ID = { company: "clinic-booking-widget", product: "Appointments", language: "EN" };

/**
 * An RFC 5545 calendar (METHOD:PUBLISH) with one VEVENT per session, all times in UTC.
 * No attendees or organizer: with them, some clients treat the file as a meeting
 * invitation and offer to send replies to the clinic.
 */
export function buildIcs({ config, reference, sessions, now, locale }: IcsInput): string {
  if (sessions.length === 0) throw new RangeError("a calendar file needs at least one session");
  const stamp = new Date(now);
  if (Number.isNaN(stamp.getTime())) throw new RangeError(`expected an ISO 8601 time for now, got ${JSON.stringify(now)}`);

  const calendar = ical({ prodId: PRODUCT_ID, method: ICalCalendarMethod.PUBLISH });
  sessions.forEach((session, index) => {
    const event = eventDetails({ config, reference, session, index, count: sessions.length, locale });
    calendar.createEvent({
      id: event.uid,
      sequence: 0,
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
