import ICAL from "ical.js";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { googleCalendarUrl, outlookCalendarUrl, type CalendarClinic, type CalendarSession } from "../../src/core/calendar";
import { buildIcs } from "../../src/server/calendar/ics";
import type { ClinicConfig } from "../../src/core/config";
import { demoClinic } from "./fixtures/demo-clinic";

const NOW = "2026-11-20T15:04:05.000Z";
const REFERENCE = "HX-7K2P";

/** 10:00 Halifax time (AST, UTC−4) on five Tuesdays in a row. */
function weeklySessions(count: number): CalendarSession[] {
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(2026, 11, 1 + 7 * i, 14, 0));
    return {
      start: start.toISOString(),
      end: new Date(start.getTime() + 60 * 60_000).toISOString(),
      serviceName: "Clinical massage",
      minutes: 60,
    };
  });
}

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics));
}

function events(ics: string): ICAL.Component[] {
  return parse(ics).getAllSubcomponents("vevent");
}

function timeOf(event: ICAL.Component, name: string): ICAL.Time {
  const value = event.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
  return value;
}

function textOf(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  if (typeof value !== "string") throw new Error(`${name} is missing`);
  return value;
}

describe("buildIcs", () => {
  const config = demoClinic();
  const single = weeklySessions(1);
  const ics = buildIcs({ config, reference: REFERENCE, sessions: single, now: NOW });

  it("publishes a calendar with a product id and no scheduling parties", () => {
    const calendar = parse(ics);
    expect(textOf(calendar, "version")).toBe("2.0");
    expect(textOf(calendar, "method")).toBe("PUBLISH");
    expect(textOf(calendar, "prodid")).toMatch(/^-\/\/.+\/\/.+\/\/EN$/);
    const [event] = events(ics);
    expect(event?.getAllProperties("attendee")).toEqual([]);
    expect(event?.getAllProperties("organizer")).toEqual([]);
  });

  it("writes DTSTAMP from `now` and the session's times in UTC", () => {
    const [event] = events(ics);
    if (!event) throw new Error("no event");
    for (const [name, iso] of [
      ["dtstamp", "2026-11-20T15:04:05.000Z"],
      ["dtstart", "2026-12-01T14:00:00.000Z"],
      ["dtend", "2026-12-01T15:00:00.000Z"],
    ] as const) {
      const time = timeOf(event, name);
      expect(time.zone?.tzid, name).toBe("UTC");
      expect(time.toJSDate().toISOString(), name).toBe(iso);
    }
    expect(ics).toContain("\r\nDTSTART:20261201T140000Z\r\n");
    expect(ics).toContain("\r\nDTEND:20261201T150000Z\r\n");
    expect(ics).toContain("\r\nDTSTAMP:20261120T150405Z\r\n");
  });

  it("names the appointment and the clinic, and gives the clinic's address and contact", () => {
    const [event] = events(ics);
    if (!event) throw new Error("no event");
    expect(textOf(event, "summary")).toBe("Massage appointment, Harbourview Clinical Massage");
    expect(textOf(event, "location")).toBe("1585 Barrington Street, Suite 304, Halifax, NS B3J 1Z8, Canada");
    const description = textOf(event, "description");
    expect(description).toContain("Clinical massage, 60 min");
    expect(description).toContain(`Booking reference: ${REFERENCE}`);
    expect(description).toContain("+1 902-555-0148");
    expect(description).toContain("hello@harbourview-massage.example");
    expect(description).not.toContain("Session 1 of 1");
  });

  it("derives one UID per session from the reference and the clinic's host", () => {
    const [event] = events(ics);
    expect(event && textOf(event, "uid")).toBe(`${REFERENCE}-0@harbourview-massage.example`);
  });

  it("gives a series one event per session, each with its own UID, the same on every call", () => {
    const sessions = weeklySessions(5);
    const first = events(buildIcs({ config, reference: REFERENCE, sessions, now: NOW }));
    const later = events(buildIcs({ config, reference: REFERENCE, sessions, now: "2026-11-27T09:00:00.000Z" }));
    expect(first).toHaveLength(5);
    const uids = first.map((e) => textOf(e, "uid"));
    expect(new Set(uids).size).toBe(5);
    expect(later.map((e) => textOf(e, "uid"))).toEqual(uids);
    expect(first.map((e) => timeOf(e, "dtstart").toJSDate().toISOString())).toEqual(sessions.map((s) => s.start));
    expect(textOf(first[3] ?? first[0]!, "description")).toContain("Session 4 of 5");
  });

  it("uses a UID the caller supplies, made safe to write unescaped", () => {
    const sessions = [{ ...weeklySessions(1)[0]!, uid: "booking 42;seq,1@clinic.example" }];
    const [event] = events(buildIcs({ config, reference: REFERENCE, sessions, now: NOW }));
    expect(event && textOf(event, "uid")).toBe("booking-42-seq-1@clinic.example");
  });

  it("falls back to a fixed host when the clinic has no website", () => {
    const noWebsite: CalendarClinic = { ...config, clinic: { ...config.clinic, website: undefined } };
    const [event] = events(buildIcs({ config: noWebsite, reference: "R 1", sessions: single, now: NOW }));
    expect(event && textOf(event, "uid")).toBe("R-1-0@clinic-booking");
  });

  it("writes French texts for a French locale", () => {
    const [event] = events(buildIcs({ config, reference: REFERENCE, sessions: weeklySessions(2), now: NOW, locale: "fr-CA" }));
    if (!event) throw new Error("no event");
    expect(textOf(event, "summary")).toBe("Rendez-vous de massothérapie, Harbourview Clinical Massage");
    expect(textOf(event, "description")).toContain("Séance 1 sur 2");
    expect(textOf(event, "location")).toMatch(/, Canada$/);
  });

  it("ends every line with CRLF and folds lines longer than 75 octets", () => {
    const longName = "Clinique de massothérapie « Les Érables » — soins cliniques, sportifs; myofasciaux 🌿 et plus";
    const wordy: CalendarClinic = { ...config, clinic: { ...config.clinic, name: longName } };
    const text = buildIcs({ config: wordy, reference: REFERENCE, sessions: weeklySessions(3), now: NOW, locale: "fr" });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n").slice(0, -1);
    expect(lines.some((line) => line.startsWith(" "))).toBe(true);
    for (const line of lines) expect(new TextEncoder().encode(line).length, line).toBeLessThanOrEqual(75);
    const [event] = events(text);
    expect(event && textOf(event, "summary")).toBe(`Rendez-vous de massothérapie, ${longName}`);
  });

  it("escapes commas, semicolons and backslashes so independent parsers read the text back", () => {
    const odd: CalendarClinic = { ...config, clinic: { ...config.clinic, name: "Back\\Forth; Massage, Inc." } };
    const [event] = events(buildIcs({ config: odd, reference: REFERENCE, sessions: single, now: NOW }));
    expect(event && textOf(event, "summary")).toBe("Massage appointment, Back\\Forth; Massage, Inc.");
  });

  it("refuses an empty booking and sessions that end before they start", () => {
    expect(() => buildIcs({ config, reference: REFERENCE, sessions: [], now: NOW })).toThrow(RangeError);
    const backwards = [{ ...single[0]!, end: "2026-12-01T13:00:00.000Z" }];
    expect(() => buildIcs({ config, reference: REFERENCE, sessions: backwards, now: NOW })).toThrow(RangeError);
    expect(() => buildIcs({ config, reference: REFERENCE, sessions: single, now: "yesterday" })).toThrow(RangeError);
  });
});

describe("calendar links", () => {
  const config = demoClinic();
  const session = weeklySessions(1)[0]!;

  it("opens Google Calendar's event template with the session in UTC", () => {
    const url = new URL(googleCalendarUrl({ config, reference: REFERENCE, session }));
    expect(`${url.origin}${url.pathname}`).toBe("https://calendar.google.com/calendar/render");
    expect([...url.searchParams.keys()]).toEqual(["action", "text", "dates", "details", "location"]);
    expect(url.searchParams.get("action")).toBe("TEMPLATE");
    expect(url.searchParams.get("text")).toBe("Massage appointment, Harbourview Clinical Massage");
    expect(url.searchParams.get("dates")).toBe("20261201T140000Z/20261201T150000Z");
    expect(url.searchParams.get("details")).toContain("+1 902-555-0148");
    expect(url.searchParams.get("location")).toBe("1585 Barrington Street, Suite 304, Halifax, NS B3J 1Z8, Canada");
  });

  it("opens Outlook's compose deeplink with the session in UTC", () => {
    const url = new URL(outlookCalendarUrl({ config, reference: REFERENCE, session, locale: "fr" }));
    expect(`${url.origin}${url.pathname}`).toBe("https://outlook.live.com/calendar/0/deeplink/compose");
    expect([...url.searchParams.keys()]).toEqual(["path", "rru", "subject", "startdt", "enddt", "body", "location"]);
    expect(url.searchParams.get("path")).toBe("/calendar/action/compose");
    expect(url.searchParams.get("rru")).toBe("addevent");
    expect(url.searchParams.get("subject")).toBe("Rendez-vous de massothérapie, Harbourview Clinical Massage");
    expect(url.searchParams.get("startdt")).toBe("2026-12-01T14:00:00Z");
    expect(url.searchParams.get("enddt")).toBe("2026-12-01T15:00:00Z");
    expect(url.searchParams.get("body")).toContain("hello@harbourview-massage.example");
  });

  it("encodes spaces as %20, never as a plus sign a calendar would show literally", () => {
    for (const link of [googleCalendarUrl({ config, reference: REFERENCE, session }), outlookCalendarUrl({ config, reference: REFERENCE, session })]) {
      expect(new URL(link).search).not.toContain("+Massage");
      expect(link).toContain("Massage%20appointment");
    }
  });

  it("carries the service and its length, and nothing else about the client", () => {
    const details = new URL(googleCalendarUrl({ config, reference: REFERENCE, session, index: 1, count: 5 })).searchParams.get("details");
    expect(details?.split("\n")).toEqual([
      "Clinical massage, 60 min",
      "Session 2 of 5",
      `Booking reference: ${REFERENCE}`,
      "",
      "Harbourview Clinical Massage",
      "Phone: +1 902-555-0148",
      "Email: hello@harbourview-massage.example",
      "Website: https://harbourview-massage.example",
    ]);
  });
});

describe("where the calendar library is used", () => {
  const root = new URL("../../", import.meta.url).pathname;
  const sourcesUnder = (dir: string): string[] =>
    readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((name) => /\.tsx?$/.test(name))
      .map((name) => join(dir, name));

  it("is imported only by the receiver, so no browser bundle can carry it", () => {
    const importers = ["src", "embed"].flatMap(sourcesUnder).filter((file) => readFileSync(join(root, file), "utf8").includes('"ical-generator"'));
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((file) => !file.startsWith("src/server/"))).toEqual([]);
  });
});
