import type { Closure, Therapist } from "../config/schema";
import { WEEKDAYS } from "../config/schema";
import { dayNumber, mergeIntervals, subtractIntervals, wallTimeMinutes, type Interval } from "../time";

/** One weekday of a therapist's week, in wall-clock minutes. */
export interface WeekdayPlan {
  /** Working intervals as configured: slot starts step from each one's start. */
  anchors: Interval[];
  /** Working intervals joined, breaks taken out: where a session may lie. */
  open: Interval[];
  /** No two configured intervals overlap, so their grids come out in order without sorting. */
  anchorsDisjoint: boolean;
  /** Equal for two plans whose slot starts fall on the same wall-clock grid. */
  gridKey: string;
  /** Equal for two plans with the same open time. */
  openKey: string;
}

/** Monday-first plans for the seven weekdays. */
export function planWeek(therapist: Therapist): WeekdayPlan[] {
  return WEEKDAYS.map((weekday) => {
    const anchors = (therapist.hours[weekday] ?? [])
      .map((h) => ({ start: wallTimeMinutes(h.start), end: wallTimeMinutes(h.end) }))
      .sort((a, b) => a.start - b.start);
    const breaks = therapist.breaks
      .filter((b) => !b.days || b.days.includes(weekday))
      .map((b) => ({ start: wallTimeMinutes(b.start), end: wallTimeMinutes(b.end) }));
    const anchorsDisjoint = anchors.every((a, i) => i === 0 || (anchors[i - 1] as Interval).end <= a.start);
    const open = subtractIntervals(anchors, breaks);
    return { anchors, open, anchorsDisjoint, gridKey: spansKey(anchors), openKey: spansKey(open) };
  });
}

function spansKey(spans: readonly Interval[]): string {
  return spans.map((s) => `${s.start}-${s.end}`).join(",");
}

/** Inclusive closure dates as half-open day-number intervals, merged. */
export function closedDays(closures: readonly Closure[]): Interval[] {
  return mergeIntervals(closures.map((c) => ({ start: dayNumber(c.from), end: dayNumber(c.to) + 1 })));
}
