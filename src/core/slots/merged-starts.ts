import type { Therapist } from "../config/schema";
import { MINUTE_MS, weekdayIndex, type Interval, type OffsetSpan, type ZoneDay } from "../time";
import { isDayClosed, openInstants, type SearchContext } from "./availability";
import { candidateStarts, type FreeStart } from "./free-starts";
import type { WeekdayPlan } from "./plan";

/** A start at least one therapist can take, with every therapist who can (in the order given). */
export interface MergedStart {
  start: FreeStart;
  therapistIds: string[];
}

/** One therapist's day: the instants a session may start at, as half-open spans, sorted. */
interface TherapistDay {
  id: string;
  plan: WeekdayPlan;
  starts: Interval[];
}

/**
 * Free starts of several therapists, one per distinct instant, sorted, each listing every
 * therapist free then. Each therapist's day is reduced to the spans a session may start in (open
 * time minus sessions and buffers, shortened by the session's length, from the notice on); the
 * therapists who step on the same wall-clock grid that day share one walk over it, and each step
 * asks only those therapists whether it is theirs.
 */
export function mergedFreeStarts(ctx: SearchContext, therapists: readonly Therapist[]): MergedStart[] {
  const found: MergedStart[] = [];
  const order = new Map(therapists.map((t, i) => [t.id, i]));
  const week = therapists.map((t) => ({
    id: t.id,
    plans: ctx.index.weekPlans.get(t.id) ?? [],
    closed: ctx.index.closedDays.get(t.id) ?? [],
    occupied: ctx.occupied.get(t.id) ?? [],
  }));
  for (const day of ctx.days) {
    const weekday = weekdayIndex(day.day);
    const onGrid = new Map<string, TherapistDay[]>();
    const irregular: TherapistDay[] = [];
    // Therapists with the same hours and breaks share the day's open instants.
    const openByKey = new Map<string, Interval[]>();
    for (const therapist of week) {
      const plan = therapist.plans[weekday];
      if (!plan || plan.open.length === 0 || isDayClosed(therapist.closed, day.day)) continue;
      let open = openByKey.get(plan.openKey);
      if (!open) {
        open = openInstants(day, plan.open);
        openByKey.set(plan.openKey, open);
      }
      const starts = startSpans(ctx, open, therapist.occupied);
      if (starts.length === 0) continue;
      const entry = { id: therapist.id, plan, starts };
      // Overlapping hours or an offset change put several instants on one grid minute: walked one by one.
      if (!plan.anchorsDisjoint || day.pieces.length !== 1) irregular.push(entry);
      else {
        const group = onGrid.get(plan.gridKey);
        if (group) group.push(entry);
        else onGrid.set(plan.gridKey, [entry]);
      }
    }
    const lists: MergedStart[][] = [];
    for (const group of onGrid.values()) lists.push(walkGrid(ctx, day, group));
    for (const entry of irregular) lists.push(walkCandidates(ctx, day, entry));
    if (lists.length === 1) for (const s of lists[0] as MergedStart[]) found.push(s);
    else if (lists.length > 1) for (const s of mergeByInstant(lists, order)) found.push(s);
  }
  // A fall-back at midnight can make a date begin before the previous one ends in real time.
  return isSorted(found) ? found : found.sort((a, b) => a.start.at - b.start.at);
}

/**
 * Where a session of the context's length may start inside these open instants: its buffered
 * span clear of every occupied one (`[s − before, e + after]` against each session's own, so the
 * session itself must miss `[start − after, end + before]` of each), and not before the notice.
 * Half-open spans of start instants.
 */
function startSpans(ctx: SearchContext, openInstants: readonly Interval[], occupied: readonly Interval[]): Interval[] {
  const spans: Interval[] = [];
  const { bufferBeforeMs: before, bufferAfterMs: after, durationMs, earliestStart } = ctx;
  for (const open of openInstants) {
    let cursor = open.start;
    for (let i = firstEndingAfter(occupied, open.start - before); i < occupied.length; i++) {
      const busy = occupied[i] as Interval;
      const blockedStart = busy.start - after;
      if (blockedStart >= open.end) break;
      if (blockedStart > cursor) pushStarts(spans, cursor, blockedStart, durationMs, earliestStart);
      cursor = Math.max(cursor, busy.end + before);
    }
    if (cursor < open.end) pushStarts(spans, cursor, open.end, durationMs, earliestStart);
  }
  return spans;
}

/** Starts `s` with `[s, s + duration)` inside `[free, freeEnd)` and `s` not before `earliest`. */
function pushStarts(spans: Interval[], free: number, freeEnd: number, durationMs: number, earliest: number): void {
  const start = Math.max(free, earliest);
  const end = freeEnd - durationMs + 1;
  if (start < end) spans.push({ start, end });
}

/** Index of the first span of a sorted, disjoint list that ends after `at` (binary search). */
function firstEndingAfter(sorted: readonly Interval[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as Interval).end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * An ordinary day of therapists sharing one grid: the grid is stepped once, from the earliest
 * start any of them has to the latest, and each step asks every one of them, walking each one's
 * sorted start spans alongside, whether it is theirs.
 */
function walkGrid(ctx: SearchContext, day: ZoneDay, group: readonly TherapistDay[]): MergedStart[] {
  const piece = day.pieces[0] as OffsetSpan;
  const base = day.wallZero - piece.offsetMinutes * MINUTE_MS;
  const stepMs = ctx.stepMinutes * MINUTE_MS;
  let earliest = Infinity;
  let latest = -Infinity;
  for (const t of group) {
    earliest = Math.min(earliest, (t.starts[0] as Interval).start);
    latest = Math.max(latest, (t.starts[t.starts.length - 1] as Interval).end);
  }
  const heads = group.map(() => 0);
  const result: MergedStart[] = [];
  for (const anchor of (group[0] as TherapistDay).plan.anchors) {
    const anchorAt = base + anchor.start * MINUTE_MS;
    const to = Math.min(base + anchor.end * MINUTE_MS, piece.end, latest);
    const first = Math.max(0, Math.ceil((Math.max(earliest, piece.start) - anchorAt) / stepMs));
    for (let step = first, at = anchorAt + first * stepMs; at < to; step++, at += stepMs) {
      const therapistIds = freeAmong(group, heads, at);
      if (therapistIds.length === 0) continue;
      result.push({ start: { at, day, minutes: anchor.start + step * ctx.stepMinutes, offsetMinutes: piece.offsetMinutes, ambiguous: false }, therapistIds });
    }
  }
  return result;
}

/** Ids of the group's therapists whose start spans hold `at`; `heads` walks each one's spans as `at` grows. */
function freeAmong(group: readonly TherapistDay[], heads: number[], at: number): string[] {
  const free: string[] = [];
  for (let k = 0; k < group.length; k++) {
    const therapist = group[k] as TherapistDay;
    const starts = therapist.starts;
    let head = heads[k] as number;
    while (head < starts.length && (starts[head] as Interval).end <= at) head++;
    heads[k] = head;
    const span = starts[head];
    if (span && span.start <= at) free.push(therapist.id);
  }
  return free;
}

/** A transition day, or hours that overlap: each grid minute's instants tested on their own. */
function walkCandidates(ctx: SearchContext, day: ZoneDay, entry: TherapistDay): MergedStart[] {
  const result: MergedStart[] = [];
  let head = 0;
  for (const c of candidateStarts(day, entry.plan.anchors, ctx.stepMinutes)) {
    while (head < entry.starts.length && (entry.starts[head] as Interval).end <= c.at) head++;
    const span = entry.starts[head];
    if (span && span.start <= c.at) result.push({ start: { ...c, day }, therapistIds: [entry.id] });
  }
  return result;
}

/** Sorted lists of one date merged by instant; the ids of equal instants joined in the given order. */
function mergeByInstant(lists: MergedStart[][], order: ReadonlyMap<string, number>): MergedStart[] {
  const all = lists.flat().sort((a, b) => a.start.at - b.start.at);
  const merged: MergedStart[] = [];
  for (const next of all) {
    const last = merged[merged.length - 1];
    if (last && last.start.at === next.start.at) {
      last.therapistIds = [...last.therapistIds, ...next.therapistIds].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    } else merged.push(next);
  }
  return merged;
}

function isSorted(starts: readonly MergedStart[]): boolean {
  for (let i = 1; i < starts.length; i++) if ((starts[i - 1] as MergedStart).start.at >= (starts[i] as MergedStart).start.at) return false;
  return true;
}
