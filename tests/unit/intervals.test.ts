import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  containedInAny,
  intersectIntervals,
  mergeIntervals,
  overlaps,
  overlapsAny,
  subtractIntervals,
  widenInterval,
} from "../../src/core/time/intervals";

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

describe("intersectIntervals", () => {
  it("keeps only the common parts", () => {
    expect(intersectIntervals([iv(0, 10), iv(20, 30)], [iv(5, 25), iv(28, 40)])).toEqual([iv(5, 10), iv(20, 25), iv(28, 30)]);
  });

  it("finds nothing in spans that only touch", () => {
    expect(intersectIntervals([iv(0, 10)], [iv(10, 20)])).toEqual([]);
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

  it("overlapsAny finds the one span that matters by binary search", () => {
    const list = [iv(0, 10), iv(20, 30), iv(40, 50), iv(60, 70)];
    expect(overlapsAny(list, iv(30, 40))).toBe(false);
    expect(overlapsAny(list, iv(29, 31))).toBe(true);
    expect(overlapsAny(list, iv(45, 46))).toBe(true);
    expect(overlapsAny(list, iv(70, 100))).toBe(false);
    expect(overlapsAny(list, iv(-5, 0))).toBe(false);
    expect(overlapsAny([], iv(0, 1))).toBe(false);
  });

  it("containedInAny needs the whole probe inside one span", () => {
    const list = [iv(0, 10), iv(10, 20), iv(40, 50)];
    expect(containedInAny(list, iv(2, 10))).toBe(true);
    expect(containedInAny(list, iv(40, 50))).toBe(true);
    // Touching spans of an unmerged list are still two spans.
    expect(containedInAny(list, iv(5, 15))).toBe(false);
    expect(containedInAny(list, iv(35, 45))).toBe(false);
    expect(containedInAny(list, iv(45, 51))).toBe(false);
  });

  it("widenInterval pads both sides", () => {
    expect(widenInterval(iv(100, 200), 10, 15)).toEqual(iv(90, 215));
  });
});

describe("interval algebra agrees with point sets", () => {
  const span = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 })).map(([s, l]) => iv(s, s + l));
  const spans = fc.array(span, { maxLength: 6 });
  const covers = (list: readonly { start: number; end: number }[], p: number) => list.some((i) => i.start <= p && p < i.end);
  const points = Array.from({ length: 82 }, (_, i) => i);

  it("merge, subtract and intersect match membership of every integer point", () => {
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        const merged = mergeIntervals(a);
        const diff = subtractIntervals(a, b);
        const common = intersectIntervals(a, b);
        for (const p of points) {
          expect(covers(merged, p)).toBe(covers(a, p));
          expect(covers(diff, p)).toBe(covers(a, p) && !covers(b, p));
          expect(covers(common, p)).toBe(covers(a, p) && covers(b, p));
        }
        for (const list of [merged, diff, common]) {
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

  it("overlapsAny matches a linear scan", () => {
    fc.assert(
      fc.property(spans, span, (a, probe) => {
        const merged = mergeIntervals(a);
        expect(overlapsAny(merged, probe)).toBe(merged.some((x) => overlaps(x, probe)));
      }),
    );
  });
});
