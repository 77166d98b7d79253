import { describe, expect, it } from "vitest";
import { findSlots, type Slot } from "../../src/core/slots";
import { SERVICE, everyDay, slotsConfig, therapist } from "./fixtures/slots-config";

interface Expected {
  start: string;
  localTime: string;
  offset: string;
  ambiguous: boolean;
}

/**
 * `count` expected slots 15 minutes apart, from a first UTC start and wall time written out by
 * hand from the zone's published rules.
 */
function run(firstUtc: string, firstLocal: string, count: number, offset: string, ambiguous = false): Expected[] {
  const [h, m] = firstLocal.split(":").map(Number);
  return Array.from({ length: count }, (_, i) => {
    const local = (h ?? 0) * 60 + (m ?? 0) + 15 * i;
    const time = `${String(Math.floor(local / 60)).padStart(2, "0")}:${String(local % 60).padStart(2, "0")}`;
    return { start: new Date(Date.parse(firstUtc) + i * 15 * 60_000).toISOString(), localTime: time, offset, ambiguous };
  });
}

function daySlots(zone: string, date: string, start: string, end: string, minutes = 45, step = 15): Slot[] {
  const config = slotsConfig({ timeZone: zone, therapists: [therapist("ana", { hours: everyDay(start, end) })], booking: { slotStepMinutes: step } });
  return findSlots({ config, serviceId: SERVICE, minutes, from: date, to: date, busy: [], now: "2025-12-01T00:00:00.000Z" });
}

const shape = (slots: Slot[]) => slots.map((s) => ({ start: s.start, localTime: s.localTime, offset: s.offset, ambiguous: s.ambiguous }));

interface Case {
  name: string;
  zone: string;
  date: string;
  hours: [string, string];
  expected: Expected[];
}

const cases: Case[] = [
  {
    name: "Halifax spring-forward 2026 (02:00 AST → 03:00 ADT), 00:00–04:00 is 3 h",
    zone: "America/Halifax",
    date: "2026-03-08",
    hours: ["00:00", "04:00"],
    expected: [...run("2026-03-08T04:00:00Z", "00:00", 8, "-04:00"), ...run("2026-03-08T06:00:00Z", "03:00", 2, "-03:00")],
  },
  {
    name: "Halifax fall-back 2026 (02:00 ADT → 01:00 AST), 00:00–04:00 is 5 h",
    zone: "America/Halifax",
    date: "2026-11-01",
    hours: ["00:00", "04:00"],
    expected: [
      ...run("2026-11-01T03:00:00Z", "00:00", 4, "-03:00"),
      ...run("2026-11-01T04:00:00Z", "01:00", 4, "-03:00", true),
      ...run("2026-11-01T05:00:00Z", "01:00", 4, "-04:00", true),
      ...run("2026-11-01T06:00:00Z", "02:00", 6, "-04:00"),
    ],
  },
  {
    name: "Halifax spring-forward 2027, 01:00–03:00 is 1 h",
    zone: "America/Halifax",
    date: "2027-03-14",
    hours: ["01:00", "03:00"],
    expected: run("2027-03-14T05:00:00Z", "01:00", 2, "-04:00"),
  },
  {
    name: "Halifax fall-back 2027, 01:00–03:00 is 3 h",
    zone: "America/Halifax",
    date: "2027-11-07",
    hours: ["01:00", "03:00"],
    expected: [
      ...run("2027-11-07T04:00:00Z", "01:00", 4, "-03:00", true),
      ...run("2027-11-07T05:00:00Z", "01:00", 4, "-04:00", true),
      ...run("2027-11-07T06:00:00Z", "02:00", 2, "-04:00"),
    ],
  },
  {
    name: "St. John's spring-forward 2026 (02:00 NST → 03:00 NDT), half-hour offsets",
    zone: "America/St_Johns",
    date: "2026-03-08",
    hours: ["00:00", "04:00"],
    expected: [...run("2026-03-08T03:30:00Z", "00:00", 8, "-03:30"), ...run("2026-03-08T05:30:00Z", "03:00", 2, "-02:30")],
  },
  {
    name: "St. John's fall-back 2026 (02:00 NDT → 01:00 NST)",
    zone: "America/St_Johns",
    date: "2026-11-01",
    hours: ["00:00", "04:00"],
    expected: [
      ...run("2026-11-01T02:30:00Z", "00:00", 4, "-02:30"),
      ...run("2026-11-01T03:30:00Z", "01:00", 4, "-02:30", true),
      ...run("2026-11-01T04:30:00Z", "01:00", 4, "-03:30", true),
      ...run("2026-11-01T05:30:00Z", "02:00", 6, "-03:30"),
    ],
  },
  {
    name: "Edmonton spring-forward 2027 (02:00 MST → 03:00 MDT)",
    zone: "America/Edmonton",
    date: "2027-03-14",
    hours: ["00:00", "04:00"],
    expected: [...run("2027-03-14T07:00:00Z", "00:00", 8, "-07:00"), ...run("2027-03-14T09:00:00Z", "03:00", 2, "-06:00")],
  },
  {
    name: "Edmonton fall-back 2027 (02:00 MDT → 01:00 MST)",
    zone: "America/Edmonton",
    date: "2027-11-07",
    hours: ["00:00", "04:00"],
    expected: [
      ...run("2027-11-07T06:00:00Z", "00:00", 4, "-06:00"),
      ...run("2027-11-07T07:00:00Z", "01:00", 4, "-06:00", true),
      ...run("2027-11-07T08:00:00Z", "01:00", 4, "-07:00", true),
      ...run("2027-11-07T09:00:00Z", "02:00", 6, "-07:00"),
    ],
  },
  {
    name: "London spring-forward 2026 (01:00 GMT → 02:00 BST)",
    zone: "Europe/London",
    date: "2026-03-29",
    hours: ["00:00", "04:00"],
    expected: [...run("2026-03-29T00:00:00Z", "00:00", 4, "+00:00"), ...run("2026-03-29T01:00:00Z", "02:00", 6, "+01:00")],
  },
  {
    name: "London fall-back 2026 (02:00 BST → 01:00 GMT); the day starts at 23:00 UTC the day before",
    zone: "Europe/London",
    date: "2026-10-25",
    hours: ["00:00", "04:00"],
    expected: [
      ...run("2026-10-24T23:00:00Z", "00:00", 4, "+01:00"),
      ...run("2026-10-25T00:00:00Z", "01:00", 4, "+01:00", true),
      ...run("2026-10-25T01:00:00Z", "01:00", 4, "+00:00", true),
      ...run("2026-10-25T02:00:00Z", "02:00", 6, "+00:00"),
    ],
  },
  {
    name: "London spring-forward 2027, hours starting inside the gap open at 02:00 BST",
    zone: "Europe/London",
    date: "2027-03-28",
    hours: ["01:00", "03:00"],
    expected: run("2027-03-28T01:00:00Z", "02:00", 2, "+01:00"),
  },
  {
    name: "London fall-back 2027, 01:00–03:00 is 3 h",
    zone: "Europe/London",
    date: "2027-10-31",
    hours: ["01:00", "03:00"],
    expected: [
      ...run("2027-10-31T00:00:00Z", "01:00", 4, "+01:00", true),
      ...run("2027-10-31T01:00:00Z", "01:00", 4, "+00:00", true),
      ...run("2027-10-31T02:00:00Z", "02:00", 2, "+00:00"),
    ],
  },
  {
    name: "Lord Howe DST end 2026 (02:00 +11:00 → 01:30 +10:30), a 24.5-hour day",
    zone: "Australia/Lord_Howe",
    date: "2026-04-05",
    hours: ["00:00", "04:00"],
    expected: [
      ...run("2026-04-04T13:00:00Z", "00:00", 6, "+11:00"),
      ...run("2026-04-04T14:30:00Z", "01:30", 2, "+11:00", true),
      ...run("2026-04-04T15:00:00Z", "01:30", 2, "+10:30", true),
      ...run("2026-04-04T15:30:00Z", "02:00", 6, "+10:30"),
    ],
  },
  {
    name: "Lord Howe DST start 2026 (02:00 +10:30 → 02:30 +11:00), a 23.5-hour day",
    zone: "Australia/Lord_Howe",
    date: "2026-10-04",
    hours: ["00:00", "04:00"],
    expected: [...run("2026-10-03T13:30:00Z", "00:00", 8, "+10:30"), ...run("2026-10-03T15:30:00Z", "02:30", 4, "+11:00")],
  },
  {
    name: "Lord Howe DST end 2027, 01:00–03:00 is 2.5 h",
    zone: "Australia/Lord_Howe",
    date: "2027-04-04",
    hours: ["01:00", "03:00"],
    expected: [
      ...run("2027-04-03T14:00:00Z", "01:00", 2, "+11:00"),
      ...run("2027-04-03T14:30:00Z", "01:30", 2, "+11:00", true),
      ...run("2027-04-03T15:00:00Z", "01:30", 2, "+10:30", true),
      ...run("2027-04-03T15:30:00Z", "02:00", 2, "+10:30"),
    ],
  },
  {
    name: "Lord Howe DST start 2027, 01:00–03:00 is 1.5 h",
    zone: "Australia/Lord_Howe",
    date: "2027-10-03",
    hours: ["01:00", "03:00"],
    expected: run("2027-10-02T14:30:00Z", "01:00", 4, "+10:30"),
  },
  {
    name: "Kolkata has no DST: +05:30 on a date others change",
    zone: "Asia/Kolkata",
    date: "2026-03-08",
    hours: ["09:00", "10:30"],
    expected: run("2026-03-08T03:30:00Z", "09:00", 4, "+05:30"),
  },
  {
    name: "Kolkata 00:00–04:00 stays 4 h on London's fall-back date",
    zone: "Asia/Kolkata",
    date: "2026-10-25",
    hours: ["00:00", "04:00"],
    expected: run("2026-10-24T18:30:00Z", "00:00", 14, "+05:30"),
  },
  {
    name: "Kathmandu has no DST: +05:45",
    zone: "Asia/Kathmandu",
    date: "2026-11-01",
    hours: ["09:00", "10:30"],
    expected: run("2026-11-01T03:15:00Z", "09:00", 4, "+05:45"),
  },
  {
    name: "Kathmandu 00:00–04:00 on London's spring-forward date",
    zone: "Asia/Kathmandu",
    date: "2027-03-28",
    hours: ["00:00", "04:00"],
    expected: run("2027-03-27T18:15:00Z", "00:00", 14, "+05:45"),
  },
];

describe("slots around UTC offset changes", () => {
  it.each(cases)("$name", ({ zone, date, hours, expected }) => {
    const slots = daySlots(zone, date, hours[0], hours[1]);
    expect(shape(slots)).toEqual(expected);
    for (const slot of slots) {
      expect(slot.localDate).toBe(date);
      expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(45 * 60_000);
    }
  });

  it("gives the two readings of a repeated wall time different instants", () => {
    const repeated = daySlots("America/Halifax", "2026-11-01", "00:00", "04:00").filter((s) => s.localTime === "01:30");
    expect(repeated.map((s) => [s.start, s.offset, s.ambiguous])).toEqual([
      ["2026-11-01T04:30:00.000Z", "-03:00", true],
      ["2026-11-01T05:30:00.000Z", "-04:00", true],
    ]);
  });

  it("offers 23, 24 and 25 hourly starts on 23-, 24- and 25-hour days open all day", () => {
    const count = (date: string) => daySlots("America/Halifax", date, "00:00", "24:00", 60, 60).length;
    expect(count("2026-03-08")).toBe(23);
    expect(count("2026-03-15")).toBe(24);
    expect(count("2026-11-01")).toBe(25);
  });

  it("skips only the missing hour's starts on a spring-forward day open all day", () => {
    const times = daySlots("America/Halifax", "2026-03-08", "00:00", "24:00", 60, 60).map((s) => s.localTime);
    expect(times.slice(0, 3)).toEqual(["00:00", "01:00", "03:00"]);
    expect(times).not.toContain("02:00");
  });

  it("holds a break in the repeated hour both times the clock shows it", () => {
    const config = slotsConfig({
      therapists: [therapist("ana", { hours: everyDay("00:00", "04:00"), breaks: [{ start: "01:00", end: "02:00" }] })],
      booking: { slotStepMinutes: 30 },
    });
    const slots = findSlots({ config, serviceId: SERVICE, minutes: 30, from: "2026-11-01", to: "2026-11-01", busy: [], now: "2025-12-01T00:00:00.000Z" });
    expect(slots.map((s) => [s.localTime, s.start])).toEqual([
      ["00:00", "2026-11-01T03:00:00.000Z"],
      ["00:30", "2026-11-01T03:30:00.000Z"],
      ["02:00", "2026-11-01T06:00:00.000Z"],
      ["02:30", "2026-11-01T06:30:00.000Z"],
      ["03:00", "2026-11-01T07:00:00.000Z"],
      ["03:30", "2026-11-01T07:30:00.000Z"],
    ]);
  });

  it("ignores a break that falls entirely in the missing hour", () => {
    const config = slotsConfig({
      therapists: [therapist("ana", { hours: everyDay("00:00", "04:00"), breaks: [{ start: "02:00", end: "03:00" }] })],
      booking: { slotStepMinutes: 60 },
    });
    const slots = findSlots({ config, serviceId: SERVICE, minutes: 60, from: "2026-03-08", to: "2026-03-08", busy: [], now: "2025-12-01T00:00:00.000Z" });
    expect(slots.map((s) => [s.localTime, s.start, s.end])).toEqual([
      ["00:00", "2026-03-08T04:00:00.000Z", "2026-03-08T05:00:00.000Z"],
      ["01:00", "2026-03-08T05:00:00.000Z", "2026-03-08T06:00:00.000Z"],
      ["03:00", "2026-03-08T06:00:00.000Z", "2026-03-08T07:00:00.000Z"],
    ]);
  });

  it("sees a busy session across the change in real time", () => {
    // Booked 01:30 ADT → 01:15 AST (45 real minutes); the second 01:00 and 01:15 are taken too.
    const config = slotsConfig({ therapists: [therapist("ana", { hours: everyDay("00:00", "04:00") })] });
    const busy = [{ therapistId: "ana", start: "2026-11-01T04:30:00.000Z", end: "2026-11-01T05:15:00.000Z" }];
    const slots = findSlots({ config, serviceId: SERVICE, minutes: 15, from: "2026-11-01", to: "2026-11-01", busy, now: "2025-12-01T00:00:00.000Z" });
    const repeated = slots.filter((s) => s.ambiguous).map((s) => `${s.localTime}${s.offset}`);
    expect(repeated).toEqual(["01:00-03:00", "01:15-03:00", "01:15-04:00", "01:30-04:00", "01:45-04:00"]);
  });
});
