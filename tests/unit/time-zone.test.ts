import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDays,
  addMonths,
  dayNumber,
  dayNumberOrNull,
  formatDay,
  formatInstant,
  formatOffset,
  formatWallTime,
  instantToWall,
  localDateAt,
  offsetMinutesAt,
  offsetSpans,
  parseInstant,
  wallRangeToInstants,
  wallTimeMinutes,
  wallToInstants,
  weekdayIndex,
  zoneDaysByNumber,
  type ZoneDay,
} from "../../src/core/time";

const zoneDays = (zone: string, first: string, last: string): ZoneDay[] => zoneDaysByNumber(zone, dayNumber(first), dayNumber(last));
const zoneDay = (zone: string, date: string): ZoneDay => zoneDays(zone, date, date)[0] as ZoneDay;

const ms = (iso: string) => Date.parse(iso);
const isoList = (list: number[]) => list.map((t) => new Date(t).toISOString());

describe("calendar dates", () => {
  it("counts days from 1970-01-01 and back", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2026-03-08")).toBe(20520);
    expect(formatDay(20520)).toBe("2026-03-08");
    expect(dayNumber("2024-02-29")).toBe(19782);
    expect(formatDay(-1)).toBe("1969-12-31");
  });

  it("refuses dates that do not exist", () => {
    expect(() => dayNumber("2026-02-29")).toThrow(RangeError);
    expect(() => dayNumber("2026-13-01")).toThrow(RangeError);
    expect(() => dayNumber("2026-3-1")).toThrow(RangeError);
    expect(() => dayNumber("2100-02-29")).toThrow(RangeError);
    expect(dayNumber("2000-02-29")).toBe(11016);
  });

  it("adds calendar days across month and year ends", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });

  it("adds months keeping the day, clamped to the month's last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-15", 14)).toBe("2028-01-15");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-05-10", -17)).toBe("2024-12-10");
    expect(() => addMonths("2026-02-30", 1)).toThrow(RangeError);
  });

  it("adds months as the UTC calendar of Date does", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber("1900-01-01"), max: dayNumber("2200-12-31") }), fc.integer({ min: -400, max: 400 }), (day, months) => {
        const date = new Date(day * 86_400_000);
        const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
        const lastOfMonth = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
        target.setUTCDate(Math.min(date.getUTCDate(), lastOfMonth));
        expect(addMonths(date.toISOString().slice(0, 10), months)).toBe(target.toISOString().slice(0, 10));
      }),
    );
  });

  it("reads a date or says it is none", () => {
    expect(dayNumberOrNull("1970-01-02")).toBe(1);
    for (const value of ["2026-02-30", "2026-1-01", 20260101, null, undefined, "2026-01-01T00:00"]) expect(dayNumberOrNull(value)).toBeNull();
  });

  it("numbers weekdays from Monday", () => {
    expect(weekdayIndex(dayNumber("2026-03-09"))).toBe(0); // a Monday
    expect(weekdayIndex(dayNumber("2026-03-08"))).toBe(6); // a Sunday
    expect(weekdayIndex(dayNumber("1969-12-29"))).toBe(0);
  });

  it("reads and writes wall times", () => {
    expect(wallTimeMinutes("00:00")).toBe(0);
    expect(wallTimeMinutes("13:45")).toBe(825);
    expect(wallTimeMinutes("24:00")).toBe(1440);
    expect(() => wallTimeMinutes("24:30")).toThrow(RangeError);
    expect(() => wallTimeMinutes("9:00")).toThrow(RangeError);
    expect(formatWallTime(825)).toBe("13:45");
    expect(formatWallTime(5)).toBe("00:05");
  });
});

describe("instants on the wire", () => {
  it("parses UTC and offset forms to the same instant", () => {
    expect(parseInstant("2026-12-01T14:00:00.000Z")).toBe(Date.UTC(2026, 11, 1, 14));
    expect(parseInstant("2026-12-01T10:00:00-04:00")).toBe(Date.UTC(2026, 11, 1, 14));
    expect(parseInstant("2026-12-01T19:45+05:45")).toBe(Date.UTC(2026, 11, 1, 14));
    expect(parseInstant("2026-12-01T14:00:00.5Z")).toBe(Date.UTC(2026, 11, 1, 14, 0, 0, 500));
  });

  it("refuses instants without a zone and impossible dates", () => {
    expect(() => parseInstant("2026-12-01T14:00:00")).toThrow(RangeError);
    expect(() => parseInstant("2026-02-30T14:00:00.000Z")).toThrow(RangeError);
    expect(() => parseInstant("2026-12-01T25:00:00.000Z")).toThrow(RangeError);
    expect(() => parseInstant("next tuesday")).toThrow(RangeError);
    // Right length and punctuation, wrong characters.
    expect(() => parseInstant("2O26-12-01T14:00:00.000Z")).toThrow(RangeError);
    expect(() => parseInstant("2026-12-01T14:0x:00.000Z")).toThrow(RangeError);
  });

  it("reads the wire format as Date does, and refuses it with any digit replaced", () => {
    const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) });
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 8 }), (list) => {
        // In a row, so a date read for one instant is never wrongly reused for the next.
        for (const ms of list) expect(parseInstant(new Date(ms).toISOString())).toBe(ms);
      }),
    );
    const digitAt = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
    fc.assert(
      fc.property(instant, fc.constantFrom(...digitAt), fc.constantFrom("/", ":", "a", " ", "\u0000"), (ms, at, bad) => {
        const iso = new Date(ms).toISOString();
        expect(() => parseInstant(iso.slice(0, at) + bad + iso.slice(at + 1))).toThrow(RangeError);
      }),
    );
  });

  it("formats as ISO UTC with milliseconds", () => {
    expect(formatInstant(Date.UTC(2026, 11, 1, 14))).toBe("2026-12-01T14:00:00.000Z");
    expect(formatInstant(Date.UTC(2026, 11, 1, 14, 0, 7, 9))).toBe("2026-12-01T14:00:07.009Z");
  });
});

describe("offsets", () => {
  it("writes offsets with sign, hours and minutes", () => {
    expect(formatOffset(-150)).toBe("-02:30");
    expect(formatOffset(345)).toBe("+05:45");
    expect(formatOffset(0)).toBe("+00:00");
    expect(formatOffset(-210)).toBe("-03:30");
  });

  it("finds the exact instants of Halifax's 2026 changes", () => {
    const spans = offsetSpans("America/Halifax", ms("2026-01-01T00:00:00Z"), ms("2027-01-01T00:00:00Z"));
    expect(spans.map((s) => s.offsetMinutes)).toEqual([-240, -180, -240]);
    expect(isoList(spans.slice(1).map((s) => s.start))).toEqual(["2026-03-08T06:00:00.000Z", "2026-11-01T05:00:00.000Z"]);
  });

  it("finds Lord Howe's half-hour changes", () => {
    const spans = offsetSpans("Australia/Lord_Howe", ms("2026-01-01T00:00:00Z"), ms("2027-01-01T00:00:00Z"));
    expect(spans.map((s) => s.offsetMinutes)).toEqual([660, 630, 660]);
    expect(isoList(spans.slice(1).map((s) => s.start))).toEqual(["2026-04-04T15:00:00.000Z", "2026-10-03T15:30:00.000Z"]);
  });

  it("joins spans across a year boundary when the offset does not change", () => {
    const spans = offsetSpans("Asia/Kathmandu", ms("2026-12-01T00:00:00Z"), ms("2027-02-01T00:00:00Z"));
    expect(spans).toEqual([{ start: ms("2026-12-01T00:00:00Z"), end: ms("2027-02-01T00:00:00Z"), offsetMinutes: 345 }]);
  });

  it("reads offsets of zones without DST", () => {
    expect(offsetMinutesAt("Asia/Kolkata", ms("2026-07-01T00:00:00Z"))).toBe(330);
    expect(offsetMinutesAt("Asia/Kathmandu", ms("2026-01-01T00:00:00Z"))).toBe(345);
  });

  it("refuses unknown zones", () => {
    expect(() => offsetMinutesAt("Mars/Olympus_Mons", 0)).toThrow(RangeError);
  });
});

describe("wall clock to instants", () => {
  it("has no instant for a time in the spring-forward gap", () => {
    expect(wallToInstants(zoneDay("America/Halifax", "2026-03-08"), 150)).toEqual([]);
    expect(wallToInstants(zoneDay("Australia/Lord_Howe", "2026-10-04"), 135)).toEqual([]);
  });

  it("has two instants, earlier first, for a time in the fall-back overlap", () => {
    expect(isoList(wallToInstants(zoneDay("America/Halifax", "2026-11-01"), 90))).toEqual([
      "2026-11-01T04:30:00.000Z",
      "2026-11-01T05:30:00.000Z",
    ]);
    expect(isoList(wallToInstants(zoneDay("Australia/Lord_Howe", "2026-04-05"), 105))).toEqual([
      "2026-04-04T14:45:00.000Z",
      "2026-04-04T15:15:00.000Z",
    ]);
  });

  it("has one instant on either side of a change", () => {
    const day = zoneDay("America/St_Johns", "2026-03-08");
    expect(isoList(wallToInstants(day, 119))).toEqual(["2026-03-08T05:29:00.000Z"]);
    expect(isoList(wallToInstants(day, 180))).toEqual(["2026-03-08T05:30:00.000Z"]);
  });

  it("splits a transition day into its constant-offset pieces", () => {
    const day = zoneDay("Europe/London", "2026-10-25");
    expect(day.pieces.map((p) => [new Date(p.start).toISOString(), new Date(p.end).toISOString(), p.offsetMinutes])).toEqual([
      ["2026-10-24T23:00:00.000Z", "2026-10-25T01:00:00.000Z", 60],
      ["2026-10-25T01:00:00.000Z", "2026-10-26T00:00:00.000Z", 0],
    ]);
    expect(zoneDays("Europe/London", "2026-10-24", "2026-10-26").map((d) => d.pieces.length)).toEqual([1, 2, 1]);
  });

  it("measures wall ranges in real time", () => {
    const toIso = (list: { start: number; end: number }[]) => list.map((i) => isoList([i.start, i.end]));
    // 00:00–04:00 on Halifax's 23-hour and 25-hour days.
    expect(toIso(wallRangeToInstants(zoneDay("America/Halifax", "2026-03-08"), 0, 240))).toEqual([
      ["2026-03-08T04:00:00.000Z", "2026-03-08T07:00:00.000Z"],
    ]);
    expect(toIso(wallRangeToInstants(zoneDay("America/Halifax", "2026-11-01"), 0, 240))).toEqual([
      ["2026-11-01T03:00:00.000Z", "2026-11-01T08:00:00.000Z"],
    ]);
    // Starting inside the gap: the range opens when the clock jumps to 03:00.
    expect(toIso(wallRangeToInstants(zoneDay("America/Halifax", "2026-03-08"), 150, 240))).toEqual([
      ["2026-03-08T06:00:00.000Z", "2026-03-08T07:00:00.000Z"],
    ]);
    // Starting inside the repeated hour: only times the clock shows within the range count.
    expect(toIso(wallRangeToInstants(zoneDay("America/Halifax", "2026-11-01"), 90, 240))).toEqual([
      ["2026-11-01T04:30:00.000Z", "2026-11-01T05:00:00.000Z"],
      ["2026-11-01T05:30:00.000Z", "2026-11-01T08:00:00.000Z"],
    ]);
  });

  it("reads the wall clock at an instant", () => {
    expect(instantToWall("America/St_Johns", ms("2026-07-01T12:00:00Z"))).toEqual({
      localDate: "2026-07-01",
      localTime: "09:30",
      minutes: 570,
      offsetMinutes: -150,
    });
    expect(instantToWall("Asia/Kathmandu", ms("2026-07-01T20:00:00Z")).localTime).toBe("01:45");
    expect(localDateAt("America/Halifax", ms("2026-06-01T02:00:00Z"))).toBe("2026-05-31");
  });
});
