import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/server/store/migrations";
import { openSqliteStore, type SqliteStore } from "../../src/server/store/sqlite";
import type { NewBooking, NewSession } from "../../src/server/store/types";
import { newBooking, newSession } from "./fixtures/new-booking";

let dir: string;
let path: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "store-"));
  path = join(dir, "bookings.sqlite");
  store = openSqliteStore(path);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;

const session = newSession;

function booking(sessions: NewSession[]): NewBooking {
  counter += 1;
  return newBooking(`booking-${counter}`, sessions, { createdAt: `2026-03-02T12:00:${String(counter % 60).padStart(2, "0")}.000Z` });
}

const insert = (target: SqliteStore, b: NewBooking, key = `key-${b.id}`) =>
  target.insertBooking(b, { key, requestHash: `hash-${b.id}`, response: { status: 201, body: JSON.stringify({ id: b.id }) } });

describe("the SQLite store", () => {
  it("migrates to the latest schema version in WAL mode", () => {
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      db.close();
    }
  });

  it("refuses an overlapping session for the same therapist, whatever the caller checked before", async () => {
    expect(await insert(store, booking([session("2026-03-04T14:00:00.000Z")]))).toEqual({ kind: "inserted" });
    // Starts inside the first one's after-buffer (15:00–15:15).
    expect(await insert(store, booking([session("2026-03-04T15:10:00.000Z")]))).toEqual({ kind: "slot-taken", index: 0 });
    // Another therapist, same time: fine.
    expect(await insert(store, booking([session("2026-03-04T14:00:00.000Z", 60, "ben")]))).toEqual({ kind: "inserted" });
    // Right after the buffer: fine.
    expect(await insert(store, booking([session("2026-03-04T15:15:00.000Z")]))).toEqual({ kind: "inserted" });
  });

  it("holds across two connections to the same file (two server processes)", async () => {
    const other = openSqliteStore(path);
    try {
      expect(await insert(store, booking([session("2026-03-04T14:00:00.000Z")]))).toEqual({ kind: "inserted" });
      expect(await insert(other, booking([session("2026-03-04T14:30:00.000Z")]))).toEqual({ kind: "slot-taken", index: 0 });
    } finally {
      await other.close();
    }
  });

  it("writes a series entirely or not at all", async () => {
    await insert(store, booking([session("2026-03-18T13:00:00.000Z")]));
    const series = booking([session("2026-03-04T14:00:00.000Z"), session("2026-03-11T13:00:00.000Z"), session("2026-03-18T13:00:00.000Z")]);
    expect(await insert(store, series)).toEqual({ kind: "slot-taken", index: 2 });
    expect(await store.getBooking(series.id)).toBeNull();
    expect(await store.findResponse(`key-${series.id}`)).toBeNull();
    expect(await store.busyIntervals("2026-03-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z")).toHaveLength(1);
  });

  it("keeps one booking per idempotency key: replays the first answer to the same request, refuses another", async () => {
    const claim = (b: NewBooking, requestHash: string) => ({ key: "same-key-0123456789", requestHash, response: { status: 201, body: JSON.stringify({ id: b.id }) } });
    const first = booking([session("2026-03-04T14:00:00.000Z")]);
    await store.insertBooking(first, claim(first, "hash-a"));
    const retry = booking([session("2026-03-05T14:00:00.000Z")]);
    expect(await store.insertBooking(retry, claim(retry, "hash-a"))).toEqual({
      kind: "replayed",
      response: { status: 201, body: JSON.stringify({ id: first.id }) },
    });
    const reuse = booking([session("2026-03-06T14:00:00.000Z")]);
    expect(await store.insertBooking(reuse, claim(reuse, "hash-b"))).toEqual({ kind: "key-reused" });
    expect(await store.getBooking(retry.id)).toBeNull();
    expect(await store.getBooking(reuse.id)).toBeNull();
    expect(await store.findResponse("same-key-0123456789")).toEqual({ status: 201, body: JSON.stringify({ id: first.id }), requestHash: "hash-a" });
  });

  it("replays a key stored before request hashes were kept, whatever the repeat's hash", async () => {
    const first = booking([session("2026-03-04T14:00:00.000Z")]);
    await insert(store, first, "legacy-key-0123456789");
    await store.close();
    const db = new Database(path);
    db.prepare(`UPDATE idempotency_keys SET request_hash = NULL`).run();
    db.close();
    store = openSqliteStore(path);
    const repeat = booking([session("2026-03-05T14:00:00.000Z")]);
    expect(await insert(store, repeat, "legacy-key-0123456789")).toEqual({ kind: "replayed", response: { status: 201, body: JSON.stringify({ id: first.id }) } });
  });

  it("returns sessions overlapping a span, without buffers", async () => {
    await insert(store, booking([session("2026-03-04T14:00:00.000Z")]));
    expect(await store.busyIntervals("2026-03-04T15:00:00.000Z", "2026-03-05T00:00:00.000Z")).toEqual([]);
    expect(await store.busyIntervals("2026-03-04T14:59:00.000Z", "2026-03-05T00:00:00.000Z")).toEqual([
      { therapistId: "ana", start: "2026-03-04T14:00:00.000Z", end: "2026-03-04T15:00:00.000Z" },
    ]);
  });

  it("reads back the intake kept apart from the booking", async () => {
    const b = booking([session("2026-03-04T14:00:00.000Z")]);
    await insert(store, b);
    const { sessions, manageTokens: _written, ...expected } = b;
    const stored = await store.getBooking(b.id);
    expect(stored).toMatchObject(expected);
    expect(stored?.sessions).toEqual(
      sessions.map(({ start, end, listPrice, discount, price, dealId, therapistId }, index) => ({
        index, therapistId, status: "booked", sequence: 0, start, end, listPrice, discount, price, dealId,
      })),
    );
  });

  it("finds a booking by its reference, and nothing for a reference it never gave", async () => {
    const b = booking([session("2026-03-04T14:00:00.000Z")]);
    await insert(store, booking([session("2026-03-05T14:00:00.000Z")]));
    await insert(store, b);
    expect((await store.findBookingByReference(b.reference))?.id).toBe(b.id);
    expect(await store.findBookingByReference("REF-NONE")).toBeNull();
  });

  it("gives one of many bookings sent at once for the same time the slot, and the others slot-taken", async () => {
    const racers = Array.from({ length: 12 }, () => booking([session("2026-03-06T14:00:00.000Z")]));
    const results = await Promise.all(racers.map((b) => insert(store, b)));
    expect(results.filter((r) => r.kind === "inserted")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "slot-taken")).toHaveLength(11);
    expect(await store.busyIntervals("2026-03-06T00:00:00.000Z", "2026-03-07T00:00:00.000Z")).toHaveLength(1);
  });

  it("fails a booking that breaks a constraint alone: the bookings written with it are kept", async () => {
    const stored = booking([session("2026-03-09T14:00:00.000Z")]);
    await insert(store, stored);
    const clash = { ...booking([session("2026-03-10T14:00:00.000Z")]), reference: stored.reference };
    const [before, broken, after] = [booking([session("2026-03-11T14:00:00.000Z")]), clash, booking([session("2026-03-12T14:00:00.000Z")])];
    const results = await Promise.allSettled([insert(store, before), insert(store, broken), insert(store, after)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint failed: bookings.reference/);
    expect(await store.getBooking(before.id)).not.toBeNull();
    expect(await store.getBooking(after.id)).not.toBeNull();
    expect(await store.getBooking(broken.id)).toBeNull();
    expect(await store.findResponse(`key-${broken.id}`)).toBeNull();
  });

  it("finishes the writes in flight before closing", async () => {
    const pending = ["2026-03-16", "2026-03-17", "2026-03-18"].map((day) => insert(store, booking([session(`${day}T14:00:00.000Z`)])));
    await store.close();
    expect(await Promise.all(pending)).toEqual([{ kind: "inserted" }, { kind: "inserted" }, { kind: "inserted" }]);
    store = openSqliteStore(path);
    expect(await store.listBookings()).toHaveLength(3);
  });

  it("takes a consistent backup while open", async () => {
    await insert(store, booking([session("2026-03-04T14:00:00.000Z")]));
    const copy = join(dir, "backup.sqlite");
    await store.backup(copy);
    const restored = openSqliteStore(copy);
    try {
      expect(await restored.listBookings()).toHaveLength(1);
    } finally {
      await restored.close();
    }
  });
});

describe("the overlap guard", () => {
  const minute = 60_000;
  const base = Date.parse("2026-03-02T00:00:00.000Z");
  // Any minute over ten days, blocking up to 16 hours (a 480-minute session with both buffers at 240).
  const span = fc.record({
    therapist: fc.constantFrom("ana", "ben"),
    start: fc.integer({ min: 0, max: 14_400 }),
    length: fc.integer({ min: 1, max: 960 }),
  });

  function blocking(therapistId: string, startMs: number, endMs: number): NewSession {
    const start = new Date(startMs).toISOString();
    const end = new Date(endMs).toISOString();
    return { start, end, listPrice: 100, discount: 0, price: 100, dealId: null, therapistId, blockedStart: start, blockedEnd: end };
  }

  it("accepts a span exactly when it overlaps no accepted span of the same therapist", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(span, { minLength: 1, maxLength: 25 }), async (spans) => {
        const fresh = openSqliteStore(":memory:");
        try {
          const accepted: { therapist: string; start: number; end: number }[] = [];
          for (const { therapist, start, length } of spans) {
            const [startMs, endMs] = [base + start * minute, base + (start + length) * minute];
            const clash = accepted.some((a) => a.therapist === therapist && a.start < endMs && startMs < a.end);
            const result = await insert(fresh, booking([blocking(therapist, startMs, endMs)]));
            expect(result).toEqual(clash ? { kind: "slot-taken", index: 0 } : { kind: "inserted" });
            if (!clash) accepted.push({ therapist, start: startMs, end: endMs });
          }
        } finally {
          await fresh.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it("refuses an update that would make two sessions overlap", async () => {
    await insert(store, booking([session("2026-03-04T14:00:00.000Z")]));
    const later = booking([session("2026-03-04T16:00:00.000Z")]);
    await insert(store, later);
    await store.close();
    const db = new Database(path);
    try {
      const move = db.prepare(`UPDATE sessions SET blocked_start_ms = blocked_start_ms - 3600000 WHERE booking_id = ?`);
      expect(() => move.run(later.id)).toThrow("slot-taken");
      const shorten = db.prepare(`UPDATE sessions SET blocked_end_ms = blocked_end_ms - 600000 WHERE booking_id = ?`);
      expect(shorten.run(later.id).changes).toBe(1);
    } finally {
      db.close();
      store = openSqliteStore(path);
    }
  });

  it("refuses a blocked span longer than a day, which the overlap search could not see past", async () => {
    const start = Date.parse("2026-03-04T00:00:00.000Z");
    await expect(insert(store, booking([blocking("ana", start, start + 25 * 3_600_000)]))).rejects.toThrow(/CHECK/);
  });
});
