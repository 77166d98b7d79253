/**
 * Half-open spans `[start, end)` of plain numbers: epoch milliseconds for instants, or minutes
 * of a day for wall-clock ranges. Half-open so that back-to-back spans touch without overlapping.
 */
export interface Interval {
  start: number;
  end: number;
}

/** Sorted, with overlapping or touching spans joined and empty ones dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last && next.start <= last.end) {
      if (next.end > last.end) last.end = next.end;
    } else {
      merged.push({ start: next.start, end: next.end });
    }
  }
  return merged;
}

/**
 * What `mergeIntervals` gives for the spans `[starts[i], ends[i])`, each non-empty, from their
 * starts and ends as two lists of plain numbers, which sort several times faster than objects
 * by a key: a slot search merges every booked session of every therapist. Sorts both in place.
 */
export function unionOfSpans(starts: Float64Array, ends: Float64Array): Interval[] {
  starts.sort();
  ends.sort();
  const merged: Interval[] = [];
  let depth = 0;
  let openedAt = 0;
  let j = 0;
  for (let i = 0; i < starts.length; ) {
    const start = starts[i] as number;
    const end = ends[j] as number;
    // A start at an end joins the two: touching spans merge.
    if (start <= end) {
      if (depth === 0) openedAt = start;
      depth++;
      i++;
    } else {
      depth--;
      j++;
      if (depth === 0) merged.push({ start: openedAt, end });
    }
  }
  if (depth > 0) merged.push({ start: openedAt, end: ends[ends.length - 1] as number });
  return merged;
}

/** What is left of `from` once every span of `remove` is taken out; sorted and merged. */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const base = mergeIntervals(from);
  const cuts = mergeIntervals(remove);
  const result: Interval[] = [];
  let c = 0;
  for (const piece of base) {
    let cursor = piece.start;
    // Cuts ending before this piece cannot touch any later piece either.
    while (c < cuts.length && (cuts[c] as Interval).end <= piece.start) c++;
    for (let k = c; k < cuts.length; k++) {
      const cut = cuts[k] as Interval;
      if (cut.start >= piece.end) break;
      if (cut.start > cursor) result.push({ start: cursor, end: cut.start });
      if (cut.end > cursor) cursor = cut.end;
    }
    if (cursor < piece.end) result.push({ start: cursor, end: piece.end });
  }
  return result;
}

/** True when the spans share at least one point; touching ends do not count. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end && a.start < a.end && b.start < b.end;
}
