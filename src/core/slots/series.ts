import {
  MINUTE_MS,
  dayNumber,
  formatInstant,
  instantToWall,
  overlaps,
  parseInstant,
  wallToInstants,
  zoneDaysByNumber,
  type Interval,
  type ZoneDay,
} from "../time";
import { dayOrDefault, offersService, searchContext } from "./availability";
import { freeStarts, type FreeStart } from "./free-starts";
import { toSlot } from "./slots";
import type { SeriesQuery, SeriesWeek } from "./types";

const ALTERNATIVE_WINDOW_DAYS = 3;
const MAX_ALTERNATIVES = 3;

/**
 * Proposes `count` sessions `intervalDays` apart at the wall-clock time of `firstStart`, with the
 * same therapist: across a DST change the UTC instant moves and the wall time stays. Each
 * session is checked like a single booking and also against the series' earlier sessions, so
 * two sessions of one series never clash. An unavailable session gets up to three free slots of
 * the same therapist within ±3 days, nearest in time first, none clashing with the series'
 * available sessions.
 */
export function proposeSeries(q: SeriesQuery): SeriesWeek[] {
  const intervalDays = q.intervalDays ?? 7;
  if (!Number.isInteger(q.count) || q.count < 0) throw new RangeError(`expected a whole number of sessions, got ${q.count}`);
  if (!Number.isInteger(intervalDays) || intervalDays < 1) throw new RangeError(`expected intervalDays ≥ 1, got ${intervalDays}`);
  if (!(Number.isFinite(q.minutes) && q.minutes > 0)) throw new RangeError(`expected positive session minutes, got ${q.minutes}`);
  if (q.count === 0) return [];

  const zone = q.config.timeZone;
  const firstMs = parseInstant(q.firstStart);
  const first = instantToWall(zone, firstMs);
  const firstDay = dayNumber(first.localDate);
  const lastDay = firstDay + (q.count - 1) * intervalDays;
  const durationMs = Math.round(q.minutes * MINUTE_MS);
  const days = zoneDaysByNumber(zone, firstDay, lastDay);

  // Offsets are whole minutes, so seconds carry over unchanged and week 0 is exactly firstStart.
  const seconds = firstMs - Math.floor(firstMs / MINUTE_MS) * MINUTE_MS;
  const wanted = Array.from({ length: q.count }, (_, index) => {
    const day = days[index * intervalDays] as ZoneDay;
    return { index, day, at: sameWallTime(day, first.minutes, first.offsetMinutes) + seconds };
  });

  const free = freeStartsAround(q, firstDay - ALTERNATIVE_WINDOW_DAYS, lastDay + ALTERNATIVE_WINDOW_DAYS);
  const freeAt = new Set(free.map((s) => s.at));
  const { bufferBeforeMinutes, bufferAfterMinutes } = q.config.booking;
  const occupy = (at: number): Interval => ({
    start: at - bufferBeforeMinutes * MINUTE_MS,
    end: at + durationMs + bufferAfterMinutes * MINUTE_MS,
  });

  const taken: Interval[] = [];
  const available = wanted.map((w) => {
    const ok = freeAt.has(w.at) && !taken.some((t) => overlaps(t, occupy(w.at)));
    if (ok) taken.push(occupy(w.at));
    return ok;
  });

  return wanted.map((w, i): SeriesWeek => {
    const isAvailable = available[i] === true;
    return {
      index: w.index,
      wanted: { start: formatInstant(w.at), end: formatInstant(w.at + durationMs), localDate: w.day.date },
      available: isAvailable,
      alternatives: isAvailable
        ? []
        : nearest(free, w.day.day, w.at, (s) => !taken.some((t) => overlaps(t, occupy(s.at)))).map((s) =>
            toSlot(s, [q.therapistId], durationMs),
          ),
    };
  });
}

/**
 * The instant showing `minutes` on this date. In a fall-back overlap the one with the first
 * session's offset wins (else the earlier); in a spring-forward gap the time does not exist and
 * the wanted instant is pushed forward by the gap, as a clock that was not changed would read
 * (02:30 becomes 03:30): such a session is reported unavailable.
 */
function sameWallTime(day: ZoneDay, minutes: number, preferredOffset: number): number {
  const instants = wallToInstants(day, minutes);
  const preferred = instants.find((at) => offsetIn(day, at) === preferredOffset);
  const chosen = preferred ?? instants[0];
  if (chosen !== undefined) return chosen;
  const wall = day.wallZero + minutes * MINUTE_MS;
  const before = day.pieces.filter((p) => wall - p.offsetMinutes * MINUTE_MS >= p.end).pop() ?? day.pieces[0];
  return wall - (before?.offsetMinutes ?? 0) * MINUTE_MS;
}

function offsetIn(day: ZoneDay, at: number): number | undefined {
  return day.pieces.find((p) => at >= p.start && at < p.end)?.offsetMinutes;
}

function freeStartsAround(q: SeriesQuery, fromDay: number, toDay: number): FreeStart[] {
  const therapist = q.config.index.therapistById.get(q.therapistId);
  if (!therapist || !offersService(therapist, q.serviceId)) return [];
  const ctx = searchContext({
    config: q.config,
    minutes: q.minutes,
    busy: q.busy,
    now: q.now,
    firstDay: Math.max(fromDay, dayOrDefault(q.notBefore, -Infinity)),
    lastDay: toDay,
    therapistIds: new Set([therapist.id]),
  });
  return freeStarts(ctx, therapist);
}

function nearest(free: readonly FreeStart[], day: number, at: number, fits: (s: FreeStart) => boolean): FreeStart[] {
  return free
    .filter((s) => Math.abs(s.day.day - day) <= ALTERNATIVE_WINDOW_DAYS && s.at !== at && fits(s))
    .sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at) || a.at - b.at)
    .slice(0, MAX_ALTERNATIVES);
}
