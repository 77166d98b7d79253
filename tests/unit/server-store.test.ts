import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS, STEP_MS, stepsCovering } from "../../src/server/store/migrations";
import { openSqliteStore, type SqliteStore } from "../../src/server/store/sqlite";
import type { NewBooking, NewSession } from "../../src/server/store/types";

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

function session(start: string, minutes = 60, therapistId = "ana", afterBufferMinutes = 15): NewSession {
  const startMs = Date.parse(start);
  const end = new Date(startMs + minutes * 60_000).toISOString();
  return {
    start,
    end,
    listPrice: 8250,
    discount: 0,
    price: 8250,
    dealId: null,
    therapistId,
    blockedStart: start,
    blockedEnd: new Date(Date.parse(end) + afterBufferMinutes * 60_000).toISOString(),
  };
}

function booking(sessions: NewSession[]): NewBooking {
  counter += 1;
  return {
    id: `booking-${counter}`,
    reference: `REF-${counter}`,
    kind: "booking",
    status: "confirmed",
    outcome: "ok",
    createdAt: `2026-03-02T12:00:${String(counter % 60).padStart(2, "0")}.000Z`,
    locale: "en",
    client: { name: "Jo", email: "jo@client.example", phone: "+1 902 555 0199", isNewClient: true },
    serviceId: "clinical",
    minutes: 60,
    therapistId: sessions[0]?.therapistId ?? null,
    currency: "CAD",
    listTotal: 8250 * sessions.length,
    discountTotal: 0,
    total: 8250 * sessions.length,
    dealId: null,
    calendarTokenHash: null,
    sessions,
    intake: {
      mode: "full",
      answers: { notes: "private" },
      reasons: [],
      areasToAvoid: [],
      clearanceConfirmed: false,
      consent: { healthDataAt: "2026-03-02T12:00:00.000Z", sensitiveAreas: [] },
      callbackNote: null,
    },
  };
}

const insert = (target: SqliteStore, b: NewBooking, key = `key-${b.id}`) =>
  target.insertBooking(b, { key, response: { status: 201, body: JSON.stringify({ id: b.id }) } });

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

  it("keeps one booking per idempotency key and replays the first answer", async () => {
    const first = booking([session("2026-03-04T14:00:00.000Z")]);
    await insert(store, first, "same-key-0123456789");
    const twin = booking([session("2026-03-05T14:00:00.000Z")]);
    expect(await insert(store, twin, "same-key-0123456789")).toEqual({
      kind: "replayed",
      response: { status: 201, body: JSON.stringify({ id: first.id }) },
    });
    expect(await store.getBooking(twin.id)).toBeNull();
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
    const { sessions, ...expected } = b;
    const stored = await store.getBooking(b.id);
    expect(stored).toMatchObject(expected);
    expect(stored?.sessions).toEqual(sessions.map(({ start, end, listPrice, discount, price, dealId }) => ({ start, end, listPrice, discount, price, dealId })));
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

describe("the occupancy grid", () => {
  const minute = 60_000;
  const span = fc
    .record({ start: fc.integer({ min: 0, max: 10_000 }), length: fc.integer({ min: 1, max: 600 }) })
    .map(({ start, length }) => ({ start: start * minute, end: (start + length) * minute }));

  it("gives any two overlapping spans a common cell: the key cannot let them both in", () => {
    fc.assert(
      fc.property(span, span, (a, b) => {
        const overlap = a.start < b.end && b.start < a.end;
        const cellsA = new Set(stepsCovering(a.start, a.end));
        const shared = stepsCovering(b.start, b.end).some((s) => cellsA.has(s));
        return !overlap || shared;
      }),
    );
  });

  it("gives spans on the 5-minute grid a common cell only when they overlap: no false conflict", () => {
    const aligned = span.map(({ start, end }) => ({ start: Math.floor(start / STEP_MS) * STEP_MS, end: Math.ceil(end / STEP_MS) * STEP_MS }));
    fc.assert(
      fc.property(aligned, aligned, (a, b) => {
        const overlap = a.start < b.end && b.start < a.end;
        const cellsA = new Set(stepsCovering(a.start, a.end));
        const shared = stepsCovering(b.start, b.end).some((s) => cellsA.has(s));
        return overlap === shared;
      }),
    );
  });
});
