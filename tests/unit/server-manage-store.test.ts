import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteStore } from "../../src/server/store/sqlite";
import type { BookingEvent, NewBooking, RescheduleChange, SessionMove } from "../../src/server/store/types";
import { newBooking, newSession } from "./fixtures/new-booking";

let dir: string;
let store: SqliteStore;
let counter = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "manage-store-"));
  store = openSqliteStore(join(dir, "bookings.sqlite"));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function booking(starts: string[], therapistId = "ana"): NewBooking {
  counter += 1;
  return newBooking(`b-${counter}`, starts.map((start) => newSession(start, 60, therapistId)));
}
const insert = (b: NewBooking) => store.insertBooking(b, { key: `key-${b.id}`, requestHash: "h", response: { status: 201, body: "{}" } });
const event = (kind: BookingEvent["kind"], at = "2026-03-02T13:00:00.000Z"): BookingEvent => ({ at, actor: "client", kind, detail: {} });
const day = (d: number, hour = 14) => `2026-03-${String(d).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00.000Z`;
const EARLY = "2026-03-01T00:00:00.000Z";

function move(index: number, start: string, sequence = 0, therapistId = "ana"): SessionMove {
  const s = newSession(start, 60, therapistId);
  return { index, therapistId, start: s.start, end: s.end, blockedStart: s.blockedStart, blockedEnd: s.blockedEnd, sequence };
}
function reschedule(b: NewBooking, moves: SessionMove[], key = `r-${b.id}`, requestHash = "rh"): RescheduleChange {
  return {
    bookingId: b.id,
    moves,
    prices: moves.map((m) => ({ index: m.index, listPrice: 8250, discount: 0, price: 8250, dealId: null })),
    totals: { listTotal: 8250 * b.sessions.length, discountTotal: 0, total: 8250 * b.sessions.length, dealId: null },
    event: event("rescheduled"),
    idempotency: { key, requestHash, response: { status: 200, body: `{"moved":"${b.id}"}` } },
  };
}

describe("cancelling sessions", () => {
  it("frees the time at once: the same slot can be booked again", async () => {
    const first = booking([day(4)]);
    await insert(first);
    expect(await store.cancelSessions({ bookingId: first.id, indexes: [0], earliestStart: EARLY, event: event("cancelled") })).toEqual({ kind: "cancelled", indexes: [0] });
    expect(await store.busyIntervals(day(4, 0), day(5, 0))).toEqual([]);
    expect(await insert(booking([day(4)]))).toEqual({ kind: "inserted" });
  });

  it("raises the SEQUENCE, keeps the history, and marks the booking cancelled once every session is", async () => {
    const b = booking([day(4), day(11)]);
    await insert(b);
    await store.cancelSessions({ bookingId: b.id, indexes: [1], earliestStart: EARLY, event: event("cancelled") });
    let stored = await store.getBooking(b.id);
    expect(stored?.status).toBe("confirmed");
    expect(stored).toMatchObject({ listTotal: 8250, total: 8250 });
    expect(stored?.sessions.map((s) => [s.status, s.sequence])).toEqual([["booked", 0], ["cancelled", 1]]);
    await store.cancelSessions({ bookingId: b.id, indexes: [0, 1], earliestStart: EARLY, event: event("cancelled", "2026-03-02T14:00:00.000Z") });
    stored = await store.getBooking(b.id);
    expect(stored?.status).toBe("cancelled");
    expect(stored?.events.map((e) => [e.kind, e.detail])).toEqual([["cancelled", { sessions: [1] }], ["cancelled", { sessions: [0] }]]);
    expect(stored?.updatedAt).toBe("2026-03-02T14:00:00.000Z");
  });

  it("is a no-op for a session already cancelled", async () => {
    const b = booking([day(4)]);
    await insert(b);
    await store.cancelSessions({ bookingId: b.id, indexes: [0], earliestStart: EARLY, event: event("cancelled") });
    expect(await store.cancelSessions({ bookingId: b.id, indexes: [0], earliestStart: EARLY, event: event("cancelled") })).toEqual({ kind: "cancelled", indexes: [] });
    const stored = await store.getBooking(b.id);
    expect(stored?.sessions[0]?.sequence).toBe(1);
    expect(stored?.events).toHaveLength(1);
  });

  it("cancels nothing when one named session is inside its notice", async () => {
    const b = booking([day(4), day(11)]);
    await insert(b);
    const result = await store.cancelSessions({ bookingId: b.id, indexes: [0, 1], earliestStart: day(5), event: event("cancelled") });
    expect(result).toEqual({ kind: "too-late", indexes: [0] });
    expect((await store.getBooking(b.id))?.sessions.map((s) => s.status)).toEqual(["booked", "booked"]);
  });
});

describe("rescheduling sessions", () => {
  it("releases the old time and takes the new one in one step", async () => {
    const b = booking([day(4)]);
    await insert(b);
    expect(await store.rescheduleSessions(reschedule(b, [move(0, day(5))]))).toEqual({ kind: "rescheduled" });
    expect((await store.busyIntervals(day(4, 0), day(6, 0))).map((i) => i.start)).toEqual([day(5)]);
    expect((await store.getBooking(b.id))?.sessions[0]).toMatchObject({ start: day(5), sequence: 1, status: "booked" });
  });

  it("changes nothing when the new time is held by another booking", async () => {
    const b = booking([day(4), day(11)]);
    const other = booking([day(5)]);
    await insert(b);
    await insert(other);
    const result = await store.rescheduleSessions(reschedule(b, [move(0, day(6)), move(1, day(5))]));
    expect(result).toEqual({ kind: "slot-taken", index: 1 });
    expect((await store.getBooking(b.id))?.sessions.map((s) => [s.start, s.sequence])).toEqual([[day(4), 0], [day(11), 0]]);
    expect(await store.findResponse(`r-${b.id}`)).toBeNull();
  });

  it("lets two sessions of one booking trade times", async () => {
    const b = booking([day(4), day(11)]);
    await insert(b);
    expect(await store.rescheduleSessions(reschedule(b, [move(0, day(11)), move(1, day(4))]))).toEqual({ kind: "rescheduled" });
  });

  it("gives one of two bookings moving into the same free slot the slot", async () => {
    const a = booking([day(4)]);
    const c = booking([day(4)], "ben");
    await insert(a);
    await insert(c);
    const results = await Promise.all([
      store.rescheduleSessions(reschedule(a, [move(0, day(6))])),
      store.rescheduleSessions(reschedule(c, [move(0, day(6), 0, "ana")])),
    ]);
    expect(results).toEqual([{ kind: "rescheduled" }, { kind: "slot-taken", index: 0 }]);
    expect((await store.getBooking(c.id))?.sessions[0]).toMatchObject({ start: day(4), therapistId: "ben", sequence: 0 });
  });

  it("refuses a session changed since it was read", async () => {
    const b = booking([day(4)]);
    await insert(b);
    await store.cancelSessions({ bookingId: b.id, indexes: [0], earliestStart: EARLY, event: event("cancelled") });
    expect(await store.rescheduleSessions(reschedule(b, [move(0, day(5), 1)]))).toEqual({ kind: "stale" });
    expect((await store.getBooking(b.id))?.sessions[0]?.status).toBe("cancelled");
  });

  it("replays the first answer for the same key and body, and refuses the key for another body", async () => {
    const b = booking([day(4)]);
    await insert(b);
    await store.rescheduleSessions(reschedule(b, [move(0, day(5))]));
    expect(await store.rescheduleSessions(reschedule(b, [move(0, day(5))]))).toEqual({ kind: "replayed", response: { status: 200, body: `{"moved":"${b.id}"}` } });
    expect(await store.rescheduleSessions(reschedule(b, [move(0, day(6))], `r-${b.id}`, "other"))).toEqual({ kind: "key-reused" });
    expect((await store.getBooking(b.id))?.sessions[0]).toMatchObject({ start: day(5), sequence: 1 });
  });
});

describe("manage tokens", () => {
  it("opens the booking by the token's hash only, and knows its derived calendar tokens", async () => {
    const b = booking([day(4)]);
    await insert(b);
    await store.addManageToken({ bookingId: b.id, tokenHash: "t1", calendarTokenHash: "c1", createdAt: day(2) });
    await store.addManageToken({ bookingId: b.id, tokenHash: "t2", calendarTokenHash: "c2", createdAt: day(2) });
    expect((await store.findBookingByManageToken("t2"))?.id).toBe(b.id);
    expect(await store.findBookingByManageToken("t3")).toBeNull();
    expect(await store.hasCalendarToken(b.id, "c1")).toBe(true);
    expect(await store.hasCalendarToken("b-other", "c1")).toBe(false);
  });
});
