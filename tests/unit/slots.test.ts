import { describe, expect, it } from "vitest";
import { findSlots, isSlotAvailable, type BusyInterval, type Slot, type SlotQuery } from "../../src/core/slots";
import { slotsOfEachTherapist } from "./fixtures/slots-per-therapist";
import { OTHER_SERVICE, SERVICE, everyDay, slotsConfig, therapist, type SlotsConfigOptions } from "./fixtures/slots-config";

// January in Halifax is AST, UTC−04:00 all month; 2026-01-05 is a Monday.
const NOW = "2026-01-01T00:00:00.000Z";

function query(options: SlotsConfigOptions, overrides: Partial<SlotQuery> = {}): SlotQuery {
  return { config: slotsConfig(options), serviceId: SERVICE, minutes: 45, from: "2026-01-05", to: "2026-01-05", busy: [], now: NOW, ...overrides };
}

const times = (slots: Slot[]) => slots.map((s) => s.localTime);
const starts = (slots: Slot[]) => slots.map((s) => s.start);
const busy = (therapistId: string, start: string, end: string): BusyInterval => ({ therapistId, start, end });

describe("slot grid", () => {
  it("steps from the start of the working interval and keeps sessions inside it", () => {
    const slots = findSlots(query({ therapists: [therapist("ana", { hours: { mon: [{ start: "09:00", end: "11:00" }] } })] }));
    expect(times(slots)).toEqual(["09:00", "09:15", "09:30", "09:45", "10:00", "10:15"]);
    expect(slots[0]).toEqual({
      start: "2026-01-05T13:00:00.000Z",
      end: "2026-01-05T13:45:00.000Z",
      therapistIds: ["ana"],
      localDate: "2026-01-05",
      localTime: "09:00",
      offset: "-04:00",
      ambiguous: false,
    });
    expect(slots[5]?.end).toBe("2026-01-05T15:00:00.000Z");
  });

  it("anchors each working interval's grid at its own start", () => {
    const hours = { mon: [{ start: "13:05", end: "14:00" }, { start: "09:10", end: "10:30" }] };
    const slots = findSlots(query({ therapists: [therapist("ana", { hours })], booking: { slotStepMinutes: 20 } }, { minutes: 30 }));
    expect(times(slots)).toEqual(["09:10", "09:30", "09:50", "13:05", "13:25"]);
  });

  it("lets a session run until 24:00", () => {
    const ana = therapist("ana", { hours: { mon: [{ start: "22:00", end: "24:00" }] } });
    const slots = findSlots(query({ therapists: [ana], booking: { slotStepMinutes: 30 } }, { minutes: 60 }));
    expect(times(slots)).toEqual(["22:00", "22:30", "23:00"]);
    expect(slots[2]?.end).toBe("2026-01-06T04:00:00.000Z");
  });

  it("lets a session span two touching working intervals", () => {
    const hours = { mon: [{ start: "09:00", end: "10:00" }, { start: "10:00", end: "11:00" }] };
    const slots = findSlots(query({ therapists: [therapist("ana", { hours })], booking: { slotStepMinutes: 30 } }, { minutes: 90 }));
    expect(times(slots)).toEqual(["09:00", "09:30"]);
  });

  it("returns nothing for an empty or reversed range", () => {
    expect(findSlots(query({}, { from: "2026-01-06", to: "2026-01-05" }))).toEqual([]);
  });

  it("refuses malformed input", () => {
    expect(() => findSlots(query({}, { from: "2026-01-32" }))).toThrow(RangeError);
    expect(() => findSlots(query({}, { now: "2026-01-01 00:00" }))).toThrow(RangeError);
    expect(() => findSlots(query({}, { minutes: 0 }))).toThrow(RangeError);
    expect(() => findSlots(query({}, { busy: [busy("ana", "yesterday", "today")] }))).toThrow(RangeError);
  });
});

describe("breaks and closures", () => {
  it("removes breaks but keeps the grid of the working interval", () => {
    const ana = therapist("ana", { hours: everyDay("09:00", "17:00"), breaks: [{ start: "12:00", end: "12:50" }] });
    const slots = findSlots(query({ therapists: [ana], booking: { slotStepMinutes: 30 } }, { minutes: 60 }));
    expect(times(slots)).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00"]);
  });

  it("applies a break only on its days", () => {
    const ana = therapist("ana", { hours: everyDay("11:00", "14:00"), breaks: [{ start: "12:00", end: "13:00", days: ["mon"] }] });
    const q = query({ therapists: [ana], booking: { slotStepMinutes: 60 } }, { minutes: 60, to: "2026-01-06" });
    const byDate = (date: string) => times(findSlots(q).filter((s) => s.localDate === date));
    expect(byDate("2026-01-05")).toEqual(["11:00", "13:00"]);
    expect(byDate("2026-01-06")).toEqual(["11:00", "12:00", "13:00"]);
  });

  it("skips therapist and clinic closures, both ends included", () => {
    const ana = therapist("ana", { hours: everyDay("09:00", "10:00"), closures: [{ from: "2026-01-06", to: "2026-01-07" }] });
    const q = query({ therapists: [ana], closures: [{ from: "2026-01-09", to: "2026-01-09" }] }, { minutes: 60, to: "2026-01-10" });
    expect(findSlots(q).map((s) => s.localDate)).toEqual(["2026-01-05", "2026-01-08", "2026-01-10"]);
  });

  it("closes one therapist without closing the other", () => {
    const ana = therapist("ana", { hours: everyDay("09:00", "10:00"), closures: [{ from: "2026-01-05", to: "2026-01-05" }] });
    const ben = therapist("ben", { hours: everyDay("09:00", "10:00") });
    const slots = findSlots(query({ therapists: [ana, ben] }, { minutes: 60 }));
    expect(slots.map((s) => s.therapistIds)).toEqual([["ben"]]);
  });
});

describe("notice and horizon", () => {
  it("counts notice in elapsed hours across a spring-forward change", () => {
    // Saturday 08:00 AST; 24 h later the clock reads Sunday 09:00 ADT, not 08:00.
    const q = query(
      { therapists: [therapist("ana", { hours: everyDay("07:00", "12:00") })], booking: { minNoticeHours: 24 } },
      { now: "2026-03-07T12:00:00.000Z", from: "2026-03-07", to: "2026-03-08", minutes: 60 },
    );
    const slots = findSlots(q);
    expect(slots[0]?.start).toBe("2026-03-08T12:00:00.000Z");
    expect(slots[0]?.localTime).toBe("09:00");
    expect(slots[0]?.offset).toBe("-03:00");
  });

  it("counts notice in elapsed hours across a fall-back change", () => {
    // Saturday 09:00 ADT; 24 h later the clock reads Sunday 08:00 AST.
    const q = query(
      { therapists: [therapist("ana", { hours: everyDay("07:00", "12:00") })], booking: { minNoticeHours: 24 } },
      { now: "2026-10-31T12:00:00.000Z", from: "2026-10-31", to: "2026-11-01", minutes: 60 },
    );
    expect(findSlots(q)[0]).toMatchObject({ start: "2026-11-01T12:00:00.000Z", localTime: "08:00", offset: "-04:00" });
  });

  it("accepts fractional notice", () => {
    const q = query({ booking: { minNoticeHours: 1.5 } }, { now: "2026-01-05T13:10:00.000Z" });
    expect(findSlots(q)[0]?.start).toBe("2026-01-05T14:45:00.000Z");
  });

  it("counts the horizon in the clinic's calendar days, today being day 0", () => {
    // 02:00 UTC on June 1st is still May 31st, 23:00, in Halifax.
    const q = query(
      { therapists: [therapist("ana", { hours: everyDay("09:00", "10:00") })], booking: { horizonDays: 10 } },
      { now: "2026-06-01T02:00:00.000Z", from: "2026-05-01", to: "2026-06-30", minutes: 60 },
    );
    const dates = findSlots(q).map((s) => s.localDate);
    expect(dates[0]).toBe("2026-06-01");
    expect(dates[dates.length - 1]).toBe("2026-06-10");
    expect(dates).toHaveLength(10);
  });

  it("hides days before notBefore", () => {
    const q = query({ therapists: [therapist("ana", { hours: everyDay("09:00", "10:00") })] }, { minutes: 60, to: "2026-01-09", notBefore: "2026-01-07" });
    expect(findSlots(q).map((s) => s.localDate)).toEqual(["2026-01-07", "2026-01-08", "2026-01-09"]);
  });
});

describe("busy time and buffers", () => {
  const hours = { mon: [{ start: "08:00", end: "14:00" }] };
  // 10:00–11:00 AST.
  const session = busy("ana", "2026-01-05T14:00:00.000Z", "2026-01-05T15:00:00.000Z");

  it("lets sessions touch a booked one when there are no buffers", () => {
    const slots = findSlots(query({ therapists: [therapist("ana", { hours: { mon: [{ start: "09:00", end: "12:00" }] } })] }, { busy: [session] }));
    expect(times(slots)).toEqual(["09:00", "09:15", "11:00", "11:15"]);
  });

  it("keeps each session's own buffers clear of the other's", () => {
    const q = query(
      { therapists: [therapist("ana", { hours })], booking: { bufferBeforeMinutes: 10, bufferAfterMinutes: 15 } },
      { busy: [session] },
    );
    // Before: 45 min + 15 after + 10 before the booked one → last start 08:45 (09:00 would end its
    // buffer at 10:00). After: 15 after the booked one + 10 before → first start 11:30 on the grid.
    expect(times(findSlots(q))).toEqual(["08:00", "08:15", "08:30", "08:45", "11:30", "11:45", "12:00", "12:15", "12:30", "12:45", "13:00", "13:15"]);
  });

  it("allows buffers to touch exactly", () => {
    const q = query(
      { therapists: [therapist("ana", { hours })], booking: { bufferBeforeMinutes: 10, bufferAfterMinutes: 15, slotStepMinutes: 5 } },
      { busy: [session] },
    );
    const list = times(findSlots(q));
    expect(list).toContain("08:50");
    expect(list).not.toContain("08:55");
    expect(list).toContain("11:25");
    expect(list).not.toContain("11:20");
  });

  it("ignores other therapists' sessions", () => {
    const q = query({ therapists: [therapist("ana", { hours })] }, { busy: [busy("ben", "2026-01-05T12:00:00.000Z", "2026-01-05T18:00:00.000Z")] });
    // 08:00 … 13:15: (13:15 − 08:00) / 15 min + 1 starts.
    expect(findSlots(q)).toHaveLength(22);
  });

  it("accepts busy instants written with an offset", () => {
    const q = query({ therapists: [therapist("ana", { hours: { mon: [{ start: "09:00", end: "12:00" }] } })] }, { busy: [busy("ana", "2026-01-05T10:00:00-04:00", "2026-01-05T11:00:00-04:00")] });
    expect(times(findSlots(q))).toEqual(["09:00", "09:15", "11:00", "11:15"]);
  });
});

describe("therapists", () => {
  const ana = therapist("ana", { hours: everyDay("09:00", "10:00") });
  const ben = therapist("ben", { hours: everyDay("09:30", "10:30") });
  const cy = therapist("cy", { hours: everyDay("09:00", "10:00"), services: [OTHER_SERVICE] });

  it("considers only therapists offering the service", () => {
    const q = query({ therapists: [ana, ben, cy], booking: { slotStepMinutes: 30 } }, { minutes: 30 });
    expect([...slotsOfEachTherapist(q).keys()]).toEqual(["ana", "ben"]);
    expect([...slotsOfEachTherapist({ ...q, serviceId: OTHER_SERVICE }).keys()]).toEqual(["cy"]);
    expect(slotsOfEachTherapist({ ...q, serviceId: "no-such-service" }).size).toBe(0);
    expect(findSlots({ ...q, serviceId: "no-such-service" })).toEqual([]);
  });

  it("keeps only the chosen therapist", () => {
    const q = query({ therapists: [ana, ben], booking: { slotStepMinutes: 30 } }, { minutes: 30, therapistId: "ben" });
    const map = slotsOfEachTherapist(q);
    expect([...map.keys()]).toEqual(["ben"]);
    expect(times(map.get("ben") ?? [])).toEqual(["09:30", "10:00"]);
    expect(findSlots(q).map((s) => s.therapistIds)).toEqual([["ben"], ["ben"]]);
  });

  it("merges therapists into one slot per start, ids in config order", () => {
    const q = query({ therapists: [ben, ana], booking: { slotStepMinutes: 30 } }, { minutes: 30 });
    expect(findSlots(q).map((s) => [s.localTime, s.therapistIds])).toEqual([
      ["09:00", ["ana"]],
      ["09:30", ["ben", "ana"]],
      ["10:00", ["ben"]],
    ]);
  });

  it("lists a therapist with no free time with an empty list", () => {
    const q = query({ therapists: [ana, ben], booking: { slotStepMinutes: 30 } }, { minutes: 30, busy: [busy("ana", "2026-01-05T13:00:00.000Z", "2026-01-05T14:00:00.000Z")] });
    const map = slotsOfEachTherapist(q);
    expect(map.get("ana")).toEqual([]);
    expect(map.get("ben")).toHaveLength(2);
  });
});

describe("isSlotAvailable", () => {
  const q = query({ therapists: [therapist("ana", { hours: { mon: [{ start: "09:00", end: "12:00" }] } }), therapist("cy", { services: [OTHER_SERVICE] })] }, {
    busy: [busy("ana", "2026-01-05T14:00:00.000Z", "2026-01-05T15:00:00.000Z")],
  });
  const { from: _from, to: _to, ...check } = q;

  it("accepts a free start on the grid", () => {
    expect(isSlotAvailable(check, "ana", "2026-01-05T13:00:00.000Z")).toBe(true);
    expect(isSlotAvailable(check, "ana", "2026-01-05T09:15:00-04:00")).toBe(true);
  });

  it("refuses busy, off-grid, out-of-hours and past starts", () => {
    expect(isSlotAvailable(check, "ana", "2026-01-05T13:30:00.000Z")).toBe(false);
    expect(isSlotAvailable(check, "ana", "2026-01-05T13:05:00.000Z")).toBe(false);
    expect(isSlotAvailable(check, "ana", "2026-01-05T15:30:00.000Z")).toBe(false);
    expect(isSlotAvailable({ ...check, now: "2026-01-05T13:01:00.000Z" }, "ana", "2026-01-05T13:00:00.000Z")).toBe(false);
  });

  it("refuses a therapist who does not offer the service, is unknown, or is not the one asked for", () => {
    expect(isSlotAvailable(check, "cy", "2026-01-05T13:00:00.000Z")).toBe(false);
    expect(isSlotAvailable(check, "zed", "2026-01-05T13:00:00.000Z")).toBe(false);
    expect(isSlotAvailable({ ...check, therapistId: "cy" }, "ana", "2026-01-05T13:00:00.000Z")).toBe(false);
  });

  it("honours notBefore", () => {
    expect(isSlotAvailable({ ...check, notBefore: "2026-01-06" }, "ana", "2026-01-05T13:00:00.000Z")).toBe(false);
  });

  it("agrees with findSlots on every start of the day", () => {
    const listed = new Set(starts(findSlots(q)));
    for (let minute = 0; minute < 24 * 60; minute += 15) {
      const start = new Date(Date.parse("2026-01-05T04:00:00.000Z") + minute * 60_000).toISOString();
      expect(isSlotAvailable(check, "ana", start)).toBe(listed.has(start));
    }
  });
});
