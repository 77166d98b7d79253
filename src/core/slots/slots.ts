import type { Therapist } from "../config/schema";
import { dayNumber, formatInstant, formatOffset, formatWallTime, localDateAt, parseInstant } from "../time";
import { dayOrDefault, offersService, searchContext, type SearchContext } from "./availability";
import { freeStarts, isFreeStart, type FreeStart } from "./free-starts";
import type { Slot, SlotCheckQuery, SlotQuery } from "./types";

/** One slot per distinct start instant, sorted, listing every therapist free then (config order). */
export function findSlots(q: SlotQuery): Slot[] {
  const therapists = eligibleTherapists(q);
  if (therapists.length === 0) return [];
  const ctx = contextFor(q);
  const lists = therapists.map((t) => freeStarts(ctx, t));
  const merged: Slot[] = [];
  const heads = lists.map(() => 0);
  // A k-way merge: few therapists, so scanning every head per step beats a heap, and taking
  // the lists in config order lists the therapist ids in config order.
  for (;;) {
    let first: FreeStart | undefined;
    for (let k = 0; k < lists.length; k++) {
      const head = lists[k]?.[heads[k] ?? 0];
      if (head && (!first || head.at < first.at)) first = head;
    }
    if (!first) return merged;
    const free: string[] = [];
    for (let k = 0; k < lists.length; k++) {
      const head = lists[k]?.[heads[k] ?? 0];
      if (head?.at !== first.at) continue;
      free.push(therapists[k]?.id ?? "");
      heads[k] = (heads[k] ?? 0) + 1;
    }
    merged.push(toSlot(first, free, ctx.durationMs));
  }
}

/** Whether `therapistId` can take a session starting exactly at `start` (ISO), with every rule applied. */
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
  });
  return isFreeStart(ctx, therapist, at);
}

function eligibleTherapists(q: SlotQuery): Therapist[] {
  return q.config.therapists.filter(
    (t) => offersService(t, q.serviceId) && (q.therapistId === undefined || t.id === q.therapistId),
  );
}

function contextFor(q: SlotQuery): SearchContext {
  const firstDay = Math.max(dayNumber(q.from), dayOrDefault(q.notBefore, -Infinity));
  return searchContext({ config: q.config, minutes: q.minutes, busy: q.busy, now: q.now, firstDay, lastDay: dayNumber(q.to) });
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
