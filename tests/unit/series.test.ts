import { describe, expect, it } from "vitest";
import { proposeSeries, type SeriesQuery } from "../../src/core/slots";
import { OTHER_SERVICE, SERVICE, everyDay, slotsConfig, therapist, type SlotsConfigOptions } from "./fixtures/slots-config";

const NOW = "2026-01-01T00:00:00.000Z";

function series(options: SlotsConfigOptions, overrides: Partial<SeriesQuery> & Pick<SeriesQuery, "firstStart" | "count">): SeriesQuery {
  return {
    config: slotsConfig({ therapists: [therapist("ana", { hours: everyDay("09:00", "17:00") })], ...options }),
    serviceId: SERVICE,
    minutes: 45,
    therapistId: "ana",
    busy: [],
    now: NOW,
    ...overrides,
  };
}

describe("proposeSeries", () => {
  it("keeps the wall-clock time across a spring-forward change, so the UTC instant moves", () => {
    // 10:00 in Halifax: AST (−04:00) until March 8th 2026, ADT (−03:00) from then.
    const weeks = proposeSeries(series({}, { firstStart: "2026-02-22T14:00:00.000Z", count: 4 }));
    expect(weeks.map((w) => [w.index, w.wanted.localDate, w.wanted.start, w.wanted.end, w.available])).toEqual([
      [0, "2026-02-22", "2026-02-22T14:00:00.000Z", "2026-02-22T14:45:00.000Z", true],
      [1, "2026-03-01", "2026-03-01T14:00:00.000Z", "2026-03-01T14:45:00.000Z", true],
      [2, "2026-03-08", "2026-03-08T13:00:00.000Z", "2026-03-08T13:45:00.000Z", true],
      [3, "2026-03-15", "2026-03-15T13:00:00.000Z", "2026-03-15T13:45:00.000Z", true],
    ]);
    expect(weeks.every((w) => w.alternatives.length === 0)).toBe(true);
  });

  it("keeps the wall-clock time across a fall-back change", () => {
    const weeks = proposeSeries(series({}, { firstStart: "2026-10-25T13:00:00.000Z", count: 2 }));
    expect(weeks.map((w) => w.wanted.start)).toEqual(["2026-10-25T13:00:00.000Z", "2026-11-01T14:00:00.000Z"]);
  });

  it("uses the interval in calendar days", () => {
    const weeks = proposeSeries(series({}, { firstStart: "2026-01-05T14:00:00.000Z", count: 3, intervalDays: 14 }));
    expect(weeks.map((w) => w.wanted.localDate)).toEqual(["2026-01-05", "2026-01-19", "2026-02-02"]);
  });

  it("offers the nearest free slots of the same therapist when a week is taken", () => {
    // Booked 10:00–11:00 AST on March 1st; the series wants 10:00.
    const q = series(
      { therapists: [therapist("ana", { hours: everyDay("09:00", "17:00") }), therapist("ben")] },
      { firstStart: "2026-02-22T14:00:00.000Z", count: 2, busy: [{ therapistId: "ana", start: "2026-03-01T14:00:00.000Z", end: "2026-03-01T15:00:00.000Z" }] },
    );
    const [first, second] = proposeSeries(q);
    expect(first?.available).toBe(true);
    expect(second?.available).toBe(false);
    // 09:15 is 45 min away; 09:00 and 11:00 are both 60 min away, the earlier first.
    expect(second?.alternatives.map((s) => [s.start, s.localTime, s.therapistIds])).toEqual([
      ["2026-03-01T13:15:00.000Z", "09:15", ["ana"]],
      ["2026-03-01T13:00:00.000Z", "09:00", ["ana"]],
      ["2026-03-01T15:00:00.000Z", "11:00", ["ana"]],
    ]);
  });

  it("looks for alternatives up to three days either side and no further", () => {
    // Ana works Mondays only: a taken Monday has no Monday within ±3 days.
    const mondays = therapist("ana", { hours: { mon: [{ start: "09:00", end: "10:00" }], thu: [{ start: "09:00", end: "10:00" }] } });
    const q = series(
      { therapists: [mondays] },
      { firstStart: "2026-01-05T13:00:00.000Z", count: 2, minutes: 60, busy: [{ therapistId: "ana", start: "2026-01-12T13:00:00.000Z", end: "2026-01-12T14:00:00.000Z" }] },
    );
    const second = proposeSeries(q)[1];
    // Thursday the 8th is 4 days before: out. Thursday the 15th is 3 days after: in.
    expect(second?.alternatives.map((s) => s.start)).toEqual(["2026-01-15T13:00:00.000Z"]);
  });

  it("never proposes an alternative that clashes with another session of the series", () => {
    // Daily series, one-hour sessions at 10:00 and 11:00 only; the middle day is taken at 10:00.
    const ana = therapist("ana", { hours: everyDay("10:00", "12:00") });
    const q = series(
      { therapists: [ana], booking: { slotStepMinutes: 60 } },
      {
        firstStart: "2026-01-05T14:00:00.000Z",
        count: 3,
        intervalDays: 1,
        minutes: 60,
        busy: [{ therapistId: "ana", start: "2026-01-06T14:00:00.000Z", end: "2026-01-06T15:00:00.000Z" }],
      },
    );
    const weeks = proposeSeries(q);
    expect(weeks.map((w) => w.available)).toEqual([true, false, true]);
    // 10:00 on the 5th and 7th are the series' own sessions (24 h away), so the next nearest are
    // the 11:00 slots either side.
    expect(weeks[1]?.alternatives.map((s) => s.start)).toEqual([
      "2026-01-06T15:00:00.000Z",
      "2026-01-05T15:00:00.000Z",
      "2026-01-07T15:00:00.000Z",
    ]);
  });

  it("reports a wall time that does not exist that day as unavailable, pushed past the gap", () => {
    const ana = therapist("ana", { hours: everyDay("00:00", "04:00") });
    const weeks = proposeSeries(series({ therapists: [ana] }, { firstStart: "2026-03-01T06:30:00.000Z", count: 2 }));
    expect(weeks[1]?.wanted).toEqual({ start: "2026-03-08T06:30:00.000Z", end: "2026-03-08T07:15:00.000Z", localDate: "2026-03-08" });
    expect(weeks[1]?.available).toBe(false);
    expect(weeks[1]?.alternatives.map((s) => `${s.localTime}${s.offset}`)).toEqual(["03:15-03:00", "03:00-03:00", "01:45-04:00"]);
  });

  it("picks the reading of a repeated wall time that has the first session's offset", () => {
    const ana = therapist("ana", { hours: everyDay("00:00", "04:00") });
    // 01:30 ADT on October 25th; on November 1st 01:30 happens twice.
    const weeks = proposeSeries(series({ therapists: [ana] }, { firstStart: "2026-10-25T04:30:00.000Z", count: 2 }));
    expect(weeks[1]?.wanted.start).toBe("2026-11-01T04:30:00.000Z");
    expect(weeks[1]?.available).toBe(true);
  });

  it("marks weeks beyond the horizon unavailable with no alternatives past it", () => {
    const q = series({ booking: { horizonDays: 10 } }, { firstStart: "2026-01-05T14:00:00.000Z", count: 3 });
    const weeks = proposeSeries(q);
    // Today is Dec 31st in Halifax, so the last bookable day is January 10th.
    expect(weeks.map((w) => [w.wanted.localDate, w.available])).toEqual([
      ["2026-01-05", true],
      ["2026-01-12", false],
      ["2026-01-19", false],
    ]);
    // The 12th's nearest free times are the last ones of the 10th (ending 17:00).
    expect(weeks[1]?.alternatives.map((s) => [s.localDate, s.localTime])).toEqual([
      ["2026-01-10", "16:15"],
      ["2026-01-10", "16:00"],
      ["2026-01-10", "15:45"],
    ]);
    expect(weeks[2]?.alternatives).toEqual([]);
  });

  it("does not offer a therapist who does not do the service", () => {
    const q = series({}, { firstStart: "2026-01-05T14:00:00.000Z", count: 2, serviceId: OTHER_SERVICE });
    expect(proposeSeries(q).map((w) => [w.available, w.alternatives.length])).toEqual([
      [false, 0],
      [false, 0],
    ]);
  });

  it("hides alternatives before notBefore", () => {
    const q = series({}, { firstStart: "2026-01-05T14:00:00.000Z", count: 1, notBefore: "2026-01-07" });
    const [only] = proposeSeries(q);
    expect(only?.available).toBe(false);
    expect(only?.alternatives.every((s) => s.localDate >= "2026-01-07")).toBe(true);
    // Nearest to Monday 10:00 once Monday and Tuesday are hidden: Wednesday 09:00.
    expect(only?.alternatives.map((s) => s.start)).toEqual(["2026-01-07T13:00:00.000Z", "2026-01-07T13:15:00.000Z", "2026-01-07T13:30:00.000Z"]);
  });

  it("echoes a first start off the minute and keeps its seconds, reporting it unavailable", () => {
    const weeks = proposeSeries(series({}, { firstStart: "2026-01-05T14:00:30.000Z", count: 2 }));
    expect(weeks.map((w) => [w.wanted.start, w.available])).toEqual([
      ["2026-01-05T14:00:30.000Z", false],
      ["2026-01-12T14:00:30.000Z", false],
    ]);
  });

  it("returns nothing for zero sessions and refuses nonsense counts and intervals", () => {
    expect(proposeSeries(series({}, { firstStart: "2026-01-05T14:00:00.000Z", count: 0 }))).toEqual([]);
    expect(() => proposeSeries(series({}, { firstStart: "2026-01-05T14:00:00.000Z", count: 1.5 }))).toThrow(RangeError);
    expect(() => proposeSeries(series({}, { firstStart: "2026-01-05T14:00:00.000Z", count: 2, intervalDays: 0 }))).toThrow(RangeError);
  });
});
