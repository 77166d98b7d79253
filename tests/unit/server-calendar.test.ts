import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BookingSchema } from "../../src/core/booking";
import { SECRET_ANSWER, SLOT, SLOT_NEXT_WEEK, bookingRequest } from "./fixtures/server-config";
import { harness, postBooking, type Harness } from "./fixtures/server-harness";

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(async () => {
  await h.cleanup();
});

async function book() {
  const response = await postBooking(h.app, bookingRequest({ sessions: [{ start: SLOT }, { start: SLOT_NEXT_WEEK }], quotedTotal: 16500 }));
  return BookingSchema.parse(await response.json());
}

describe("GET /api/bookings/:id/calendar.ics", () => {
  it("serves the booking's calendar with the right token", async () => {
    const booking = await book();
    const response = await h.app.request(booking.calendarUrl ?? "");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = await response.text();
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([SLOT, SLOT_NEXT_WEEK]);
    expect(ics).not.toContain(SECRET_ANSWER);
  });

  it("answers 404 without the token, with a wrong one, or for an unknown booking", async () => {
    const booking = await book();
    const url = new URL(booking.calendarUrl ?? "");
    const token = url.searchParams.get("token") ?? "";
    const wrong = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const attempt of [
      url.pathname,
      `${url.pathname}?token=`,
      `${url.pathname}?token=${wrong}`,
      `/api/bookings/not-a-booking/calendar.ics?token=${token}`,
    ]) {
      expect((await h.app.request(`http://localhost${attempt}`)).status, attempt).toBe(404);
    }
  });

  it("never logs the token", async () => {
    const booking = await book();
    await h.app.request(booking.calendarUrl ?? "");
    const token = new URL(booking.calendarUrl ?? "").searchParams.get("token") ?? "";
    expect(JSON.stringify(h.logs)).not.toContain(token);
  });
});

describe("GET /api/availability", () => {
  it("lists busy sessions for clinic dates, without client details", async () => {
    await book();
    const response = await h.app.request("http://localhost/api/availability?from=2026-03-04&to=2026-03-04");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      busy: [{ therapistId: "ana", start: SLOT, end: "2026-03-04T15:00:00.000Z" }],
    });
  });

  it("accepts the UTC instants the widget sends", async () => {
    await book();
    const response = await h.app.request(
      "http://localhost/api/availability?from=2026-03-10T00:00:00.000Z&to=2026-03-13T00:00:00.000Z",
    );
    expect(((await response.json()) as { busy: unknown[] }).busy).toEqual([
      { therapistId: "ana", start: SLOT_NEXT_WEEK, end: "2026-03-11T14:00:00.000Z" },
    ]);
  });

  it.each([
    ["", "from"],
    ["?from=2026-03-04", "to"],
    ["?from=2026-02-30&to=2026-03-04", "from"],
    ["?from=tomorrow&to=2026-03-04", "from"],
    ["?from=2026-03-05&to=2026-03-04", "to"],
    ["?from=2026-01-01&to=2026-06-01", "to"],
  ])("refuses %s with 422 at %s", async (query, path) => {
    const response = await h.app.request(`http://localhost/api/availability${query}`);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: string; issues: { path: string }[] };
    expect(body.error).toBe("invalid");
    expect(body.issues.map((i) => i.path)).toContain(path);
  });

  it("allows 120 days", async () => {
    const response = await h.app.request("http://localhost/api/availability?from=2026-03-01&to=2026-06-28");
    expect(response.status).toBe(200);
  });
});
