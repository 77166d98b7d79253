import type { ClinicConfig, ConfigIndex } from "../config/compiled";
import type { Therapist } from "../config/schema";
import {
  HOUR_MS,
  MINUTE_MS,
  dayNumber,
  localDateAt,
  mergeIntervals,
  parseInstant,
  unionOfSpans,
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
  /** Per therapist asked for: each session widened by the buffers, sorted and merged. */
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
  /** The therapists whose sessions are read; the others' are skipped unread. */
  therapistIds: ReadonlySet<string>;
  /** When set, only sessions reaching into this span (epoch ms, buffers included) are kept. */
  near?: Interval;
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
    occupied: occupiedByTherapist(input, bufferBeforeMs, bufferAfterMs),
  };
}

/**
 * Each stored session occupies its own buffers too, exactly as a new one would: a session takes
 * `[start − before, end + after]` and two sessions' occupied spans may touch but not overlap. So
 * with 0 min before and 15 min after, the next session may start 15 min after one ends.
 */
function occupiedByTherapist(input: SearchInput, beforeMs: number, afterMs: number): Map<string, Interval[]> {
  const grouped = new Map<string, { starts: number[]; ends: number[] }>();
  const { therapistIds, near } = input;
  for (const session of input.busy) {
    if (!therapistIds.has(session.therapistId)) continue;
    const start = parseInstant(session.start) - beforeMs;
    const end = parseInstant(session.end) + afterMs;
    if (!(start < end) || (near && !(start < near.end && near.start < end))) continue;
    const lists = grouped.get(session.therapistId);
    if (lists) {
      lists.starts.push(start);
      lists.ends.push(end);
    } else grouped.set(session.therapistId, { starts: [start], ends: [end] });
  }
  const occupied = new Map<string, Interval[]>();
  for (const [id, { starts, ends }] of grouped) occupied.set(id, unionOfSpans(new Float64Array(starts), new Float64Array(ends)));
  return occupied;
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
