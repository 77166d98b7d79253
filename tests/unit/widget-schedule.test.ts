import { describe, expect, it } from "vitest";
import type { BusyInterval } from "../../src/core/slots";
import { createPriceModel } from "../../src/widget/models/price";
import { createScheduleModel } from "../../src/widget/models/schedule";
import { NOW, demoConfig } from "../dom/support/config";

const config = demoConfig();
const choice = { serviceId: "clinical-massage", minutes: 60 };

function setup(options: { busy?: BusyInterval[]; notBefore?: string | null; isNewClient?: boolean } = {}) {
  const calls: [string, string][] = [];
  const schedule = createScheduleModel({
    config,
    now: () => NOW,
    fetchAvailability: async (from, to) => {
      calls.push([from, to]);
      return options.busy ?? [];
    },
    choice: () => choice,
    notBefore: () => options.notBefore ?? null,
  });
  const price = createPriceModel({
    config,
    now: () => NOW,
    choice: () => choice,
    sessions: () => schedule.sessions.value,
    isNewClient: () => options.isNewClient ?? false,
  });
  return { schedule, price, calls };
}

describe("schedule model", () => {
  it("loads 14 clinic days and groups the slots by day", async () => {
    const { schedule, calls } = setup();
    expect(schedule.status.value).toBe("idle");
    await schedule.ensureLoaded();
    expect(schedule.status.value).toBe("ready");
    expect(calls).toHaveLength(1);
    expect(schedule.windowFrom.value).toBe("2026-12-01");
    expect(schedule.windowTo.value).toBe("2026-12-14");
    const days = schedule.days.value;
    expect(days.length).toBeGreaterThan(5);
    // 24 h notice from Tuesday 09:00: nothing on Tuesday.
    expect(days[0]?.date).toBe("2026-12-02");
  });

  it("hides days before notBefore (postpone outcome)", async () => {
    const { schedule } = setup({ notBefore: "2026-12-04" });
    await schedule.ensureLoaded();
    expect(schedule.days.value[0]?.date).toBe("2026-12-04");
  });

  it("filters by therapist and keeps the chosen therapist on the slot", async () => {
    const { schedule } = setup();
    await schedule.ensureLoaded();
    schedule.filterTherapist("daniel-okafor");
    const slot = schedule.slots.value[0];
    expect(slot?.therapistIds).toEqual(["daniel-okafor"]);
    if (slot) schedule.select(slot);
    expect(schedule.selected.value?.therapistId).toBe("daniel-okafor");
  });

  it("moves the window to later dates and back", async () => {
    const { schedule, calls } = setup();
    await schedule.ensureLoaded();
    schedule.moveWindow(1);
    expect(schedule.windowFrom.value).toBe("2026-12-15");
    await schedule.ensureLoaded();
    expect(calls.length).toBe(2);
    schedule.moveWindow(-1);
    expect(schedule.windowFrom.value).toBe("2026-12-01");
  });

  it("prices a weekly series of five with the fifth session free", async () => {
    const { schedule, price } = setup();
    await schedule.ensureLoaded();
    const slot = schedule.slots.value.find((s) => s.therapistIds.includes("maude-arsenault"));
    if (!slot) throw new Error("no slot");
    schedule.filterTherapist("maude-arsenault");
    schedule.select(slot);
    schedule.series.setEnabled(true);
    schedule.series.setCount(5);
    await schedule.ensureLoaded(schedule.series.lastDay.value ?? undefined);
    expect(schedule.series.weeks.value).toHaveLength(5);
    // The clinic closes 24–28 December: that week needs another day.
    for (const week of schedule.series.weeks.value.filter((w) => !w.available)) {
      const alternative = week.alternatives[0];
      if (alternative) schedule.series.choose(week.index, alternative.start);
    }
    expect(schedule.sessions.value).toHaveLength(5);
    const quote = price.quote.value;
    expect(quote?.deal?.id).toBe("fifth-session-free");
    expect(quote?.total).toBe(4 * 11500);
    expect(quote?.discountTotal).toBe(11500);
  });

  it("offers alternatives for a taken week and counts only what the client picks", async () => {
    const first = setup();
    await first.schedule.ensureLoaded();
    const slot = first.schedule.slots.value.find((s) => s.therapistIds.includes("maude-arsenault"));
    if (!slot) throw new Error("no slot");
    const weekLater = new Date(Date.parse(slot.start) + 7 * 86_400_000).toISOString();
    const busy = [{ therapistId: "maude-arsenault", start: weekLater, end: new Date(Date.parse(weekLater) + 3_600_000).toISOString() }];
    const { schedule } = setup({ busy });
    await schedule.ensureLoaded();
    schedule.filterTherapist("maude-arsenault");
    const again = schedule.slots.value.find((s) => s.start === slot.start);
    if (!again) throw new Error("slot vanished");
    schedule.select(again);
    schedule.series.setEnabled(true);
    schedule.series.setCount(3);
    await schedule.ensureLoaded(schedule.series.lastDay.value ?? undefined);
    const taken = schedule.series.weeks.value.find((w) => !w.available);
    expect(taken?.index).toBe(1);
    expect(schedule.series.complete.value).toBe(false);
    expect(schedule.validate()).toBe(false);
    expect(schedule.error.value).toBe("series-incomplete");
    const alternative = taken?.alternatives[0];
    if (!alternative) throw new Error("no alternative");
    schedule.series.choose(1, alternative.start);
    expect(schedule.sessions.value).toContain(alternative.start);
    expect(schedule.sessions.value).toHaveLength(3);
    schedule.series.choose(1, "skip");
    expect(schedule.sessions.value).toHaveLength(2);
    expect(schedule.validate()).toBe(true);
  });

  it("reports what happened to a promo code", async () => {
    const { schedule, price } = setup();
    await schedule.ensureLoaded();
    const slot = schedule.slots.value[0];
    if (slot) schedule.select(slot);
    price.promoInput.value = "nope";
    price.applyPromo();
    expect(price.quote.value?.promo).toBe("unknown");
    price.promoInput.value = " runhfx15 ";
    price.applyPromo();
    expect(price.quote.value?.promo).toBe("not-applicable");
  });

  it("keeps the newest availability when answers arrive out of order", async () => {
    const resolvers: ((busy: BusyInterval[]) => void)[] = [];
    const schedule = createScheduleModel({
      config,
      now: () => NOW,
      fetchAvailability: () => new Promise((resolve) => resolvers.push(resolve)),
      choice: () => choice,
      notBefore: () => null,
    });
    const first = schedule.ensureLoaded();
    schedule.moveWindow(1);
    const taken = [{ therapistId: "maude-arsenault", start: "2026-12-21T13:00:00.000Z", end: "2026-12-21T21:00:00.000Z" }];
    resolvers[1]?.(taken);
    resolvers[0]?.([]);
    await first;
    expect(schedule.availability.busy.value).toEqual(taken);
  });
});
