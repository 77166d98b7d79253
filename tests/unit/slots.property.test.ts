import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findSlots, isSlotAvailable, proposeSeries, type Slot } from "../../src/core/slots";
import { slotsOfEachTherapist } from "./fixtures/slots-per-therapist";
import { compileConfig } from "../../src/core/config";
import { SERVICE } from "./fixtures/slots-config";
import { shiftDate, slotCase } from "./fixtures/slots-arbitraries";
import { bookableDays, isClosed, isWorkingMinute, referenceStarts, WallClock } from "./fixtures/slots-reference";
import { offsetText } from "./fixtures/slots-wall-clock";

const RUNS = { numRuns: 100 };
// Generous: fast alone, but the unit project runs many files in parallel.
const TIMEOUT_MS = 120_000;
const FIVE_MINUTES = 5 * 60_000;

const ms = (iso: string) => Date.parse(iso);

function perTherapist(c: { query: Parameters<typeof slotsOfEachTherapist>[0] }) {
  const map = slotsOfEachTherapist(c.query);
  return c.query.config.therapists.filter((t) => map.has(t.id)).map((t) => ({ therapist: t, slots: map.get(t.id) ?? [] }));
}

describe("slot properties", () => {
  it("no slot overlaps a booked session, buffers included on both sides", () => {
    fc.assert(
      fc.property(slotCase, (c) => {
        const { bufferBeforeMinutes: before, bufferAfterMinutes: after } = c.config.booking;
        const gap = (before + after) * 60_000;
        const clashes: string[] = [];
        for (const { therapist, slots } of perTherapist(c)) {
          for (const b of c.query.busy.filter((x) => x.therapistId === therapist.id)) {
            // The gap between two sessions must hold the earlier one's after-buffer and the later one's before-buffer.
            for (const slot of slots) {
              const clear = ms(slot.end) + gap <= ms(b.start) || ms(b.end) + gap <= ms(slot.start);
              if (!clear) clashes.push(`${therapist.id} ${slot.start} vs ${b.start}–${b.end}`);
            }
          }
        }
        expect(clashes).toEqual([]);
      }),
      RUNS,
    );
  }, TIMEOUT_MS);

  it("every minute of every slot is working time on the slot's date, outside breaks and closures", () => {
    fc.assert(
      fc.property(slotCase, (c) => {
        const clock = new WallClock(c.config.timeZone);
        const problems: string[] = [];
        for (const { therapist, slots } of perTherapist(c)) {
          for (const slot of slots) {
            const start = clock.at(ms(slot.start));
            const label = `${therapist.id} ${slot.start}`;
            if (isClosed(c.config, therapist, slot.localDate)) problems.push(`${label}: closed day`);
            if (start.date !== slot.localDate || start.time !== slot.localTime || offsetText(start.offset) !== slot.offset) {
              problems.push(`${label}: labelled ${slot.localDate} ${slot.localTime} ${slot.offset}, clock reads ${start.date} ${start.time} ${offsetText(start.offset)}`);
            }
            if (slot.ambiguous !== clock.isRepeated(ms(slot.start))) problems.push(`${label}: ambiguous=${slot.ambiguous}`);
            for (let t = ms(slot.start); t < ms(slot.end); t += FIVE_MINUTES) {
              const cell = clock.at(t);
              if (cell.date !== slot.localDate || !isWorkingMinute(therapist, cell.date, cell.minutes)) {
                problems.push(`${label}: ${cell.date} ${cell.time} is not working time`);
                break;
              }
            }
          }
        }
        expect(problems).toEqual([]);
      }),
      RUNS,
    );
  }, TIMEOUT_MS);

  it("respects notice in elapsed time, the horizon in days, the range and notBefore", () => {
    fc.assert(
      fc.property(slotCase, (c) => {
        const clock = new WallClock(c.config.timeZone);
        const { first, last } = bookableDays(c.query, clock);
        const earliest = ms(c.query.now) + c.config.booking.minNoticeHours * 3_600_000;
        for (const slot of findSlots(c.query)) {
          expect(ms(slot.start)).toBeGreaterThanOrEqual(earliest);
          expect(slot.localDate >= first && slot.localDate <= last, slot.localDate).toBe(true);
          expect(ms(slot.end) - ms(slot.start)).toBe(c.query.minutes * 60_000);
        }
      }),
      RUNS,
    );
  }, TIMEOUT_MS);

  it("lists are sorted and unique; merged slots name exactly the therapists free then", () => {
    fc.assert(
      fc.property(slotCase, (c) => {
        const lists = perTherapist(c);
        const strictlyIncreasing = (slots: Slot[]) => slots.every((s, i) => i === 0 || ms(slots[i - 1]?.start ?? "") < ms(s.start));
        for (const { slots } of lists) expect(strictlyIncreasing(slots)).toBe(true);
        const merged = findSlots(c.query);
        expect(strictlyIncreasing(merged)).toBe(true);
        const expected = new Map<string, string[]>();
        for (const { therapist, slots } of lists) for (const s of slots) expected.set(s.start, [...(expected.get(s.start) ?? []), therapist.id]);
        expect(new Map(merged.map((s) => [s.start, s.therapistIds]))).toEqual(expected);
      }),
      RUNS,
    );
  }, TIMEOUT_MS);

  it("finds exactly the starts a brute-force walk over the wall clock finds", () => {
    fc.assert(
      fc.property(slotCase, (c) => {
        const clock = new WallClock(c.config.timeZone);
        const map = slotsOfEachTherapist(c.query);
        const eligible = c.config.therapists.filter((t) => t.services.includes(SERVICE));
        expect([...map.keys()]).toEqual(eligible.map((t) => t.id));
        for (const therapist of eligible) {
          const found = (map.get(therapist.id) ?? []).map((s) => ms(s.start));
          expect(found).toEqual(referenceStarts(c.query, therapist, clock));
        }
      }),
      { numRuns: 200 },
    );
  }, TIMEOUT_MS);

  it("isSlotAvailable agrees with the listed slots", () => {
    fc.assert(
      fc.property(slotCase, fc.array(fc.integer({ min: -100, max: 1400 }), { minLength: 5, maxLength: 20 }), (c, probes) => {
        const { from: _from, to: _to, ...check } = c.query;
        const clock = new WallClock(c.config.timeZone);
        const origin = ms(`${c.query.from}T00:00:00Z`);
        for (const { therapist, slots } of perTherapist(c)) {
          const listed = new Set(slots.map((s) => ms(s.start)));
          const near = slots.slice(0, 5).flatMap((s) => [ms(s.start), ms(s.start) + FIVE_MINUTES]);
          for (const at of [...near, ...probes.map((p) => origin + p * FIVE_MINUTES)]) {
            const day = clock.at(at).date;
            // Outside the queried range the list says nothing.
            if (day < c.query.from || day > c.query.to) continue;
            const iso = new Date(at).toISOString();
            expect(isSlotAvailable(check, therapist.id, iso), `${therapist.id} ${iso}`).toBe(listed.has(at));
          }
        }
      }),
      { numRuns: 80 },
    );
  }, TIMEOUT_MS);
});

describe("series properties", () => {
  const seriesCase = fc.record({
    base: slotCase,
    count: fc.integer({ min: 1, max: 6 }),
    intervalDays: fc.integer({ min: 1, max: 10 }),
    pick: fc.nat(),
  });

  it("keeps the wall time, never clashes with itself and offers only free, nearby alternatives", () => {
    fc.assert(
      fc.property(seriesCase, ({ base, count, intervalDays, pick }) => {
        const slots = findSlots({ ...base.query, config: compileConfig({ ...base.config, booking: { ...base.config.booking, horizonDays: 730 } }) });
        const first = slots[pick % Math.max(1, slots.length)];
        if (!first) return;
        const therapistId = first.therapistIds[0] ?? "";
        const q = { ...base.query, therapistId, firstStart: first.start, count, intervalDays };
        const weeks = proposeSeries(q);
        const clock = new WallClock(base.config.timeZone);
        const { bufferBeforeMinutes: before, bufferAfterMinutes: after } = base.config.booking;
        const { from: _from, to: _to, ...check } = { ...base.query, therapistId };
        expect(weeks).toHaveLength(count);
        const taken = weeks.filter((w) => w.available).map((w) => [ms(w.wanted.start) - before * 60_000, ms(w.wanted.end) + after * 60_000] as const);
        taken.forEach(([s, e], i) => taken.slice(i + 1).forEach(([s2, e2]) => expect(e <= s2 || e2 <= s).toBe(true)));
        weeks.forEach((week, i) => {
          expect(week.index).toBe(i);
          expect(week.wanted.localDate).toBe(shiftDate(first.localDate, i * intervalDays));
          const wall = clock.at(ms(week.wanted.start));
          // The same wall time, unless it does not exist that day (spring-forward gap).
          if (wall.time !== first.localTime || wall.date !== week.wanted.localDate) expect(week.available).toBe(false);
          if (week.available) expect(isSlotAvailable(check, therapistId, week.wanted.start)).toBe(true);
          expect(week.alternatives.length).toBeLessThanOrEqual(week.available ? 0 : 3);
          let lastDistance = 0;
          for (const alt of week.alternatives) {
            const distance = Math.abs(ms(alt.start) - ms(week.wanted.start));
            expect(distance).toBeGreaterThanOrEqual(lastDistance);
            lastDistance = distance;
            expect(alt.therapistIds).toEqual([therapistId]);
            const dayGap = Math.abs(Date.parse(alt.localDate) - Date.parse(week.wanted.localDate)) / 86_400_000;
            expect(dayGap).toBeLessThanOrEqual(3);
            expect(isSlotAvailable(check, therapistId, alt.start)).toBe(true);
            for (const [s, e] of taken) expect(ms(alt.end) + after * 60_000 <= s || e <= ms(alt.start) - before * 60_000).toBe(true);
          }
        });
      }),
      { numRuns: 100 },
    );
  }, TIMEOUT_MS);
});
