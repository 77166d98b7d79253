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

/** Common part of two span lists; sorted and merged. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = mergeIntervals(a);
  const right = mergeIntervals(b);
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const x = left[i] as Interval;
    const y = right[j] as Interval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) result.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return result;
}

/** True when the spans share at least one point; touching ends do not count. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end && a.start < a.end && b.start < b.end;
}

/** Whether `probe` overlaps any span of a list that is sorted and merged (binary search). */
export function overlapsAny(sortedMerged: readonly Interval[], probe: Interval): boolean {
  let lo = 0;
  let hi = sortedMerged.length;
  // First span that ends after the probe starts: the only one that can overlap it.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sortedMerged[mid] as Interval).end <= probe.start) lo = mid + 1;
    else hi = mid;
  }
  const candidate = sortedMerged[lo];
  return candidate !== undefined && overlaps(candidate, probe);
}

/** Whether `inner` lies entirely inside one span of a sorted, merged list. */
export function containedInAny(sortedMerged: readonly Interval[], inner: Interval): boolean {
  let lo = 0;
  let hi = sortedMerged.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sortedMerged[mid] as Interval).end < inner.end) lo = mid + 1;
    else hi = mid;
  }
  const candidate = sortedMerged[lo];
  return candidate !== undefined && candidate.start <= inner.start && inner.end <= candidate.end;
}

export function widenInterval(interval: Interval, before: number, after: number): Interval {
  return { start: interval.start - before, end: interval.end + after };
}
