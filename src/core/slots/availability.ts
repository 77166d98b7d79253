import type { ClinicConfig, Closure, Therapist } from "../config/schema";
import { WEEKDAYS } from "../config/schema";
import {
  HOUR_MS,
  MINUTE_MS,
  dayNumber,
  localDateAt,
  mergeIntervals,
  parseInstant,
  subtractIntervals,
  wallRangeToInstants,
  wallTimeMinutes,
  zoneDaysByNumber,
  type Interval,
  type ZoneDay,
} from "../time";
import type { BusyInterval } from "./types";

/** One weekday of a therapist's week, in wall-clock minutes. */
export interface WeekdayPlan {
  /** Working intervals as configured: slot starts step from each one's start. */
  anchors: Interval[];
  /** Working intervals joined, breaks taken out: where a session may lie. */
  open: Interval[];
  /** No two configured intervals overlap, so their grids come out in order without sorting. */
  anchorsDisjoint: boolean;
}

/** Everything about a query that does not depend on the therapist, computed once. */
export interface SearchContext {
  days: ZoneDay[];
  earliestStart: number;
  durationMs: number;
  stepMinutes: number;
  bufferBeforeMs: number;
  bufferAfterMs: number;
  /** Clinic closures as day-number intervals. */
  clinicClosed: Interval[];
  /** Per therapist: each session widened by the buffers, sorted and merged. */
  occupied: Map<string, Interval[]>;
}

export interface SearchInput {
  config: ClinicConfig;
  minutes: number;
  busy: readonly BusyInterval[];
  now: string;
  /** Day numbers, inclusive; clamped to today … today + horizonDays. */
  firstDay: number;
  lastDay: number;
}

export function searchContext(input: SearchInput): SearchContext {
  const { config, minutes } = input;
  if (!(Number.isFinite(minutes) && minutes > 0)) throw new RangeError(`expected positive session minutes, got ${minutes}`);
  const rules = config.booking;
  const nowMs = parseInstant(input.now);
  // Horizon in calendar days of the clinic, notice in elapsed time (a DST change does not move it).
  const today = dayNumber(localDateAt(config.timeZone, nowMs));
  const firstDay = Math.max(input.firstDay, today);
  const lastDay = Math.min(input.lastDay, today + rules.horizonDays);
  const bufferBeforeMs = rules.bufferBeforeMinutes * MINUTE_MS;
  const bufferAfterMs = rules.bufferAfterMinutes * MINUTE_MS;
  return {
    days: zoneDaysByNumber(config.timeZone, firstDay, lastDay),
    earliestStart: nowMs + Math.round(rules.minNoticeHours * HOUR_MS),
    durationMs: Math.round(minutes * MINUTE_MS),
    stepMinutes: rules.slotStepMinutes,
    bufferBeforeMs,
    bufferAfterMs,
    clinicClosed: closedDays(config.closures),
    occupied: occupiedByTherapist(input.busy, bufferBeforeMs, bufferAfterMs),
  };
}

/**
 * Each stored session occupies its own buffers too, exactly as a new one would: a session takes
 * `[start − before, end + after]` and two sessions' occupied spans may touch but not overlap. So
 * with 0 min before and 15 min after, the next session may start 15 min after one ends.
 */
function occupiedByTherapist(busy: readonly BusyInterval[], beforeMs: number, afterMs: number): Map<string, Interval[]> {
  const grouped = new Map<string, Interval[]>();
  for (const session of busy) {
    const start = parseInstant(session.start) - beforeMs;
    const end = parseInstant(session.end) + afterMs;
    const list = grouped.get(session.therapistId);
    if (list) list.push({ start, end });
    else grouped.set(session.therapistId, [{ start, end }]);
  }
  for (const [id, list] of grouped) grouped.set(id, mergeIntervals(list));
  return grouped;
}

/** Inclusive closure dates as half-open day-number intervals, merged. Callers only read the result. */
export function closedDays(closures: readonly Closure[]): Interval[] {
  const cached = closedByList.get(closures);
  if (cached && sameDates(cached.dates, closures)) return cached.closed;
  const closed = mergeIntervals(closures.map((c) => ({ start: dayNumber(c.from), end: dayNumber(c.to) + 1 })));
  closedByList.set(closures, { dates: closures.map((c) => [c.from, c.to] as const), closed });
  return closed;
}

// Every slot check needs the clinic's closures as day numbers: remembered per list with the dates
// they came from, so that a list or closure edited in place is converted afresh.
const closedByList = new WeakMap<readonly Closure[], { dates: (readonly [string, string])[]; closed: Interval[] }>();

function sameDates(dates: readonly (readonly [string, string])[], closures: readonly Closure[]): boolean {
  if (dates.length !== closures.length) return false;
  for (let i = 0; i < closures.length; i++) {
    const closure = closures[i] as Closure;
    const [from, to] = dates[i] as readonly [string, string];
    if (closure.from !== from || closure.to !== to) return false;
  }
  return true;
}

export function offersService(therapist: Therapist, serviceId: string): boolean {
  return therapist.services.includes(serviceId);
}

// Plans per therapist object, remembered with the hours and breaks they were built from so that
// a therapist given new ones is planned afresh. Callers only read the plans.
const plansByTherapist = new WeakMap<Therapist, { hours: Therapist["hours"]; breaks: Therapist["breaks"]; plans: WeekdayPlan[] }>();

/** Monday-first plans for the seven weekdays. */
export function weekdayPlans(therapist: Therapist): WeekdayPlan[] {
  const cached = plansByTherapist.get(therapist);
  if (cached && cached.hours === therapist.hours && cached.breaks === therapist.breaks) return cached.plans;
  const plans = planWeek(therapist);
  plansByTherapist.set(therapist, { hours: therapist.hours, breaks: therapist.breaks, plans });
  return plans;
}

function planWeek(therapist: Therapist): WeekdayPlan[] {
  return WEEKDAYS.map((weekday) => {
    const anchors = (therapist.hours[weekday] ?? [])
      .map((h) => ({ start: wallTimeMinutes(h.start), end: wallTimeMinutes(h.end) }))
      .sort((a, b) => a.start - b.start);
    const breaks = therapist.breaks
      .filter((b) => !b.days || b.days.includes(weekday))
      .map((b) => ({ start: wallTimeMinutes(b.start), end: wallTimeMinutes(b.end) }));
    const anchorsDisjoint = anchors.every((a, i) => i === 0 || (anchors[i - 1] as Interval).end <= a.start);
    return { anchors, open: subtractIntervals(anchors, breaks), anchorsDisjoint };
  });
}

/**
 * Real instants open for sessions on one date. Breaks are taken out in wall minutes first: the
 * wall-to-real mapping preserves set differences, so doing it before the conversion is exact.
 */
export function openInstants(day: ZoneDay, open: readonly Interval[]): Interval[] {
  const spans = open.flatMap((range) => wallRangeToInstants(day, range.start, range.end));
  // With one offset all day the mapping keeps order and gaps, so the spans are already disjoint.
  return day.pieces.length === 1 ? spans : mergeIntervals(spans);
}

export function isDayClosed(closed: readonly Interval[], day: number): boolean {
  for (const range of closed) {
    if (range.start > day) return false;
    if (day < range.end) return true;
  }
  return false;
}

/** Day number of a LocalDate, or the given fallback when it is absent. */
export function dayOrDefault(localDate: string | undefined, fallback: number): number {
  return localDate === undefined ? fallback : dayNumber(localDate);
}
