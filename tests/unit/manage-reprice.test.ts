import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClinicConfigInput } from "../../src/core/config";
import { repriceAfterMoves, type ManagedBookingState } from "../../src/core/manage";
import { quote } from "../../src/core/pricing";
import { pricingConfig, sessionSeries } from "./fixtures/pricing-config";

type DealInput = NonNullable<ClinicConfigInput["deals"]>[number];

const CREATED = "2026-05-15T15:00:00.000Z";
const FIRST_MS = Date.parse("2026-05-18T12:00:00.000Z");

/** A booking as stored: priced by the quote it was made with. */
function storedBooking(config: ReturnType<typeof pricingConfig>, starts: string[], options: { isNewClient?: boolean; promoCode?: string | null; cancelled?: number[] } = {}): ManagedBookingState {
  const made = quote({
    config,
    sessions: starts.map((start) => ({ serviceId: "clinical", minutes: 60, start })),
    isNewClient: options.isNewClient ?? false,
    ...(options.promoCode ? { promoCode: options.promoCode } : {}),
    now: CREATED,
  });
  const lineOf = (index: number) => made.lines.find((line) => line.index === index);
  return {
    serviceId: "clinical",
    minutes: 60,
    isNewClient: options.isNewClient ?? false,
    promoCode: options.promoCode ?? null,
    createdAt: CREATED,
    sessions: starts.map((start, index) => ({
      index,
      therapistId: "ana",
      start,
      end: new Date(Date.parse(start) + 3_600_000).toISOString(),
      status: options.cancelled?.includes(index) ? "cancelled" : "booked",
      listPrice: lineOf(index)?.listPrice ?? 0,
      discount: lineOf(index)?.discount ?? 0,
      price: lineOf(index)?.price ?? 0,
      dealId: lineOf(index)?.dealId ?? null,
    })),
  };
}

const thirdFree: DealInput = { id: "third-free", name: { en: "Third one free", fr: "La troisième offerte" }, kind: "every-nth-free", n: 3, maxGapDays: 14 };

describe("repriceAfterMoves", () => {
  it("says the deal is lost when a move spreads a series past its gap", () => {
    const config = pricingConfig({ deals: [thirdFree] });
    const booking = storedBooking(config, sessionSeries("2026-05-18T12:00:00.000Z", 3).map((s) => s.start));
    const farAway = new Date(FIRST_MS + 40 * 86_400_000).toISOString();

    const repriced = repriceAfterMoves(config, booking, [{ index: 2, start: farAway }]);

    expect(repriced.before).toEqual({ total: 2 * 8250, deal: { id: "third-free", name: thirdFree.name } });
    expect(repriced.after.total).toBe(3 * 8250);
    expect(repriced.after.deal).toBeNull();
    expect(repriced.changed).toBe(true);
    expect(repriced.after.lines.map((line) => line.index).sort()).toEqual([0, 1, 2]);
  });

  it("reports no change when the move keeps the same price", () => {
    const config = pricingConfig({ deals: [thirdFree] });
    const booking = storedBooking(config, sessionSeries("2026-05-18T12:00:00.000Z", 3).map((s) => s.start));
    const repriced = repriceAfterMoves(config, booking, [{ index: 1, start: new Date(FIRST_MS + 8 * 86_400_000).toISOString() }]);
    expect(repriced.changed).toBe(false);
    expect(repriced.after.total).toBe(repriced.before.total);
  });

  it("quotes only the booked sessions: a cancelled one is neither priced nor counted for a deal", () => {
    const config = pricingConfig({ deals: [thirdFree] });
    const booking = storedBooking(config, sessionSeries("2026-05-18T12:00:00.000Z", 3).map((s) => s.start), { cancelled: [0] });
    const repriced = repriceAfterMoves(config, booking, [{ index: 1, start: new Date(FIRST_MS + 8 * 86_400_000).toISOString() }]);
    expect(repriced.after.lines.map((line) => line.index).sort()).toEqual([1, 2]);
    expect(repriced.after.total).toBe(2 * 8250);
  });

  it("judges deals at the booking's creation, not at the time of the move", () => {
    const config = pricingConfig({ deals: [{ ...thirdFree, validUntil: "2026-05-15" }] });
    const booking = storedBooking(config, sessionSeries("2026-05-18T12:00:00.000Z", 3).map((s) => s.start));
    const repriced = repriceAfterMoves(config, booking, [{ index: 1, start: new Date(FIRST_MS + 8 * 86_400_000).toISOString() }]);
    expect(repriced.after.deal?.id).toBe("third-free");
  });
});

const dealArb = fc.oneof(
  fc.record({ n: fc.integer({ min: 2, max: 5 }), maxGapDays: fc.integer({ min: 1, max: 21 }) }).map((d) => ({ kind: "every-nth-free" as const, ...d })),
  fc.integer({ min: 1, max: 100 }).map((percent) => ({ kind: "percent-off" as const, percent })),
  fc.integer({ min: 1, max: 100 }).map((percent) => ({ kind: "promo-code" as const, discount: { type: "percent" as const, percent } })),
);
const configArb = fc.array(fc.tuple(dealArb, fc.boolean()), { maxLength: 4 }).map((deals) =>
  pricingConfig({
    deals: deals.map(
      ([deal, newClientsOnly], i) => ({ ...deal, ...(deal.kind === "promo-code" ? { code: `CODE${i}` } : {}), id: `deal-${i}`, name: `Deal ${i}`, newClientsOnly }) as DealInput,
    ),
  }),
);
const startArb = fc.integer({ min: 0, max: 90 * 24 }).map((hours) => new Date(FIRST_MS + hours * 3_600_000).toISOString());

describe("rescheduling a series (property)", () => {
  it("never stacks deals and always equals a fresh quote of the same sessions", () => {
    fc.assert(
      fc.property(
        configArb,
        fc.array(startArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(7), startArb), { maxLength: 8 }),
        fc.boolean(),
        fc.option(fc.constantFrom("CODE0", "CODE1", "code2"), { nil: null }),
        (config, starts, rawMoves, isNewClient, promoCode) => {
          const booking = storedBooking(config, starts, { isNewClient, promoCode });
          const moves = [...new Map(rawMoves.filter(([i]) => i < starts.length).map(([index, start]) => [index, { index, start }])).values()];

          const repriced = repriceAfterMoves(config, booking, moves);

          const dealsUsed = new Set(repriced.quote.lines.map((line) => line.dealId).filter((id) => id !== null));
          expect(dealsUsed.size).toBeLessThanOrEqual(1);
          if (dealsUsed.size === 1) expect([...dealsUsed][0]).toBe(repriced.after.deal?.id);
          const movedStarts = starts.map((start, index) => moves.find((m) => m.index === index)?.start ?? start);
          const fresh = quote({
            config,
            sessions: movedStarts.map((start) => ({ serviceId: "clinical", minutes: 60, start })),
            isNewClient,
            ...(promoCode ? { promoCode } : {}),
            now: CREATED,
          });
          expect(repriced.after.total).toBe(fresh.total);
          expect(repriced.after.deal?.id ?? null).toBe(fresh.deal?.id ?? null);
          expect(repriced.after.lines.reduce((sum, line) => sum + line.price, 0)).toBe(repriced.after.total);
        },
      ),
    );
  });
});
