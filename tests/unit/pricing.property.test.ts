import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileConfig, type ClinicConfig, type ClinicConfigInput } from "../../src/core/config";
import { percentOf, quote, type Quote, type SessionInput } from "../../src/core/pricing";
import { pricingConfig } from "./fixtures/pricing-config";

type DealInput = NonNullable<ClinicConfigInput["deals"]>[number];

const NOW = "2026-05-15T15:00:00.000Z";
const OPTIONS = [
  { serviceId: "clinical", minutes: 30 },
  { serviceId: "clinical", minutes: 60 },
  { serviceId: "clinical", minutes: 90 },
  { serviceId: "sports", minutes: 60 },
] as const;
const FIRST_MS = Date.parse("2026-05-18T12:00:00.000Z");
/** Promo deal i gets code CODEi: the schema forbids two deals sharing a code. */
const codeOf = (i: number) => `CODE${i}`;
const ENTERED_CODES = ["CODE0", "code1", "  Code2 ", "CODE3", "code4", "NOPE"] as const;

const DURATIONS_OF: Record<string, number[]> = { clinical: [30, 60, 90], sports: [60] };

/** A scope the schema accepts: its durations must be sold by the services it names. */
const scopeArb = fc
  .option(fc.subarray(["clinical", "sports"], { minLength: 1 }), { nil: undefined })
  .chain((services) => {
    const offered = [...new Set((services ?? ["clinical", "sports"]).flatMap((id) => DURATIONS_OF[id] ?? []))];
    return fc.option(fc.subarray(offered, { minLength: 1 }), { nil: undefined }).map((durations) => ({
      ...(services ? { services } : {}),
      ...(durations ? { durations } : {}),
    }));
  });

// Some windows include NOW, some end before it, some start after it.
const windowArb = fc.constantFrom(
  {},
  { validUntil: "2026-05-15" },
  { validUntil: "2026-05-14" },
  { validFrom: "2026-05-15" },
  { validFrom: "2026-05-16" },
);

const dealArb = fc.oneof(
  fc.record({ n: fc.integer({ min: 2, max: 6 }), maxGapDays: fc.integer({ min: 1, max: 21 }) }).map((d) => ({ kind: "every-nth-free" as const, ...d })),
  fc.integer({ min: 1, max: 100 }).map((p) => ({ kind: "percent-off" as const, percent: p })),
  fc
    .oneof(
      fc.integer({ min: 1, max: 100 }).map((p) => ({ type: "percent" as const, percent: p })),
      fc.integer({ min: 0, max: 60000 }).map((a) => ({ type: "fixed" as const, amount: a })),
    )
    .map((discount) => ({ kind: "promo-code" as const, discount })),
);

const configArb = fc
  .array(fc.tuple(dealArb, scopeArb, windowArb, fc.boolean()), { maxLength: 5 })
  .map((deals) =>
    pricingConfig({
      deals: deals.map(
        ([deal, appliesTo, window, newClientsOnly], i) =>
          ({
            ...deal,
            ...(deal.kind === "promo-code" ? { code: codeOf(i) } : {}),
            ...window,
            id: `deal-${i}`,
            name: `Deal ${i}`,
            appliesTo,
            newClientsOnly,
          }) as DealInput,
      ),
    }),
  );

/** Starts within ~4 months, on a 30-minute grid so identical starts and same-day sessions happen. */
const startArb = fc.integer({ min: 0, max: 120 * 48 }).map((halfHours) => new Date(FIRST_MS + halfHours * 1_800_000).toISOString());
const sessionArb = fc.record({ option: fc.constantFrom(...OPTIONS), start: startArb }).map(({ option, start }) => ({ ...option, start }));

const bookingArb = fc.record({
  config: configArb,
  sessions: fc.array(sessionArb, { maxLength: 12 }),
  isNewClient: fc.boolean(),
  promoCode: fc.option(fc.constantFrom(...ENTERED_CODES), { nil: undefined }),
});

const onlyDeal = (config: ClinicConfig, index: number): ClinicConfig => compileConfig({ ...config, deals: config.deals.slice(index, index + 1) });

describe("percentOf", () => {
  it("equals exact decimal rounding half away from zero", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 100 }), (amount, percent) => {
        const product = BigInt(amount) * BigInt(percent);
        const magnitude = product < 0n ? -product : product;
        const rounded = (magnitude * 2n + 100n) / 200n;
        const expected = product < 0n ? -rounded : rounded;
        expect(BigInt(percentOf(amount, percent))).toBe(expected);
      }),
    );
  });

  it("never exceeds the amount for non-negative amounts", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 0, max: 100 }), (amount, percent) => {
        const result = percentOf(amount, percent);
        expect(result).toBeGreaterThanOrEqual(0);
        expect(result).toBeLessThanOrEqual(amount);
      }),
    );
  });
});

describe("quote", () => {
  it("totals the session prices, each an integer between 0 and its list price", () => {
    fc.assert(
      fc.property(bookingArb, (booking) => {
        const q = quote({ ...booking, now: NOW });
        const sum = (pick: (line: Quote["lines"][number]) => number) => q.lines.reduce((t, line) => t + pick(line), 0);
        expect(q.total).toBe(sum((line) => line.price));
        expect(q.listTotal).toBe(sum((line) => line.listPrice));
        expect(q.discountTotal).toBe(q.listTotal - q.total);
        expect(q.total).toBeGreaterThanOrEqual(0);
        for (const line of q.lines) {
          expect(Number.isSafeInteger(line.price) && Number.isSafeInteger(line.discount)).toBe(true);
          expect(line.discount).toBeGreaterThanOrEqual(0);
          expect(line.price).toBe(line.listPrice - line.discount);
          expect(line.price).toBeLessThanOrEqual(line.listPrice);
          expect(line.price).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("applies one deal: the cheapest of the deals priced one at a time, the first listed on a tie", () => {
    fc.assert(
      fc.property(bookingArb, (booking) => {
        const q = quote({ ...booking, now: NOW });
        const alone = booking.config.deals.map((_, i) => quote({ ...booking, config: onlyDeal(booking.config, i), now: NOW }));
        const lowest = Math.min(q.listTotal, ...alone.map((a) => a.total));
        expect(q.total).toBe(lowest);

        for (const line of q.lines) expect(line.dealId).toBe(line.discount > 0 ? (q.deal?.id ?? "no deal") : null);
        if (q.deal === null) {
          expect(q.discountTotal).toBe(0);
          return;
        }
        const firstCheapest = alone.findIndex((a) => a.total === lowest && a.deal !== null);
        expect(q.deal.id).toBe(booking.config.deals[firstCheapest]?.id);
        expect(q.lines).toEqual(alone[firstCheapest]?.lines);
      }),
    );
  });

  it("does not depend on the order the sessions are given in", () => {
    const shuffledArb = bookingArb.chain((booking) =>
      fc.shuffledSubarray(booking.sessions, { minLength: booking.sessions.length }).map((shuffled) => ({ booking, shuffled })),
    );
    fc.assert(
      fc.property(shuffledArb, ({ booking, shuffled }) => {
        const original = quote({ ...booking, now: NOW });
        const reordered = quote({ ...booking, sessions: shuffled, now: NOW });
        expect(reordered.total).toBe(original.total);
        expect(reordered.deal).toEqual(original.deal);
        expect(reordered.promo).toBe(original.promo);
        expect(reordered.lines.map((l) => l.start)).toEqual(original.lines.map((l) => l.start));
      }),
    );
  });

  it("lists lines in chronological order", () => {
    fc.assert(
      fc.property(bookingArb, (booking) => {
        const starts = quote({ ...booking, now: NOW }).lines.map((line) => Date.parse(line.start));
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      }),
    );
  });

  // With one service and length (what a real booking holds) every session costs the
  // same and each deal covers all or none of them, so one more session adds at most
  // one free session, keeps each percent and raises a fixed code's reach.
  it("never lowers the total or the savings when a session of the same kind is added", () => {
    const singleKindArb = fc.record({
      config: configArb,
      option: fc.constantFrom(...OPTIONS),
      starts: fc.array(startArb, { maxLength: 10 }),
      extra: startArb,
      isNewClient: fc.boolean(),
      promoCode: fc.option(fc.constantFrom(...ENTERED_CODES), { nil: undefined }),
    });
    fc.assert(
      fc.property(singleKindArb, ({ config, option, starts, extra, isNewClient, promoCode }) => {
        const sessions: SessionInput[] = starts.map((start) => ({ ...option, start }));
        const base = { config, isNewClient, promoCode, now: NOW };
        const before = quote({ ...base, sessions });
        const after = quote({ ...base, sessions: [...sessions, { ...option, start: extra }] });
        expect(after.total).toBeGreaterThanOrEqual(before.total);
        expect(after.discountTotal).toBeGreaterThanOrEqual(before.discountTotal);
      }),
    );
  });

  it("takes exactly min(amount, eligible list total) off with a lone fixed code", () => {
    const fixedArb = fc.record({
      amount: fc.integer({ min: 0, max: 80000 }),
      appliesTo: scopeArb,
      sessions: fc.array(sessionArb, { maxLength: 12 }),
    });
    fc.assert(
      fc.property(fixedArb, ({ amount, appliesTo, sessions }) => {
        const config = pricingConfig({
          deals: [{ id: "gift", name: "Gift", kind: "promo-code", code: "GIFT", discount: { type: "fixed", amount }, appliesTo }],
        });
        const q = quote({ config, sessions, isNewClient: false, promoCode: "gift", now: NOW });
        const eligibleTotal = q.lines
          .filter((line) => (appliesTo.services ?? [line.serviceId]).includes(line.serviceId) && (appliesTo.durations ?? [line.minutes]).includes(line.minutes))
          .reduce((t, line) => t + line.listPrice, 0);
        expect(q.discountTotal).toBe(Math.min(amount, eligibleTotal));
      }),
    );
  });
});
