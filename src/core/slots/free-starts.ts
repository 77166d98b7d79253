import type { Therapist } from "../config/schema";
import { MINUTE_MS, weekdayIndex, type Interval, type OffsetSpan, type ZoneDay } from "../time";
import { isDayClosed, openInstants, type SearchContext } from "./availability";

/** A start the therapist can take, before it is dressed up as a `Slot`. */
export interface FreeStart {
  at: number;
  day: ZoneDay;
  /** Wall-clock minute of the day at `at`. */
  minutes: number;
  offsetMinutes: number;
  ambiguous: boolean;
}

/**
 * Free starts of one therapist over the context's days, sorted by instant.
 *
 * Candidates step on the wall clock from each working interval's start. Each day's
 * constant-offset pieces turn a wall minute into its instant(s) with plain arithmetic: a wall
 * time in a spring-forward gap has none, one in a fall-back overlap has two. A candidate is kept
 * when the whole session lies in the day's open real time, it respects the notice, and its
 * buffered span misses every occupied span.
 */
export function freeStarts(ctx: SearchContext, therapist: Therapist): FreeStart[] {
  const plans = ctx.index.weekPlans.get(therapist.id) ?? [];
  const closed = ctx.index.closedDays.get(therapist.id) ?? [];
  const busy = new BusySweep(ctx.occupied.get(therapist.id) ?? [], ctx.bufferBeforeMs, ctx.bufferAfterMs);
  const found: FreeStart[] = [];

  for (const day of ctx.days) {
    const plan = plans[weekdayIndex(day.day)];
    if (!plan || plan.open.length === 0 || isDayClosed(closed, day.day)) continue;
    const open = openInstants(day, plan.open);
    const candidates = plan.anchorsDisjoint && day.pieces.length === 1 ? null : candidateStarts(day, plan.anchors, ctx.stepMinutes);
    if (candidates) {
      for (const c of candidates) {
        if (isFree(ctx, open, busy, c.at)) found.push({ at: c.at, day, minutes: c.minutes, offsetMinutes: c.offsetMinutes, ambiguous: c.ambiguous });
      }
      continue;
    }
    // Ordinary day: one offset, so every grid minute is exactly one instant and they come in order.
    const piece = day.pieces[0];
    if (!piece) continue;
    const base = day.wallZero - piece.offsetMinutes * MINUTE_MS;
    for (const anchor of plan.anchors) {
      for (let minutes = anchor.start; minutes < anchor.end; minutes += ctx.stepMinutes) {
        const at = base + minutes * MINUTE_MS;
        if (at >= piece.start && at < piece.end && isFree(ctx, open, busy, at)) {
          found.push({ at, day, minutes, offsetMinutes: piece.offsetMinutes, ambiguous: false });
        }
      }
    }
  }
  return isStrictlySorted(found) ? found : dedupeSorted(found.sort((a, b) => a.at - b.at));
}

/**
 * Whether `at` is one of `freeStarts(ctx, therapist)`, without listing the others: only the
 * dates of the context whose real time can hold `at` are looked at, and on an ordinary date only
 * the grid position of `at` is tested.
 */
export function isFreeStart(ctx: SearchContext, therapist: Therapist, at: number): boolean {
  const plans = ctx.index.weekPlans.get(therapist.id) ?? [];
  const closed = ctx.index.closedDays.get(therapist.id) ?? [];
  for (const day of ctx.days) {
    if (!day.pieces.some((piece) => at >= piece.start && at < piece.end)) continue;
    const plan = plans[weekdayIndex(day.day)];
    if (!plan || plan.open.length === 0 || isDayClosed(closed, day.day)) continue;
    const busy = new BusySweep(ctx.occupied.get(therapist.id) ?? [], ctx.bufferBeforeMs, ctx.bufferAfterMs);
    const open = openInstants(day, plan.open);
    if (!(plan.anchorsDisjoint && day.pieces.length === 1)) {
      if (candidateStarts(day, plan.anchors, ctx.stepMinutes).some((c) => c.at === at) && isFree(ctx, open, busy, at)) return true;
      continue;
    }
    const piece = day.pieces[0] as OffsetSpan;
    const sinceBase = at - (day.wallZero - piece.offsetMinutes * MINUTE_MS);
    if (sinceBase % MINUTE_MS !== 0) continue;
    const minutes = sinceBase / MINUTE_MS;
    const onGrid = plan.anchors.some((a) => minutes >= a.start && minutes < a.end && (minutes - a.start) % ctx.stepMinutes === 0);
    if (onGrid && isFree(ctx, open, busy, at)) return true;
  }
  return false;
}

function isFree(ctx: SearchContext, open: readonly Interval[], busy: BusySweep, start: number): boolean {
  const end = start + ctx.durationMs;
  return start >= ctx.earliestStart && fitsOpen(open, start, end) && busy.isClear(start, end);
}

/** Whether `[start, end)` lies inside one span of the sorted, disjoint `open`. */
function fitsOpen(open: readonly Interval[], start: number, end: number): boolean {
  for (const span of open) {
    if (span.end < end) continue;
    return span.start <= start;
  }
  return false;
}

/** Walks a therapist's sorted occupied spans alongside starts that (almost always) grow. */
class BusySweep {
  private index = 0;

  constructor(
    private readonly occupied: readonly Interval[],
    private readonly beforeMs: number,
    private readonly afterMs: number,
  ) {}

  isClear(start: number, end: number): boolean {
    const from = start - this.beforeMs;
    const to = end + this.afterMs;
    const occupied = this.occupied;
    // A fall-back at midnight can make a date begin before the previous one ends in real
    // time: let the pointer step back rather than assume starts only grow.
    while (this.index > 0 && (occupied[this.index - 1] as Interval).end > from) this.index--;
    while (this.index < occupied.length && (occupied[this.index] as Interval).end <= from) this.index++;
    const next = occupied[this.index];
    return !next || next.start >= to;
  }
}

interface Candidate {
  at: number;
  minutes: number;
  offsetMinutes: number;
  ambiguous: boolean;
}

/** Wall-grid starts of a transition day (or of overlapping intervals) as instants, sorted, each once. */
export function candidateStarts(day: ZoneDay, anchors: readonly Interval[], stepMinutes: number): Candidate[] {
  const starts: Candidate[] = [];
  for (const anchor of anchors) {
    for (let minutes = anchor.start; minutes < anchor.end; minutes += stepMinutes) {
      const wall = day.wallZero + minutes * MINUTE_MS;
      const before = starts.length;
      for (const piece of day.pieces) {
        const at = wall - piece.offsetMinutes * MINUTE_MS;
        if (at >= piece.start && at < piece.end) starts.push({ at, minutes, offsetMinutes: piece.offsetMinutes, ambiguous: false });
      }
      // The same wall time twice that day: the fall-back overlap.
      if (starts.length - before > 1) for (let k = before; k < starts.length; k++) (starts[k] as Candidate).ambiguous = true;
    }
  }
  const sorted = starts.sort((a, b) => a.at - b.at);
  return sorted.filter((s, i) => i === 0 || (sorted[i - 1] as Candidate).at !== s.at);
}

function isStrictlySorted(starts: readonly FreeStart[]): boolean {
  for (let i = 1; i < starts.length; i++) if ((starts[i - 1] as FreeStart).at >= (starts[i] as FreeStart).at) return false;
  return true;
}

function dedupeSorted(starts: FreeStart[]): FreeStart[] {
  return starts.filter((s, i) => i === 0 || (starts[i - 1] as FreeStart).at !== s.at);
}
