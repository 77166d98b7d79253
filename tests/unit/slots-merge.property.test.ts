import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileConfig, type ClinicConfig } from "../../src/core/config";
import { findSlots, isSlotAvailable, type BusyInterval } from "../../src/core/slots";
import { slotCase, type SlotCase } from "./fixtures/slots-arbitraries";
import { mergeOfEachTherapist } from "./fixtures/slots-per-therapist";

// Generous: fast alone, but the unit project runs many files in parallel.
const TIMEOUT_MS = 120_000;
const FIVE_MINUTES = 5 * 60_000;

/** Every therapist given the first one's hours and breaks, so they all step on one grid. */
function sharingHours(c: SlotCase): SlotCase {
  const [first] = c.config.therapists;
  if (!first) return c;
  const config = compileConfig({ ...c.config, therapists: c.config.therapists.map((t) => ({ ...t, hours: first.hours, breaks: first.breaks })) });
  return { config, query: { ...c.query, config } };
}

/** Each therapist cloned `copies` times, the clone's sessions moved by a few steps of five minutes. */
function crowded(c: SlotCase, copies: number, shifts: number[]): SlotCase {
  const clones = c.config.therapists.flatMap((t) => Array.from({ length: copies }, (_, k) => ({ ...t, id: `${t.id}-${k}`, name: `${t.name} ${k}` })));
  const busy: BusyInterval[] = [...c.query.busy];
  for (const session of c.query.busy) {
    for (let k = 0; k < copies; k++) {
      const shift = (shifts[k % shifts.length] ?? 0) * FIVE_MINUTES;
      const moved = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
      busy.push({ therapistId: `${session.therapistId}-${k}`, start: moved(session.start), end: moved(session.end) });
    }
  }
  // Interleaved, so config order and id order differ.
  const therapists = c.config.therapists.flatMap((t) => [clones.find((x) => x.id === `${t.id}-0`), t]).filter((t) => t !== undefined);
  const config: ClinicConfig = compileConfig({ ...c.config, therapists: [...therapists, ...clones.filter((x) => !therapists.includes(x))] });
  return { config, query: { ...c.query, config, busy } };
}

const crowdedCase = fc
  .tuple(slotCase, fc.boolean(), fc.integer({ min: 1, max: 4 }), fc.array(fc.integer({ min: -12, max: 12 }), { minLength: 1, maxLength: 4 }))
  .map(([c, shared, copies, shifts]) => crowded(shared ? sharingHours(c) : c, copies, shifts));

describe("findSlots across therapists", () => {
  it("equals the merge of each therapist's own slots on random clinics, DST days included", () => {
    fc.assert(
      fc.property(slotCase, (c) => {
        expect(findSlots(c.query)).toEqual(mergeOfEachTherapist(c.query));
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT_MS);

  it("equals it when the therapists share hours, and with many therapists", () => {
    fc.assert(
      fc.property(fc.oneof(slotCase.map(sharingHours), crowdedCase), (c) => {
        expect(findSlots(c.query)).toEqual(mergeOfEachTherapist(c.query));
      }),
      { numRuns: 200 },
    );
  }, TIMEOUT_MS);

  it("a one-start check says yes exactly for the therapists the merged list names", () => {
    fc.assert(
      fc.property(crowdedCase, fc.nat(), (c, pick) => {
        const slots = findSlots(c.query);
        const { from: _from, to: _to, ...check } = c.query;
        const eligible = c.config.therapists.filter((t) => t.services.includes(c.query.serviceId));
        // A few slots spread over the range, and a start between grid points.
        const sample = [0, 1, 2, 3].map((k) => slots[(pick + Math.floor((k * slots.length) / 4)) % Math.max(1, slots.length)]);
        for (const slot of sample) {
          if (!slot) continue;
          for (const therapist of eligible) {
            expect(isSlotAvailable(check, therapist.id, slot.start), `${therapist.id} ${slot.start}`).toBe(slot.therapistIds.includes(therapist.id));
            const between = new Date(Date.parse(slot.start) + 60_000).toISOString();
            expect(isSlotAvailable(check, therapist.id, between)).toBe(false);
          }
        }
      }),
      { numRuns: 150 },
    );
  }, TIMEOUT_MS);
});
