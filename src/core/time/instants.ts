import { DAY_MS, HOUR_MS, MINUTE_MS, civilDay, formatDay, formatWallTime } from "./local-date";

/**
 * Epoch ms of an ISO 8601 instant. An explicit `Z` or offset is required so that no host zone
 * leaks in, and impossible dates are refused (`Date.parse` rolls 2026-02-30 over to March).
 */
export function parseInstant(iso: string): number {
  return parseCanonicalUtc(iso) ?? parseIsoWithOffset(iso);
}

/**
 * Busy lists hold thousands of instants in the wire format "YYYY-MM-DDTHH:MM:SS.sssZ"; reading
 * those digit by digit is several times faster than a regular expression.
 */
function parseCanonicalUtc(iso: string): number | null {
  if (iso.length !== 24 || iso.charCodeAt(23) !== 90 /* Z */ || iso.charCodeAt(10) !== 84 /* T */) return null;
  if (iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45 || iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58 || iso.charCodeAt(19) !== 46) {
    return null;
  }
  const year = twoDigits(iso, 0) * 100 + twoDigits(iso, 2);
  const month = twoDigits(iso, 5);
  const date = twoDigits(iso, 8);
  const hour = twoDigits(iso, 11);
  const minute = twoDigits(iso, 14);
  const second = twoDigits(iso, 17);
  const lastMilli = iso.charCodeAt(22) - 48;
  const millis = twoDigits(iso, 20) * 10 + (lastMilli >>> 0 <= 9 ? lastMilli : NaN);
  const day = year === lastYear && month === lastMonth && date === lastDate ? lastCivilDay : civilDayOf(year, month, date);
  if (day === null || !(hour <= 23 && minute <= 59 && second <= 59 && millis >= 0)) return null;
  return day * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * 1000 + millis;
}

// A session's start and end, and neighbouring sessions, nearly always share their date.
let lastYear = NaN;
let lastMonth = NaN;
let lastDate = NaN;
let lastCivilDay: number | null = null;

function civilDayOf(year: number, month: number, date: number): number | null {
  lastCivilDay = civilDay(year, month, date);
  lastYear = year;
  lastMonth = month;
  lastDate = date;
  return lastCivilDay;
}

/** The number written by the two ASCII digits at `from`, or NaN when one is not a digit. */
function twoDigits(text: string, from: number): number {
  const tens = text.charCodeAt(from) - 48;
  const units = text.charCodeAt(from + 1) - 48;
  // Unsigned, a character below "0" wraps to a large number: one comparison rejects both sides.
  return tens >>> 0 <= 9 && units >>> 0 <= 9 ? tens * 10 + units : NaN;
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

function parseIsoWithOffset(iso: string): number {
  const m = ISO_INSTANT.exec(iso);
  const day = m ? civilDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  const hour = Number(m?.[4]);
  const minute = Number(m?.[5]);
  const second = Number(m?.[6] ?? 0);
  const offsetHours = Number(m?.[9] ?? 0);
  const offsetMinutes = Number(m?.[10] ?? 0);
  if (!m || day === null || hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) {
    throw new RangeError(`expected an ISO 8601 instant with Z or an offset, got ${JSON.stringify(iso)}`);
  }
  const millis = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
  const offset = (m[8] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return day * DAY_MS + (hour * 60 + minute - offset) * MINUTE_MS + second * 1000 + millis;
}

/** ISO 8601 UTC with milliseconds: "2026-12-01T14:00:00.000Z". */
export function formatInstant(epochMs: number): string {
  const day = Math.floor(epochMs / DAY_MS);
  const sinceMidnight = epochMs - day * DAY_MS;
  // Slots fall on whole minutes; build those by hand, they are formatted by the thousand.
  if (sinceMidnight % MINUTE_MS !== 0 || day < 0) return new Date(epochMs).toISOString();
  return dayText(day) + "T" + formatWallTime(sinceMidnight / MINUTE_MS) + ":00.000Z";
}

// Consecutive calls nearly always format instants of the same UTC day.
let lastDay = NaN;
let lastDayText = "";

function dayText(day: number): string {
  if (day !== lastDay) {
    lastDayText = formatDay(day);
    lastDay = day;
  }
  return lastDayText;
}
