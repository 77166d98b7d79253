import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mergeIntervals, overlaps, subtractIntervals, unionOfSpans } from "../../src/core/time/intervals";

const iv = (start: number, end: number) => ({ start, end });

describe("mergeIntervals", () => {
  it("sorts, joins overlapping and touching spans, drops empty ones", () => {
    expect(mergeIntervals([iv(50, 60), iv(10, 20), iv(15, 30), iv(30, 35), iv(40, 40), iv(45, 44)])).toEqual([
      iv(10, 35),
      iv(50, 60),
    ]);
  });

  it("keeps a span that contains the next one whole", () => {
    expect(mergeIntervals([iv(0, 100), iv(10, 20), iv(30, 40)])).toEqual([iv(0, 100)]);
  });

  it("does not modify its input", () => {
    const input = [iv(0, 10), iv(5, 20)];
    mergeIntervals(input);
    expect(input).toEqual([iv(0, 10), iv(5, 20)]);
  });

  it("returns nothing for nothing", () => {
    expect(mergeIntervals([])).toEqual([]);
  });
});

describe("subtractIntervals", () => {
  it("cuts holes, trims ends and removes covered spans", () => {
    const from = [iv(0, 100), iv(200, 300), iv(400, 500)];
    const remove = [iv(-10, 10), iv(40, 60), iv(90, 210), iv(390, 510)];
    expect(subtractIntervals(from, remove)).toEqual([iv(10, 40), iv(60, 90), iv(210, 300)]);
  });

  it("treats spans as half-open: removing [10,20) leaves 20 in", () => {
    expect(subtractIntervals([iv(0, 30)], [iv(10, 20)])).toEqual([iv(0, 10), iv(20, 30)]);
  });

  it("handles unsorted and overlapping cuts", () => {
    expect(subtractIntervals([iv(0, 100)], [iv(50, 70), iv(20, 30), iv(25, 55)])).toEqual([iv(0, 20), iv(70, 100)]);
  });

  it("leaves everything when nothing is removed", () => {
    expect(subtractIntervals([iv(5, 8), iv(1, 3)], [])).toEqual([iv(1, 3), iv(5, 8)]);
  });
});

describe("overlap tests", () => {
  it("touching spans do not overlap, sharing a point does", () => {
    expect(overlaps(iv(0, 10), iv(10, 20))).toBe(false);
    expect(overlaps(iv(0, 10), iv(9, 20))).toBe(true);
    expect(overlaps(iv(5, 6), iv(0, 10))).toBe(true);
  });

  it("an empty span overlaps nothing", () => {
    expect(overlaps(iv(5, 5), iv(0, 10))).toBe(false);
  });
});

describe("interval algebra agrees with point sets", () => {
  const span = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 })).map(([s, l]) => iv(s, s + l));
  const spans = fc.array(span, { maxLength: 6 });
  const covers = (list: readonly { start: number; end: number }[], p: number) => list.some((i) => i.start <= p && p < i.end);
  const points = Array.from({ length: 82 }, (_, i) => i);

  it("merge and subtract match membership of every integer point", () => {
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        const merged = mergeIntervals(a);
        const diff = subtractIntervals(a, b);
        for (const p of points) {
          expect(covers(merged, p)).toBe(covers(a, p));
          expect(covers(diff, p)).toBe(covers(a, p) && !covers(b, p));
        }
        for (const list of [merged, diff]) {
          list.forEach((x, i) => {
            expect(x.start).toBeLessThan(x.end);
            const next = list[i + 1];
            // Sorted and merged: a real gap between neighbours.
            if (next) expect(x.end).toBeLessThan(next.start);
          });
        }
      }),
    );
  });

  it("unionOfSpans, from starts and ends apart, merges as mergeIntervals does", () => {
    fc.assert(
      fc.property(fc.array(span.filter((x) => x.end > x.start), { maxLength: 12 }), (list) => {
        const starts = Float64Array.from(list, (x) => x.start);
        const ends = Float64Array.from(list, (x) => x.end);
        expect(unionOfSpans(starts, ends)).toEqual(mergeIntervals(list));
      }),
    );
    expect(unionOfSpans(new Float64Array([10, 0, 20]), new Float64Array([20, 10, 25]))).toEqual([iv(0, 25)]);
  });
});
