import type { Interval } from "./intervals";
import { DAY_MS, MINUTE_MS, formatDay, formatWallTime } from "./local-date";
import { offsetMinutesAt, offsetSpans, type OffsetSpan } from "./offsets";
import { parseInstant } from "./instants";

/**
 * One calendar date of the zone. `pieces` are the real instants whose wall-clock date is this
 * date, split where the offset changes: one piece on an ordinary day, two on a transition day.
 * `wallZero` is the date's midnight written as if it were UTC, so that the instant of wall
 * minute `m` in a piece is `wallZero + m * 60_000 - offsetMinutes * 60_000`.
 */
export interface ZoneDay {
  date: string;
  day: number;
  wallZero: number;
  pieces: OffsetSpan[];
}

export interface WallClockReading {
  localDate: string;
  localTime: string;
  /** Minutes since the wall-clock midnight of `localDate`. */
  minutes: number;
  offsetMinutes: number;
}

// Offsets stay within UTC−12…UTC+14, so the instants of one wall-clock date lie within a day
// either side of its midnight read as UTC.
const WALL_DATE_MARGIN_MS = DAY_MS;

/** Every date from `firstDay` to `lastDay` (day numbers) inclusive, with the real instants each one covers. */
export function zoneDaysByNumber(zone: string, firstDay: number, lastDay: number): ZoneDay[] {
  if (lastDay < firstDay) return [];
  const spans = offsetSpans(zone, firstDay * DAY_MS - WALL_DATE_MARGIN_MS, (lastDay + 1) * DAY_MS + WALL_DATE_MARGIN_MS);
  const days: ZoneDay[] = [];
  let first = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const wallZero = day * DAY_MS;
    const pieces: OffsetSpan[] = [];
    for (let i = first; i < spans.length; i++) {
      const span = spans[i] as OffsetSpan;
      const shift = span.offsetMinutes * MINUTE_MS;
      const start = Math.max(span.start, wallZero - shift);
      const end = Math.min(span.end, wallZero + DAY_MS - shift);
      if (start < end) pieces.push({ start, end, offsetMinutes: span.offsetMinutes });
      if (span.start > wallZero + DAY_MS + WALL_DATE_MARGIN_MS) break;
    }
    // Spans ending well before this date cannot reach the next one either.
    while (first < spans.length - 1 && (spans[first] as OffsetSpan).end < wallZero - WALL_DATE_MARGIN_MS) first++;
    days.push({ date: formatDay(day), day, wallZero, pieces });
  }
  return days;
}

/** Instant of wall minute `minutes` in `piece`, or null when the piece does not show that time. */
export function instantInPiece(zoneDay: ZoneDay, piece: OffsetSpan, minutes: number): number | null {
  const instant = zoneDay.wallZero + minutes * MINUTE_MS - piece.offsetMinutes * MINUTE_MS;
  return instant >= piece.start && instant < piece.end ? instant : null;
}

/**
 * The instants at which the wall clock reads `minutes` on this date: none in a spring-forward
 * gap, two (earlier first) in a fall-back overlap, otherwise one.
 */
export function wallToInstants(zoneDay: ZoneDay, minutes: number): number[] {
  const instants: number[] = [];
  for (const piece of zoneDay.pieces) {
    const instant = instantInPiece(zoneDay, piece, minutes);
    if (instant !== null) instants.push(instant);
  }
  return instants;
}

/**
 * Real time during which the wall clock shows a time in `[startMinutes, endMinutes)` on this
 * date. On ordinary days and whenever the transition lies strictly inside the range this is one
 * span from the instant of the start to the instant of the end (3 h for 00:00–04:00 on a
 * spring-forward day, 5 h on a fall-back day); a boundary inside the repeated hour gives two.
 */
export function wallRangeToInstants(zoneDay: ZoneDay, startMinutes: number, endMinutes: number): Interval[] {
  const result: Interval[] = [];
  for (const piece of zoneDay.pieces) {
    const shift = zoneDay.wallZero - piece.offsetMinutes * MINUTE_MS;
    const start = Math.max(piece.start, shift + startMinutes * MINUTE_MS);
    const end = Math.min(piece.end, shift + endMinutes * MINUTE_MS);
    if (start >= end) continue;
    const last = result[result.length - 1];
    // Pieces are consecutive in real time, so a range crossing the transition joins up.
    if (last && last.end === start) last.end = end;
    else result.push({ start, end });
  }
  return result;
}

export function instantToWall(zone: string, epochMs: number): WallClockReading {
  const offsetMinutes = offsetMinutesAt(zone, epochMs);
  const wallMs = epochMs + offsetMinutes * MINUTE_MS;
  const day = Math.floor(wallMs / DAY_MS);
  const minutes = Math.floor((wallMs - day * DAY_MS) / MINUTE_MS);
  return { localDate: formatDay(day), localTime: formatWallTime(minutes), minutes, offsetMinutes };
}

/** The clinic's calendar date at `epochMs`. */
export function localDateAt(zone: string, epochMs: number): string {
  return instantToWall(zone, epochMs).localDate;
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** The clinic's calendar date ("YYYY-MM-DD") at an ISO instant. */
export function clinicDateAt(instant: string, zone: string): string {
  return localDateAt(zone, parseInstant(instant));
}
