import { eventDetails } from "./details";
import type { CalendarClinic, CalendarSession } from "./types";

export interface CalendarLinkInput {
  config: CalendarClinic;
  reference: string;
  session: CalendarSession;
  /** Position of the session in its booking (0-based); shown as "Session 2 of 5" when `count` > 1. */
  index?: number;
  count?: number;
  locale?: string;
}

/** "Add to Google Calendar" for one session. */
export function googleCalendarUrl(input: CalendarLinkInput): string {
  const event = detailsOf(input);
  return withQuery("https://calendar.google.com/calendar/render", [
    ["action", "TEMPLATE"],
    ["text", event.summary],
    ["dates", `${compactUtc(event.start)}/${compactUtc(event.end)}`],
    ["details", event.description],
    ["location", event.location],
  ]);
}

/** "Add to Outlook.com" for one session. */
export function outlookCalendarUrl(input: CalendarLinkInput): string {
  const event = detailsOf(input);
  return withQuery("https://outlook.live.com/calendar/0/deeplink/compose", [
    ["path", "/calendar/action/compose"],
    ["rru", "addevent"],
    ["subject", event.summary],
    ["startdt", isoUtcSeconds(event.start)],
    ["enddt", isoUtcSeconds(event.end)],
    ["body", event.description],
    ["location", event.location],
  ]);
}

function detailsOf({ config, reference, session, index = 0, count = 1, locale }: CalendarLinkInput) {
  return eventDetails({ config, reference, session, index, count, locale });
}

// encodeURIComponent rather than URLSearchParams: Outlook shows a "+" literally where
// form encoding would have meant a space.
function withQuery(base: string, params: [string, string][]): string {
  return `${base}?${params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join("&")}`;
}

/** 20261201T140000Z */
function compactUtc(date: Date): string {
  return isoUtcSeconds(date).replace(/[-:]/g, "");
}

/** 2026-12-01T14:00:00Z */
function isoUtcSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
