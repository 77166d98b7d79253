import type { Therapist } from "../config/schema";
import { MINUTE_MS, dayNumber, formatInstant, formatOffset, formatWallTime, localDateAt, parseInstant } from "../time";
import { dayOrDefault, offersService, searchContext } from "./availability";
import { isFreeStart, type FreeStart } from "./free-starts";
import { mergedFreeStarts } from "./merged-starts";
import type { Slot, SlotCheckQuery, SlotQuery } from "./types";

/** One slot per distinct start instant, sorted, listing every therapist free then (config order). */
export function findSlots(q: SlotQuery): Slot[] {
  const therapists = eligibleTherapists(q);
  if (therapists.length === 0) return [];
  const firstDay = Math.max(dayNumber(q.from), dayOrDefault(q.notBefore, -Infinity));
  const ctx = searchContext({
    config: q.config,
    minutes: q.minutes,
    busy: q.busy,
    now: q.now,
    firstDay,
    lastDay: dayNumber(q.to),
    therapistIds: new Set(therapists.map((t) => t.id)),
  });
  return mergedFreeStarts(ctx, therapists).map((s) => toSlot(s.start, s.therapistIds, ctx.durationMs));
}

/**
 * Whether `therapistId` can take a session starting exactly at `start` (ISO), with every rule
 * applied. Only that therapist's sessions near the start are read, and only the start's own date.
 */
export function isSlotAvailable(q: SlotCheckQuery, therapistId: string, start: string): boolean {
  if (q.therapistId !== undefined && q.therapistId !== therapistId) return false;
  const therapist = q.config.index.therapistById.get(therapistId);
  if (!therapist || !offersService(therapist, q.serviceId)) return false;
  const at = parseInstant(start);
  const day = dayNumber(localDateAt(q.config.timeZone, at));
  const ctx = searchContext({
    config: q.config,
    minutes: q.minutes,
    busy: q.busy,
    now: q.now,
    firstDay: Math.max(day, dayOrDefault(q.notBefore, day)),
    lastDay: day,
    therapistIds: new Set([therapistId]),
    // A stored session matters only if its buffered span reaches the new one's.
    near: { start: at - q.config.booking.bufferBeforeMinutes * MINUTE_MS, end: at + Math.round(q.minutes * MINUTE_MS) + q.config.booking.bufferAfterMinutes * MINUTE_MS },
  });
  return isFreeStart(ctx, therapist, at);
}

function eligibleTherapists(q: SlotQuery): Therapist[] {
  return q.config.therapists.filter(
    (t) => offersService(t, q.serviceId) && (q.therapistId === undefined || t.id === q.therapistId),
  );
}

export function toSlot(start: FreeStart, therapistIds: string[], durationMs: number): Slot {
  return {
    start: formatInstant(start.at),
    end: formatInstant(start.at + durationMs),
    therapistIds,
    localDate: start.day.date,
    localTime: formatWallTime(start.minutes),
    offset: formatOffset(start.offsetMinutes),
    ambiguous: start.ambiguous,
  };
}
