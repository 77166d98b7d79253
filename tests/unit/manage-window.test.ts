import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { canChange, changeableUntil } from "../../src/core/manage";

const notice = (hours: number) => ({ booking: { cancellationNoticeHours: hours } });

/** The UTC instant of a wall-clock time in a zone. */
const at = (wall: string, zone: string) => DateTime.fromISO(wall, { zone }).toUTC().toISO() as string;

describe("changeableUntil", () => {
  it.each([
    // Halifax springs forward on 2026-03-08 (02:00 → 03:00): 24 elapsed hours before 10:00 the day after is 09:00 the day before.
    ["America/Halifax", "2026-03-08T10:00", "2026-03-07T09:00"],
    // and falls back on 2026-11-01 (02:00 → 01:00): the same 24 hours reach 11:00 the day before.
    ["America/Halifax", "2026-11-01T10:00", "2026-10-31T11:00"],
    // Chatham (+12:45/+13:45) falls back on 2026-04-05 at 03:45 and springs forward on 2026-09-27 at 02:45.
    ["Pacific/Chatham", "2026-04-05T12:00", "2026-04-04T13:00"],
    ["Pacific/Chatham", "2026-09-27T12:00", "2026-09-26T11:00"],
  ])("counts elapsed hours across the DST change in %s (%s)", (zone, start, expectedWall) => {
    expect(changeableUntil(at(start, zone), 24)).toBe(at(expectedWall, zone));
  });

  it("is the start itself with no notice, and never wall-clock arithmetic", () => {
    const start = "2026-03-08T13:00:00.000Z";
    expect(changeableUntil(start, 0)).toBe(start);
    expect(Date.parse(start) - Date.parse(changeableUntil(start, 36))).toBe(36 * 3_600_000);
  });
});

describe("canChange", () => {
  const start = at("2026-03-08T10:00", "America/Halifax");
  const until = changeableUntil(start, 24);
  const oneMs = (iso: string, delta: number) => new Date(Date.parse(iso) + delta).toISOString();

  it("allows a booked session up to and including the instant its notice begins", () => {
    expect(canChange({ start, status: "booked" }, notice(24), oneMs(until, -1))).toBe(true);
    expect(canChange({ start, status: "booked" }, notice(24), until)).toBe(true);
    expect(canChange({ start, status: "booked" }, notice(24), oneMs(until, 1))).toBe(false);
  });

  it("refuses a cancelled session whatever the time", () => {
    expect(canChange({ start, status: "cancelled" }, notice(24), "2026-01-01T00:00:00.000Z")).toBe(false);
  });

  it("refuses a session that has started even with no notice", () => {
    expect(canChange({ start, status: "booked" }, notice(0), oneMs(start, 1))).toBe(false);
  });
});
