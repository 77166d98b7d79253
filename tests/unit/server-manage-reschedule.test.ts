import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ClinicConfigSchema, compileConfig } from "../../src/core/config";
import { ManageViewSchema, RescheduleQuoteSchema } from "../../src/core/manage";
import { bookAndOpen, manageCall, viewOf } from "./fixtures/manage";
import { NOW, SLOT, SLOT_IN_TWO_WEEKS, SLOT_NEXT_WEEK, bookingRequest, serverConfigInput } from "./fixtures/server-config";
import { harness, postBooking, type Harness } from "./fixtures/server-harness";

const HOUR = 3_600_000;
/** Thursday 5 March 2026 10:00 AST: free for both therapists. */
const NEXT_DAY = "2026-03-05T14:00:00.000Z";
const key = (n: number) => `reschedule-key-${String(n).padStart(8, "0")}`;

let h: Harness;
let now: string;
beforeEach(() => {
  now = NOW;
  h = harness({ clock: () => now });
});
afterEach(async () => {
  await h.cleanup();
});

const move = (token: string, changes: unknown[], idempotencyKey = key(1)) =>
  manageCall(h.app, "/reschedule", token, { changes }, { "Idempotency-Key": idempotencyKey });

describe("POST /api/manage/reschedule", () => {
  it("moves a session: the old time is free at once, the event keeps its UID with a raised SEQUENCE", async () => {
    const { booking, token } = await bookAndOpen(h.app);
    const response = await move(token, [{ index: 0, start: NEXT_DAY, therapistId: "ana" }]);
    expect(response.status).toBe(200);
    const view = ManageViewSchema.parse(await response.json());
    expect(view.sessions[0]).toMatchObject({ start: NEXT_DAY, therapistId: "ana", sequence: 1, status: "booked" });
    expect(await viewOf(h.app, token)).toEqual(view);

    expect((await postBooking(h.app, bookingRequest())).status).toBe(201);

    const [notice] = h.changes;
    expect(notice).toMatchObject({ kind: "rescheduled", changed: [{ index: 0, from: SLOT, to: NEXT_DAY }] });
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(notice?.ics ?? "")).getFirstSubcomponent("vevent") ?? undefined);
    expect(event.uid).toMatch(new RegExp(`^${booking.reference}-0@`));
    expect(event.sequence).toBe(1);
    expect(event.startDate.toJSDate().toISOString()).toBe(NEXT_DAY);
  });

  it("takes any free therapist when none is named", async () => {
    await postBooking(h.app, bookingRequest({ sessions: [{ start: NEXT_DAY }] }));
    const { token } = await bookAndOpen(h.app, { therapistId: "ben" });
    const view = await (await move(token, [{ index: 0, start: NEXT_DAY, therapistId: null }])).json();
    expect(view.sessions[0]).toMatchObject({ start: NEXT_DAY, therapistId: "ben" });
  });

  it("gives one of two bookings rescheduling into the same free slot the slot; the other loses nothing", async () => {
    const first = await bookAndOpen(h.app, { therapistId: "ana" });
    const second = await bookAndOpen(h.app, { therapistId: "ben" });
    const answers = await Promise.all([
      move(first.token, [{ index: 0, start: NEXT_DAY, therapistId: "ana" }]),
      move(second.token, [{ index: 0, start: NEXT_DAY, therapistId: "ana" }]),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const loser = answers[0]?.status === 409 ? first : second;
    const lost = answers.find((a) => a.status === 409);
    expect(await lost?.json()).toEqual({ error: "slot-taken", index: 0 });
    expect((await viewOf(h.app, loser.token)).sessions[0]).toMatchObject({ start: SLOT, sequence: 0, status: "booked" });
    expect(h.changes).toHaveLength(1);
  });

  it("replays the same key and body, and refuses the key for another body", async () => {
    const { token } = await bookAndOpen(h.app);
    const first = await move(token, [{ index: 0, start: NEXT_DAY, therapistId: "ana" }]);
    const again = await move(token, [{ index: 0, start: NEXT_DAY, therapistId: "ana" }]);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(await first.text());
    const other = await move(token, [{ index: 0, start: "2026-03-05T15:00:00.000Z", therapistId: "ana" }]);
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ error: "idempotency-key-reused" });
    expect((await viewOf(h.app, token)).sessions[0]).toMatchObject({ start: NEXT_DAY, sequence: 1 });
    expect(h.changes).toHaveLength(1);
  });

  it("refuses inside the notice with 409 too-late, changing nothing", async () => {
    const { token } = await bookAndOpen(h.app);
    now = new Date(Date.parse(SLOT) - 23 * HOUR).toISOString();
    const response = await move(token, [{ index: 0, start: SLOT_NEXT_WEEK, therapistId: "ana" }]);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: "too-late", indexes: [0], phone: "+1 902 555 0100" });
    expect((await viewOf(h.app, token)).sessions[0]).toMatchObject({ start: SLOT, sequence: 0 });
  });

  it.each([
    ["an unknown session", [{ index: 4, start: NEXT_DAY, therapistId: "ana" }], "unknown-session"],
    ["a time outside the hours", [{ index: 0, start: "2026-03-05T06:00:00.000Z", therapistId: "ana" }], "slot-unavailable"],
    ["a time too soon", [{ index: 0, start: "2026-03-02T18:00:00.000Z", therapistId: "ana" }], "slot-unavailable"],
    ["an unknown therapist", [{ index: 0, start: NEXT_DAY, therapistId: "zoe" }], "slot-unavailable"],
  ])("answers 422 for %s, changing nothing", async (_, changes, code) => {
    const { token } = await bookAndOpen(h.app);
    const response = await move(token, changes);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: "invalid", issues: [expect.objectContaining({ code })] });
    expect((await viewOf(h.app, token)).sessions[0]).toMatchObject({ start: SLOT, sequence: 0 });
  });

  it("answers 422 for a cancelled session, and 422 without an Idempotency-Key", async () => {
    const { token } = await bookAndOpen(h.app);
    expect((await manageCall(h.app, "/reschedule", token, { changes: [{ index: 0, start: NEXT_DAY, therapistId: "ana" }] })).status).toBe(422);
    await manageCall(h.app, "/cancel", token, { sessions: "all" });
    const response = await move(token, [{ index: 0, start: NEXT_DAY, therapistId: "ana" }]);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ issues: [expect.objectContaining({ code: "session-cancelled" })] });
  });

  it("answers 404 for a wrong token", async () => {
    await bookAndOpen(h.app);
    expect((await move("B".repeat(43), [{ index: 0, start: NEXT_DAY, therapistId: "ana" }])).status).toBe(404);
  });
});

describe("POST /api/manage/reschedule/quote", () => {
  const secondFree = {
    ...serverConfigInput,
    deals: [{ id: "second-free", kind: "every-nth-free" as const, name: { en: "Second one free", fr: "La deuxième offerte" }, n: 2, maxGapDays: 7 }],
  };

  it("says what a move does to the price before it is confirmed, and the move then charges that", async () => {
    await h.cleanup();
    h = harness({ clock: () => now, config: compileConfig(ClinicConfigSchema.parse(secondFree)) });
    const { token } = await bookAndOpen(h.app, { sessions: [{ start: SLOT }, { start: SLOT_NEXT_WEEK }], quotedTotal: 8250, quotedDealId: "second-free" });

    const quoted = await manageCall(h.app, "/reschedule/quote", token, { changes: [{ index: 1, start: SLOT_IN_TWO_WEEKS, therapistId: "ana" }] });
    expect(quoted.status).toBe(200);
    expect(RescheduleQuoteSchema.parse(await quoted.json())).toEqual({
      before: { total: 8250, deal: { id: "second-free", name: { en: "Second one free", fr: "La deuxième offerte" } } },
      after: { total: 16500, deal: null, lines: [{ index: 0, listPrice: 8250, price: 8250 }, { index: 1, listPrice: 8250, price: 8250 }] },
      changed: true,
    });
    expect((await viewOf(h.app, token)).total).toBe(8250);

    const moved = await (await move(token, [{ index: 1, start: SLOT_IN_TWO_WEEKS, therapistId: "ana" }])).json();
    expect(moved).toMatchObject({ total: 16500, deal: null });
  });

  it("answers 422 for a session inside its notice, an unknown index or a cancelled session", async () => {
    const { token } = await bookAndOpen(h.app, { sessions: [{ start: SLOT }, { start: SLOT_NEXT_WEEK }], quotedTotal: 16500 });
    await manageCall(h.app, "/cancel", token, { sessions: [1] });
    now = new Date(Date.parse(SLOT) - 23 * HOUR).toISOString();
    for (const [index, code] of [[0, "too-late"], [5, "unknown-session"], [1, "session-cancelled"]] as const) {
      const response = await manageCall(h.app, "/reschedule/quote", token, { changes: [{ index, start: SLOT_IN_TWO_WEEKS, therapistId: "ana" }] });
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ issues: [expect.objectContaining({ code })] });
    }
  });
});
