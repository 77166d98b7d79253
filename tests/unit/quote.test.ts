import { describe, expect, it } from "vitest";
import type { ClinicConfigInput } from "../../src/core/config";
import { quote, type QuoteInput } from "../../src/core/pricing";
import { pricingConfig, sessionSeries } from "./fixtures/pricing-config";

type DealInput = NonNullable<ClinicConfigInput["deals"]>[number];

const NOW = "2026-05-01T15:00:00.000Z"; // May 1, 12:00 in Halifax
const FIRST = "2026-05-04T13:00:00.000Z"; // a Monday, 10:00 in Halifax

const fifthFree: DealInput = { id: "fifth-free", name: { en: "5th session free", fr: "5e séance offerte" }, kind: "every-nth-free", n: 5 };
const percent = (id: string, value: number, extra: Partial<DealInput> = {}): DealInput =>
  ({ id, name: `${value}% off`, kind: "percent-off", percent: value, ...extra }) as DealInput;
const spring10: DealInput = { id: "spring", name: "Spring", kind: "promo-code", code: "SPRING10", discount: { type: "percent", percent: 10 } };
const giftCode = (amount: number, extra: Partial<DealInput> = {}): DealInput =>
  ({ id: "gift", name: "Gift", kind: "promo-code", code: "GIFT", discount: { type: "fixed", amount }, ...extra }) as DealInput;

function quoteWith(deals: DealInput[], input: Partial<Omit<QuoteInput, "config">> & { timeZone?: string; currency?: string } = {}) {
  const { timeZone, currency, ...rest } = input;
  return quote({
    config: pricingConfig({ deals, ...(timeZone ? { timeZone } : {}), ...(currency ? { currency } : {}) }),
    sessions: sessionSeries(FIRST, 3),
    isNewClient: false,
    now: NOW,
    ...rest,
  });
}

const prices = (q: ReturnType<typeof quote>) => q.lines.map((line) => line.price);
const discounts = (q: ReturnType<typeof quote>) => q.lines.map((line) => line.discount);

describe("quote without deals", () => {
  it("itemises every session at list price", () => {
    const q = quoteWith([], {
      sessions: [
        { serviceId: "clinical", minutes: 60, start: FIRST },
        { serviceId: "sports", minutes: 60, start: "2026-05-11T13:00:00.000Z" },
      ],
    });
    expect(q).toEqual({
      currency: "CAD",
      lines: [
        { index: 0, serviceId: "clinical", minutes: 60, start: FIRST, listPrice: 8250, discount: 0, price: 8250, dealId: null },
        { index: 1, serviceId: "sports", minutes: 60, start: "2026-05-11T13:00:00.000Z", listPrice: 9000, discount: 0, price: 9000, dealId: null },
      ],
      listTotal: 17250,
      discountTotal: 0,
      total: 17250,
      deal: null,
      promo: "none",
    });
  });

  it("prices an empty booking at zero", () => {
    const q = quoteWith([fifthFree], { sessions: [] });
    expect([q.lines, q.listTotal, q.discountTotal, q.total, q.deal]).toEqual([[], 0, 0, 0, null]);
  });

  it("lists sessions chronologically and keeps their input position", () => {
    const q = quoteWith([], { sessions: sessionSeries(FIRST, 3).reverse() });
    expect(q.lines.map((line) => [line.index, line.start])).toEqual([
      [2, "2026-05-04T13:00:00.000Z"],
      [1, "2026-05-11T13:00:00.000Z"],
      [0, "2026-05-18T13:00:00.000Z"],
    ]);
  });

  it("uses the currency of the config", () => {
    const q = quoteWith([percent("fifteen", 15)], { currency: "JPY", sessions: sessionSeries(FIRST, 1) });
    expect([q.currency, q.total, q.discountTotal]).toEqual(["JPY", 7012, 1238]);
  });
});

describe("quote with deals", () => {
  it("orders sessions at the same instant by what they are, not by their input position", () => {
    const everySecondFree: DealInput = { id: "second-free", name: "2nd free", kind: "every-nth-free", n: 2, maxGapDays: 1 };
    const short = { serviceId: "clinical", minutes: 30, start: FIRST };
    const long = { serviceId: "clinical", minutes: 60, start: FIRST };
    const given = quoteWith([everySecondFree], { sessions: [short, long] });
    const reversed = quoteWith([everySecondFree], { sessions: [long, short] });
    expect(reversed.total).toBe(given.total);
    expect(given.lines.map((line) => [line.minutes, line.price])).toEqual([
      [30, 6000],
      [60, 0],
    ]);
    expect(reversed.lines.map((line) => [line.minutes, line.price])).toEqual([
      [30, 6000],
      [60, 0],
    ]);
  });

  it("applies every-nth-free to 5 weekly sessions", () => {
    const q = quoteWith([fifthFree], { sessions: sessionSeries(FIRST, 5) });
    expect(prices(q)).toEqual([8250, 8250, 8250, 8250, 0]);
    expect(q.lines.map((line) => line.dealId)).toEqual([null, null, null, null, "fifth-free"]);
    expect([q.listTotal, q.discountTotal, q.total]).toEqual([41250, 8250, 33000]);
    expect(q.deal).toEqual({ id: "fifth-free", kind: "every-nth-free", name: { en: "5th session free", fr: "5e séance offerte" } });
  });

  it("picks the deal with the lowest total instead of stacking", () => {
    // 15% of 5 × 8,250 is 5 × 1,238 = 6,190; the free 5th session saves 8,250.
    const q = quoteWith([percent("fifteen", 15), fifthFree], { sessions: sessionSeries(FIRST, 5) });
    expect(q.deal?.id).toBe("fifth-free");
    expect(q.total).toBe(33000);
    expect(discounts(q)).toEqual([0, 0, 0, 0, 8250]);
  });

  it("falls back to a smaller deal when the bigger one does not reach its nth session", () => {
    const q = quoteWith([fifthFree, percent("ten", 10)], { sessions: sessionSeries(FIRST, 4) });
    expect(q.deal?.id).toBe("ten");
    expect([q.discountTotal, q.total]).toEqual([3300, 29700]);
  });

  it("breaks a tie with the deal listed first", () => {
    // 20% of 5 × 8,250 saves 5 × 1,650 = 8,250, exactly one free session.
    const sessions = sessionSeries(FIRST, 5);
    const percentFirst = quoteWith([percent("twenty", 20), fifthFree], { sessions });
    expect(percentFirst.deal?.id).toBe("twenty");
    expect(prices(percentFirst)).toEqual([6600, 6600, 6600, 6600, 6600]);
    const freeFirst = quoteWith([fifthFree, percent("twenty", 20)], { sessions });
    expect(freeFirst.deal?.id).toBe("fifth-free");
    expect(prices(freeFirst)).toEqual([8250, 8250, 8250, 8250, 0]);
    expect(percentFirst.total).toBe(33000);
    expect(freeFirst.total).toBe(33000);
  });

  it("applies new-client deals only to new clients", () => {
    const deals = [percent("welcome", 20, { newClientsOnly: true })];
    expect(quoteWith(deals, { isNewClient: false })).toMatchObject({ deal: null, total: 24750 });
    expect(quoteWith(deals, { isNewClient: true })).toMatchObject({ deal: { id: "welcome" }, total: 19800 });
  });

  it("judges validity at the moment of booking, not on the session dates", () => {
    const endsApril = [percent("april", 10, { validUntil: "2026-04-30" })];
    const juneSessions = sessionSeries("2026-06-01T13:00:00.000Z", 3);
    const lastEvening = quoteWith(endsApril, { sessions: juneSessions, now: "2026-05-01T02:59:59.000Z" });
    expect([lastEvening.deal?.id, lastEvening.total]).toEqual(["april", 22275]);
    const nextMidnight = quoteWith(endsApril, { sessions: juneSessions, now: "2026-05-01T03:00:00.000Z" });
    expect([nextMidnight.deal, nextMidnight.total]).toEqual([null, 24750]);

    const startsJune = [percent("june", 10, { validFrom: "2026-06-01" })];
    expect(quoteWith(startsJune, { sessions: juneSessions }).deal).toBeNull();
  });
});

describe("promo codes", () => {
  it("ignores promo deals when no code is entered", () => {
    expect(quoteWith([spring10])).toMatchObject({ deal: null, total: 24750, promo: "none" });
    expect(quoteWith([spring10], { promoCode: "   " })).toMatchObject({ deal: null, promo: "none" });
  });

  it("matches codes trimmed and case-insensitively", () => {
    for (const promoCode of ["SPRING10", "spring10", "  SpRiNg10 "]) {
      const q = quoteWith([spring10], { promoCode });
      expect([q.promo, q.deal?.id, q.total]).toEqual(["applied", "spring", 22275]);
    }
  });

  it("reports an unknown or expired code", () => {
    expect(quoteWith([spring10], { promoCode: "SPRING20" })).toMatchObject({ promo: "unknown", deal: null });
    const expired = { ...spring10, validUntil: "2026-04-30" } as DealInput;
    expect(quoteWith([expired], { promoCode: "SPRING10" })).toMatchObject({ promo: "unknown", deal: null });
  });

  it("reports a code that cannot apply to this booking", () => {
    const sportsOnly = { ...spring10, appliesTo: { services: ["sports"] } } as DealInput;
    expect(quoteWith([sportsOnly], { promoCode: "spring10" })).toMatchObject({ promo: "not-applicable", total: 24750 });
    const newOnly = { ...spring10, newClientsOnly: true } as DealInput;
    expect(quoteWith([newOnly], { promoCode: "spring10" })).toMatchObject({ promo: "not-applicable", deal: null });
    expect(quoteWith([newOnly], { promoCode: "spring10", isNewClient: true })).toMatchObject({ promo: "applied" });
  });

  it("reports a code beaten by another deal, ties included", () => {
    const sessions = sessionSeries(FIRST, 5);
    const beaten = quoteWith([fifthFree, spring10], { sessions, promoCode: "spring10" });
    expect([beaten.promo, beaten.deal?.id, beaten.total]).toEqual(["not-best", "fifth-free", 33000]);
    const tiedCode = { ...spring10, discount: { type: "percent", percent: 20 } } as DealInput;
    const tied = quoteWith([fifthFree, tiedCode], { sessions, promoCode: "spring10" });
    expect([tied.promo, tied.deal?.id]).toEqual(["not-best", "fifth-free"]);
  });

  it("spends a fixed code once over the booking, earliest session first", () => {
    const q = quoteWith([giftCode(10000)], { promoCode: "gift", sessions: sessionSeries(FIRST, 3).reverse() });
    expect(q.lines.map((line) => [line.index, line.discount, line.price, line.dealId])).toEqual([
      [2, 8250, 0, "gift"],
      [1, 1750, 6500, "gift"],
      [0, 0, 8250, null],
    ]);
    expect([q.discountTotal, q.total, q.promo]).toEqual([10000, 14750, "applied"]);
  });

  it("brings the total to 0, never below, when a fixed code exceeds it", () => {
    const q = quoteWith([giftCode(100000)], { promoCode: "GIFT", sessions: sessionSeries(FIRST, 2) });
    expect(prices(q)).toEqual([0, 0]);
    expect([q.listTotal, q.discountTotal, q.total]).toEqual([16500, 16500, 0]);
  });
});

describe("invalid input (callers validate first)", () => {
  it("throws on an unknown service or duration", () => {
    expect(() => quoteWith([], { sessions: [{ serviceId: "reiki", minutes: 60, start: FIRST }] })).toThrow('unknown service "reiki"');
    expect(() => quoteWith([], { sessions: [{ serviceId: "sports", minutes: 90, start: FIRST }] })).toThrow(
      'service "sports" has no 90-minute option',
    );
  });

  it("throws on a start that is not an ISO instant", () => {
    expect(() => quoteWith([], { sessions: [{ serviceId: "sports", minutes: 60, start: "next monday" }] })).toThrow(
      /expected an ISO 8601 instant/,
    );
  });
});

describe("percent-off limited to the first session", () => {
  it("discounts only the earliest eligible session, whatever the input order", () => {
    const firstVisit = percent("first-visit", 20, { newClientsOnly: true, firstSessionOnly: true } as Partial<DealInput>);
    const [a, b, c] = sessionSeries(FIRST, 3);
    const q = quoteWith([firstVisit], { isNewClient: true, sessions: [c!, a!, b!] });
    const list = q.lines[0]!.listPrice;
    expect(discounts(q)).toEqual([Math.round(list * 0.2), 0, 0]);
    expect(q.lines[0]!.start).toBe(a!.start);
    expect(q.total).toBe(q.listTotal - Math.round(list * 0.2));
  });

  it("discounts every session when the flag is off", () => {
    const q = quoteWith([percent("all", 20)], { isNewClient: true });
    expect(discounts(q).every((d) => d > 0)).toBe(true);
  });
});
