import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TooLateBodySchema } from "../../src/core/manage";
import { bookAndOpen, icsLines, manageCall, viewOf } from "./fixtures/manage";
import { NOW, SECRET_ANSWER, SLOT, SLOT_NEXT_WEEK, bookingRequest } from "./fixtures/server-config";
import { INBOX_TOKEN, harness, postBooking, type Harness } from "./fixtures/server-harness";

const HOUR = 3_600_000;
let h: Harness;
let now: string;

beforeEach(() => {
  now = NOW;
  h = harness({ clock: () => now });
});
afterEach(async () => {
  await h.cleanup();
});

describe("GET /api/manage", () => {
  it("opens the booking by the token of the 201's manage link, without health answers", async () => {
    const { booking, token } = await bookAndOpen(h.app);
    expect(booking.manageUrl).toMatch(/^http:\/\/localhost\/manage#token=[A-Za-z0-9_-]{43}$/);
    const response = await manageCall(h.app, "", token);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(SECRET_ANSWER);
    const view = await viewOf(h.app, token);
    expect(view).toMatchObject({ reference: booking.reference, status: "confirmed", total: 8250, cancellationNoticeHours: 24, deal: null });
    expect(view.clinic).toEqual({ name: "Harbour Massage Therapy", phone: "+1 902 555 0100", email: "desk@harbour.example" });
    expect(view.sessions).toEqual([
      expect.objectContaining({
        index: 0, start: SLOT, therapistId: "ana", status: "booked", sequence: 0, canCancel: true, canReschedule: true,
        changeableUntil: new Date(Date.parse(SLOT) - 24 * HOUR).toISOString(),
      }),
    ]);
  });

  it.each([
    ["no token", null],
    ["an unknown token", "A".repeat(43)],
    ["a malformed token", "not a token!"],
  ])("answers 404 booking-not-found for %s", async (_, token) => {
    await bookAndOpen(h.app);
    const response = await manageCall(h.app, "", token);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "booking-not-found", message: expect.stringContaining("not valid") });
  });

  it("does not take the calendar token as a manage token", async () => {
    const { booking } = await bookAndOpen(h.app);
    const calendarToken = new URL(booking.calendarUrl ?? "").searchParams.get("token");
    expect((await manageCall(h.app, "", calendarToken)).status).toBe(404);
  });
});

describe("POST /api/manage/cancel", () => {
  it("cancels within the notice, frees the time at once, and repeats as a no-op", async () => {
    const { token } = await bookAndOpen(h.app);
    const first = await manageCall(h.app, "/cancel", token, { sessions: "all" });
    expect(first.status).toBe(200);
    const view = await first.json();
    expect(view).toMatchObject({ status: "cancelled", total: 0 });
    expect(view.sessions[0]).toMatchObject({ status: "cancelled", sequence: 1, canCancel: false });

    const again = await manageCall(h.app, "/cancel", token, { sessions: [0] });
    expect(again.status).toBe(200);
    expect((await again.json()).sessions[0]).toMatchObject({ status: "cancelled", sequence: 1 });
    expect(h.changes.map((c) => c.kind)).toEqual(["cancelled"]);

    expect((await postBooking(h.app, bookingRequest())).status).toBe(201);
  });

  it("refuses inside the notice with the clinic's phone and policy, changing nothing", async () => {
    const { token } = await bookAndOpen(h.app);
    now = new Date(Date.parse(SLOT) - 24 * HOUR + 1).toISOString();
    const response = await manageCall(h.app, "/cancel", token, { sessions: [0] });
    expect(response.status).toBe(409);
    expect(TooLateBodySchema.parse(await response.json())).toMatchObject({
      phone: "+1 902 555 0100",
      policy: { en: "Cancel at least 24 hours ahead.", fr: "Annulez au moins 24 heures à l'avance." },
      indexes: [0],
    });
    expect((await viewOf(h.app, token)).sessions[0]).toMatchObject({ status: "booked", sequence: 0, canCancel: false });
    expect(h.changes).toEqual([]);
  });

  it("cancels up to the last instant of the window", async () => {
    const { token } = await bookAndOpen(h.app);
    now = new Date(Date.parse(SLOT) - 24 * HOUR).toISOString();
    expect((await manageCall(h.app, "/cancel", token, { sessions: [0] })).status).toBe(200);
  });

  it("cancels one session of a series and keeps the other", async () => {
    const { token } = await bookAndOpen(h.app, { sessions: [{ start: SLOT }, { start: SLOT_NEXT_WEEK }], quotedTotal: 16500 });
    const view = await (await manageCall(h.app, "/cancel", token, { sessions: [1] })).json();
    expect(view.status).toBe("confirmed");
    expect(view.sessions.map((s: { status: string }) => s.status)).toEqual(["booked", "cancelled"]);
    expect(view.total).toBe(8250);
  });

  it.each([
    ["an unknown session", { sessions: [3] }],
    ["an empty list", { sessions: [] }],
    ["a body of the wrong shape", { sessions: "some" }],
  ])("answers 422 for %s, changing nothing", async (_, body) => {
    const { token } = await bookAndOpen(h.app);
    const response = await manageCall(h.app, "/cancel", token, body);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: "invalid", issues: [expect.objectContaining({ path: "sessions" })] });
    expect((await viewOf(h.app, token)).sessions[0]?.status).toBe("booked");
  });

  it("answers 404 for a wrong token, changing nothing", async () => {
    const { token } = await bookAndOpen(h.app);
    expect((await manageCall(h.app, "/cancel", `${token.slice(0, -2)}xx`, { sessions: "all" })).status).toBe(404);
    expect((await viewOf(h.app, token)).status).toBe("confirmed");
  });

  it("sends the client a CANCEL calendar file both parsers read, with the same UID and a raised SEQUENCE", async () => {
    const { booking, token } = await bookAndOpen(h.app);
    const original = await (await h.app.request(booking.calendarUrl ?? "")).text();
    const uid = new ICAL.Event(new ICAL.Component(ICAL.parse(original)).getFirstSubcomponent("vevent") ?? undefined).uid;
    await manageCall(h.app, "/cancel", token, { sessions: "all" });
    const [notice] = h.changes;
    const calendar = new ICAL.Component(ICAL.parse(notice?.ics ?? ""));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    const event = calendar.getFirstSubcomponent("vevent");
    expect(event?.getFirstPropertyValue("uid")).toBe(uid);
    expect(event?.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event?.getFirstPropertyValue("sequence")).toBe(1);
    const lines = icsLines(notice?.ics ?? "");
    expect(lines).toEqual(expect.arrayContaining([["METHOD", "CANCEL"], ["UID", uid], ["STATUS", "CANCELLED"], ["SEQUENCE", "1"]]));
  });

  it("serves the current state at the view's calendar link and the 201's", async () => {
    const { booking, token } = await bookAndOpen(h.app);
    await manageCall(h.app, "/cancel", token, { sessions: "all" });
    const view = await viewOf(h.app, token);
    for (const url of [view.calendarUrl, booking.calendarUrl ?? ""]) {
      const response = await h.app.request(url);
      expect(response.status).toBe(200);
      const lines = icsLines(await response.text());
      expect(lines).toEqual(expect.arrayContaining([["METHOD", "CANCEL"], ["STATUS", "CANCELLED"], ["SEQUENCE", "1"]]));
    }
    expect(view.calendarUrl).not.toContain(token);
  });
});

describe("the inbox after a change", () => {
  const inbox = (path: string) => h.app.request(`http://localhost${path}`, { headers: { Authorization: `Bearer ${INBOX_TOKEN}` } });

  it("marks a cancelled booking in the list and shows the sessions' states and the history on its page", async () => {
    const { booking, token } = await bookAndOpen(h.app, { sessions: [{ start: SLOT }, { start: SLOT_NEXT_WEEK }], quotedTotal: 16500 });
    await manageCall(h.app, "/cancel", token, { sessions: [1] });
    const detail = await (await inbox(`/inbox/bookings/${booking.id}`)).text();
    expect(detail).toContain("(cancelled)");
    expect(detail).toContain("<h2>History</h2>");
    expect(detail).toContain("cancelled by the client: session 2");

    await manageCall(h.app, "/cancel", token, { sessions: "all" });
    const list = await (await inbox("/inbox")).text();
    expect(list).toMatch(/<tr class="[^"]*cancelled[^"]*">/);
    expect(list).toContain("<strong>cancelled</strong>");
  });
});

describe("rate limits", () => {
  it("limits the manage routes per client address, like bookings", async () => {
    await h.cleanup();
    h = harness({ clock: () => now, postsPerMinute: 3 });
    const { token } = await bookAndOpen(h.app);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await manageCall(h.app, i % 2 === 0 ? "" : "/cancel", token, i % 2 === 0 ? undefined : { sessions: [9] })).status);
    expect(statuses).toEqual([200, 422, 200, 429]);
  });
});
