import { describe, expect, it } from "vitest";
import type { ClinicConfigInput, Deal } from "../../src/core/config";
import {
  everyNthFreeDiscounts,
  percentOffDiscounts,
  promoCodeDiscounts,
  type ListedSession,
} from "../../src/core/pricing/deals";
import { isDealActive, visibleDeals } from "../../src/core/pricing";
import { pricingConfig, sessionSeries } from "./fixtures/pricing-config";

type DealInput = NonNullable<ClinicConfigInput["deals"]>[number];

const PRICES: Record<string, number> = { "clinical-30": 6000, "clinical-60": 8250, "clinical-90": 11500, "sports-60": 9000 };

function listed(sessions: { serviceId: string; minutes: number; start: string }[]): ListedSession[] {
  return sessions.map((s) => ({ ...s, listPrice: PRICES[`${s.serviceId}-${s.minutes}`] ?? Number.NaN }));
}

/** Parses one deal through the real schema, so its defaults are the ones a clinic gets. */
function parsedDeal<K extends Deal["kind"]>(input: DealInput & { kind: K }, timeZone?: string): Extract<Deal, { kind: K }> {
  const deal = pricingConfig({ deals: [input], ...(timeZone ? { timeZone } : {}) }).deals[0];
  if (deal?.kind !== input.kind) throw new Error("fixture deal did not parse");
  return deal as Extract<Deal, { kind: K }>;
}

const ZONE = "America/Halifax";
const nthFree = (extra: Partial<{ n: number; maxGapDays: number; appliesTo: { services?: string[]; durations?: number[] } }> = {}) =>
  parsedDeal({ id: "fifth-free", name: "5th free", kind: "every-nth-free", n: 5, ...extra });

describe("everyNthFreeDiscounts", () => {
  it("makes the 5th of 5 weekly sessions free", () => {
    const sessions = listed(sessionSeries("2026-05-04T13:00:00.000Z", 5));
    expect(everyNthFreeDiscounts(nthFree(), sessions, ZONE)).toEqual([0, 0, 0, 0, 8250]);
  });

  it("gives nothing for 4 sessions", () => {
    const sessions = listed(sessionSeries("2026-05-04T13:00:00.000Z", 4));
    expect(everyNthFreeDiscounts(nthFree(), sessions, ZONE)).toEqual([0, 0, 0, 0]);
  });

  it("makes the 5th and the 10th of 10 weekly sessions free", () => {
    const sessions = listed(sessionSeries("2026-05-04T13:00:00.000Z", 10));
    expect(everyNthFreeDiscounts(nthFree(), sessions, ZONE)).toEqual([0, 0, 0, 0, 8250, 0, 0, 0, 0, 8250]);
  });

  it("restarts the count after a gap longer than maxGapDays", () => {
    const before = sessionSeries("2026-05-04T13:00:00.000Z", 3); // May 4, 11, 18
    const after = sessionSeries("2026-06-02T13:00:00.000Z", 5); // 15 days after May 18, then weekly
    const discounts = everyNthFreeDiscounts(nthFree({ maxGapDays: 14 }), listed([...before, ...after]), ZONE);
    // Counted straight through, the 5th session (index 4) would be free; after the reset it is the 8th.
    expect(discounts).toEqual([0, 0, 0, 0, 0, 0, 0, 8250]);
  });

  it("keeps a run going across a gap of exactly maxGapDays", () => {
    const sessions = listed(sessionSeries("2026-05-04T13:00:00.000Z", 5, { everyDays: 14 }));
    expect(everyNthFreeDiscounts(nthFree({ maxGapDays: 14 }), sessions, ZONE)).toEqual([0, 0, 0, 0, 8250]);
  });

  describe("measures the gap in clinic calendar days between start dates", () => {
    const pairFree = nthFree({ n: 2, maxGapDays: 14 });
    const pair = (a: string, b: string) =>
      everyNthFreeDiscounts(pairFree, listed([{ serviceId: "clinical", minutes: 60, start: a }, { serviceId: "clinical", minutes: 60, start: b }]), ZONE);

    it("counts 13.5 elapsed days from a Monday evening to a Monday morning as 14", () => {
      // May 4 20:00 → May 18 08:00 Halifax time (ADT, UTC−3)
      expect(pair("2026-05-04T23:00:00.000Z", "2026-05-18T11:00:00.000Z")).toEqual([0, 8250]);
    });

    it("counts 14 days 23 hours from a morning to an earlier hour as 15", () => {
      // May 4 08:00 → May 19 07:00 Halifax time
      expect(pair("2026-05-04T11:00:00.000Z", "2026-05-19T10:00:00.000Z")).toEqual([0, 0]);
    });

    it("uses the clinic's dates, not UTC dates", () => {
      // May 4 09:00 → May 18 22:30 in Halifax: 14 days apart there, though the UTC dates (May 4, May 19) are 15 apart.
      expect(pair("2026-05-04T12:00:00.000Z", "2026-05-19T01:30:00.000Z")).toEqual([0, 8250]);
    });
  });

  it("does not count sessions outside the deal's services and durations", () => {
    const weekly = sessionSeries("2026-05-04T13:00:00.000Z", 7);
    const kinds: [string, number][] = [
      ["clinical", 60], ["sports", 60], ["clinical", 60], ["clinical", 30], ["clinical", 60], ["clinical", 60], ["clinical", 60],
    ];
    const sessions = listed(weekly.map((s, i) => ({ ...s, serviceId: kinds[i]?.[0] ?? "", minutes: kinds[i]?.[1] ?? 0 })));
    const deal = nthFree({ appliesTo: { services: ["clinical"], durations: [60] } });
    // Eligible: indexes 0, 2, 4, 5, 6; the 5th of them is index 6.
    expect(everyNthFreeDiscounts(deal, sessions, ZONE)).toEqual([0, 0, 0, 0, 0, 0, 8250]);
  });

  it("does not let an out-of-scope session bridge a gap between eligible ones", () => {
    const sessions = listed([
      { serviceId: "clinical", minutes: 60, start: "2026-05-01T13:00:00.000Z" },
      { serviceId: "sports", minutes: 60, start: "2026-05-11T13:00:00.000Z" },
      { serviceId: "clinical", minutes: 60, start: "2026-05-21T13:00:00.000Z" },
    ]);
    const deal = nthFree({ n: 2, maxGapDays: 14, appliesTo: { services: ["clinical"] } });
    expect(everyNthFreeDiscounts(deal, sessions, ZONE)).toEqual([0, 0, 0]);
  });
});

describe("percentOffDiscounts", () => {
  it("discounts only sessions in scope", () => {
    const deal = parsedDeal({ id: "clinical-20", name: "20% off", kind: "percent-off", percent: 20, appliesTo: { services: ["clinical"] } });
    const sessions = listed([
      { serviceId: "clinical", minutes: 60, start: "2026-05-04T13:00:00.000Z" },
      { serviceId: "sports", minutes: 60, start: "2026-05-11T13:00:00.000Z" },
      { serviceId: "clinical", minutes: 30, start: "2026-05-18T13:00:00.000Z" },
    ]);
    expect(percentOffDiscounts(deal, sessions)).toEqual([1650, 0, 1200]);
  });

  it("rounds each session on its own", () => {
    const deal = parsedDeal({ id: "fifteen", name: "15% off", kind: "percent-off", percent: 15 });
    const sessions = listed(sessionSeries("2026-05-04T13:00:00.000Z", 3));
    // 3 × round(1,237.5) = 3,714, where rounding the booking's 3,712.5 would give 3,713.
    expect(percentOffDiscounts(deal, sessions)).toEqual([1238, 1238, 1238]);
  });
});

describe("promoCodeDiscounts", () => {
  const three = listed(sessionSeries("2026-05-04T13:00:00.000Z", 3));

  it("takes a percent code off each eligible session", () => {
    const deal = parsedDeal({ id: "spring", name: "Spring", kind: "promo-code", code: "SPRING10", discount: { type: "percent", percent: 10 } });
    expect(promoCodeDiscounts(deal, three)).toEqual([825, 825, 825]);
  });

  it("spends a fixed amount once per booking, in chronological order", () => {
    const deal = parsedDeal({ id: "gift", name: "Gift", kind: "promo-code", code: "GIFT100", discount: { type: "fixed", amount: 10000 } });
    expect(promoCodeDiscounts(deal, three)).toEqual([8250, 1750, 0]);
  });

  it("never discounts a fixed amount beyond the eligible sessions' list prices", () => {
    const deal = parsedDeal({ id: "gift", name: "Gift", kind: "promo-code", code: "GIFT500", discount: { type: "fixed", amount: 50000 } });
    expect(promoCodeDiscounts(deal, three)).toEqual([8250, 8250, 8250]);
  });

  it("skips out-of-scope sessions when spending a fixed amount", () => {
    const deal = parsedDeal({
      id: "sports-gift", name: "Gift", kind: "promo-code", code: "SPORTY", discount: { type: "fixed", amount: 10000 }, appliesTo: { services: ["sports"] },
    });
    const sessions = listed([
      { serviceId: "clinical", minutes: 60, start: "2026-05-04T13:00:00.000Z" },
      { serviceId: "sports", minutes: 60, start: "2026-05-11T13:00:00.000Z" },
      { serviceId: "sports", minutes: 60, start: "2026-05-18T13:00:00.000Z" },
    ]);
    expect(promoCodeDiscounts(deal, sessions)).toEqual([0, 9000, 1000]);
  });
});

describe("isDealActive", () => {
  const until = (timeZone: string, validUntil: string) => {
    const config = pricingConfig({ timeZone, deals: [{ id: "d", name: "D", kind: "percent-off", percent: 10, validUntil }] });
    return (now: string) => isDealActive(config.deals[0] as Deal, config, now);
  };
  const from = (timeZone: string, validFrom: string) => {
    const config = pricingConfig({ timeZone, deals: [{ id: "d", name: "D", kind: "percent-off", percent: 10, validFrom }] });
    return (now: string) => isDealActive(config.deals[0] as Deal, config, now);
  };

  it("includes the whole last day in the clinic's zone", () => {
    const active = until("America/Halifax", "2026-04-30"); // ADT, UTC−3
    expect(active("2026-05-01T02:59:59.000Z")).toBe(true); // Apr 30 23:59:59 in Halifax, May 1 in UTC
    expect(active("2026-05-01T03:00:00.000Z")).toBe(false); // May 1 00:00 in Halifax
  });

  it("starts at midnight of the first day in the clinic's zone", () => {
    const active = from("America/Halifax", "2026-05-01");
    expect(active("2026-05-01T02:59:59.000Z")).toBe(false); // Apr 30 23:59:59 in Halifax
    expect(active("2026-05-01T03:00:00.000Z")).toBe(true); // May 1 00:00 in Halifax
  });

  it("works with half-hour offsets and zones ahead of UTC", () => {
    const stJohns = until("America/St_Johns", "2026-04-30"); // NDT, UTC−2:30
    expect(stJohns("2026-05-01T02:29:59.000Z")).toBe(true);
    expect(stJohns("2026-05-01T02:30:00.000Z")).toBe(false);
    const tokyo = from("Asia/Tokyo", "2026-05-01"); // UTC+9
    expect(tokyo("2026-04-30T14:59:59.000Z")).toBe(false);
    expect(tokyo("2026-04-30T15:00:00.000Z")).toBe(true);
  });

  it("uses the offset in force at the boundary, after a DST change", () => {
    // Halifax falls back to AST (UTC−4) on 2026-11-01, so Nov 2 00:00 is 04:00 UTC.
    const active = until("America/Halifax", "2026-11-01");
    expect(active("2026-11-02T03:59:59.000Z")).toBe(true);
    expect(active("2026-11-02T04:00:00.000Z")).toBe(false);
  });

  it("accepts a one-day window and treats missing bounds as open", () => {
    const config = pricingConfig({
      deals: [
        { id: "one-day", name: "D", kind: "percent-off", percent: 10, validFrom: "2026-05-01", validUntil: "2026-05-01" },
        { id: "always", name: "A", kind: "percent-off", percent: 10 },
      ],
    });
    const [oneDay, always] = config.deals as [Deal, Deal];
    expect(isDealActive(oneDay, config, "2026-05-01T03:00:00.000Z")).toBe(true);
    expect(isDealActive(oneDay, config, "2026-05-02T02:59:59.000Z")).toBe(true);
    expect(isDealActive(oneDay, config, "2026-05-02T03:00:00.000Z")).toBe(false);
    expect(isDealActive(always, config, "1999-01-01T00:00:00.000Z")).toBe(true);
  });
});

describe("visibleDeals", () => {
  const config = pricingConfig({
    deals: [
      { id: "fifth-free", name: "5th free", kind: "every-nth-free", n: 5, appliesTo: { services: ["clinical"] } },
      { id: "new-client", name: "New", kind: "percent-off", percent: 20, newClientsOnly: true },
      { id: "spring", name: "Spring", kind: "promo-code", code: "SPRING10", discount: { type: "percent", percent: 10 } },
      { id: "expired", name: "Old", kind: "percent-off", percent: 30, validUntil: "2026-04-30" },
      { id: "future", name: "Later", kind: "percent-off", percent: 30, validFrom: "2026-06-01" },
      { id: "long-only", name: "90 min", kind: "percent-off", percent: 10, appliesTo: { durations: [90] } },
    ] satisfies DealInput[],
  });
  const now = "2026-05-15T15:00:00.000Z";
  const ids = (deals: Deal[]) => deals.map((d) => d.id);

  it("lists active non-promo deals in config order", () => {
    expect(ids(visibleDeals(config, now))).toEqual(["fifth-free", "new-client", "long-only"]);
  });

  it("keeps only deals that can apply to one of the service's durations", () => {
    expect(ids(visibleDeals(config, now, "clinical"))).toEqual(["fifth-free", "new-client", "long-only"]);
    expect(ids(visibleDeals(config, now, "sports"))).toEqual(["new-client"]);
    expect(ids(visibleDeals(config, now, "no-such-service"))).toEqual([]);
  });

  it("shows a deal on its last day and hides it the next", () => {
    expect(ids(visibleDeals(config, "2026-05-01T02:59:59.000Z"))).toContain("expired");
    expect(ids(visibleDeals(config, "2026-05-01T03:00:00.000Z"))).not.toContain("expired");
  });
});
