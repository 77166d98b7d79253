import type { ClinicConfig, ConfigIndex } from "../config/compiled";
import type { Therapist } from "../config/schema";
import {
  HOUR_MS,
  MINUTE_MS,
  dayNumber,
  localDateAt,
  mergeIntervals,
  parseInstant,
  wallRangeToInstants,
  zoneDaysByNumber,
  type Interval,
  type ZoneDay,
} from "../time";
import type { BusyInterval } from "./types";

/** Everything about a query that does not depend on the therapist, computed once. */
export interface SearchContext {
  days: ZoneDay[];
  earliestStart: number;
  durationMs: number;
  stepMinutes: number;
  bufferBeforeMs: number;
  bufferAfterMs: number;
  /** The config's plans and closures per therapist. */
  index: ConfigIndex;
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
    index: config.index,
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

export function offersService(therapist: Therapist, serviceId: string): boolean {
  return therapist.services.includes(serviceId);
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
