import { addressLine, calendarLanguage, textsFor } from "./text";
import type { CalendarClinic, CalendarSession } from "./types";

export interface CalendarEventDetails {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location: string;
  description: string;
}

interface DetailsInput {
  config: CalendarClinic;
  reference: string;
  session: CalendarSession;
  /** 0-based position in the booking; it is part of the UID, so it must not change between calls. */
  index: number;
  count: number;
  locale?: string | undefined;
}

const FALLBACK_UID_HOST = "clinic-booking";

export function eventDetails({ config, reference, session, index, count, locale }: DetailsInput): CalendarEventDetails {
  const start = parseInstant(session.start, "start");
  const end = parseInstant(session.end, "end");
  if (end.getTime() <= start.getTime()) {
    throw new RangeError(`session ${index} ends (${session.end}) before it starts (${session.start})`);
  }
  const language = calendarLanguage(locale, config);
  const texts = textsFor(language);
  const { clinic } = config;
  const lines = [
    `${session.serviceName}, ${session.minutes} min`,
    count > 1 ? texts.sessionOf(index + 1, count) : null,
    texts.reference(reference),
    "",
    clinic.name,
    texts.phone(clinic.phone),
    texts.email(clinic.email),
    clinic.website ? texts.website(clinic.website) : null,
  ];
  return {
    uid: session.uid !== undefined ? uidSafe(session.uid) : sessionUid(config, reference, index),
    start,
    end,
    summary: texts.summary(clinic.name),
    location: addressLine(config, language),
    description: lines.filter((line): line is string => line !== null).join("\n"),
  };
}

/** `<reference>-<index>@<clinic host>`: the same booking always yields the same UIDs, so a re-import updates instead of duplicating. */
export function sessionUid(config: CalendarClinic, reference: string, index: number): string {
  return `${uidSafe(reference)}-${index}@${uidHost(config)}`;
}

function uidHost(config: CalendarClinic): string {
  if (!config.clinic.website) return FALLBACK_UID_HOST;
  try {
    return uidSafe(new URL(config.clinic.website).hostname) || FALLBACK_UID_HOST;
  } catch {
    return FALLBACK_UID_HOST;
  }
}

// The UID is written unescaped, so anything that could end the line or be read as a
// separator is replaced rather than trusted.
function uidSafe(value: string): string {
  return value.replace(/[^A-Za-z0-9@._-]/g, "-");
}

function parseInstant(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`expected an ISO 8601 ${field} time, got ${JSON.stringify(value)}`);
  return date;
}
