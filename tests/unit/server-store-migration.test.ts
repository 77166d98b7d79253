import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS, STEP_MS } from "../../src/server/store/migrations";
import { openSqliteStore } from "../../src/server/store/sqlite";
import type { NewBooking } from "../../src/server/store/types";
import { newBooking } from "./fixtures/new-booking";

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "store-migration-"));
  path = join(dir, "bookings.sqlite");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const at = (iso: string) => Date.parse(iso);

/** A database as schema version 1 left it: sessions plus the five-minute cells they blocked. */
function versionOneDatabase(bookings: { id: string; sessions: { start: string; end: string; blockedEnd: string }[] }[]): void {
  const db = new Database(path);
  db.exec(MIGRATIONS[0] ?? "");
  db.pragma("user_version = 1");
  const booking = db.prepare(
    `INSERT INTO bookings (id, reference, kind, status, outcome, created_at, locale, client_name, client_email, client_phone,
       is_new_client, service_id, minutes, therapist_id, currency, list_total, discount_total, total)
     VALUES (?, ?, 'booking', 'confirmed', 'ok', '2026-03-01T12:00:00.000Z', 'en', 'Jo', 'jo@client.example', '1', 1,
       'clinical', 60, 'ana', 'CAD', 100, 0, 100)`,
  );
  const session = db.prepare(
    `INSERT INTO sessions (booking_id, position, therapist_id, start_ms, end_ms, list_price, discount, price)
     VALUES (?, ?, 'ana', ?, ?, 100, 0, 100)`,
  );
  const cell = db.prepare(`INSERT INTO session_steps (therapist_id, step_start_ms, booking_id) VALUES ('ana', ?, ?)`);
  for (const b of bookings) {
    booking.run(b.id, `REF-${b.id}`);
    b.sessions.forEach((s, position) => {
      session.run(b.id, position, at(s.start), at(s.end));
      const first = Math.floor(at(s.start) / STEP_MS) * STEP_MS;
      for (let c = first; c < at(s.blockedEnd); c += STEP_MS) cell.run(c, b.id);
    });
  }
  db.close();
}

function oneSession(id: string, start: string): NewBooking {
  const end = new Date(at(start) + 3_600_000).toISOString();
  const blockedEnd = new Date(at(end) + 900_000).toISOString();
  return newBooking(id, [{ start, end, listPrice: 100, discount: 0, price: 100, dealId: null, therapistId: "ana", blockedStart: start, blockedEnd }]);
}

describe("migrating a version-1 database", () => {
  it("gives each stored session the span its cells blocked, and keeps refusing overlaps with it", async () => {
    versionOneDatabase([
      { id: "old", sessions: [{ start: "2026-03-04T14:00:00.000Z", end: "2026-03-04T15:00:00.000Z", blockedEnd: "2026-03-04T15:15:00.000Z" }] },
      {
        id: "series",
        sessions: [
          { start: "2026-03-05T14:00:00.000Z", end: "2026-03-05T15:00:00.000Z", blockedEnd: "2026-03-05T15:15:00.000Z" },
          { start: "2026-03-12T14:00:00.000Z", end: "2026-03-12T15:00:00.000Z", blockedEnd: "2026-03-12T15:15:00.000Z" },
        ],
      },
    ]);
    const store = openSqliteStore(path);
    try {
      const insert = (b: NewBooking) => store.insertBooking(b, { key: `key-${b.id}-0123456789`, requestHash: `hash-${b.id}`, response: { status: 201, body: "{}" } });
      expect(await insert(oneSession("inside-buffer", "2026-03-04T15:10:00.000Z"))).toEqual({ kind: "slot-taken", index: 0 });
      expect(await insert(oneSession("before", "2026-03-04T12:45:00.000Z"))).toEqual({ kind: "inserted" });
      expect(await insert(oneSession("after-buffer", "2026-03-04T15:15:00.000Z"))).toEqual({ kind: "inserted" });
      expect(await insert(oneSession("between-series", "2026-03-08T14:00:00.000Z"))).toEqual({ kind: "inserted" });
      expect(await insert(oneSession("on-series", "2026-03-12T14:30:00.000Z"))).toEqual({ kind: "slot-taken", index: 0 });
      expect((await store.getBooking("series"))?.sessions.map((s) => s.start)).toEqual(["2026-03-05T14:00:00.000Z", "2026-03-12T14:00:00.000Z"]);
    } finally {
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
      const spans = db.prepare(`SELECT blocked_start_ms AS s, blocked_end_ms AS e FROM sessions WHERE booking_id = 'series' ORDER BY position`).all();
      expect(spans).toEqual([
        { s: at("2026-03-05T14:00:00.000Z"), e: at("2026-03-05T15:15:00.000Z") },
        { s: at("2026-03-12T14:00:00.000Z"), e: at("2026-03-12T15:15:00.000Z") },
      ]);
      expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'session_steps'`).get()).toBeUndefined();
    } finally {
      db.close();
    }
  });
});

describe("migrating a version-4 database", () => {
  it("keeps its sessions booked at SEQUENCE 0, still refusing overlaps, until one is cancelled", async () => {
    versionOneDatabase([
      { id: "old", sessions: [{ start: "2026-03-04T14:00:00.000Z", end: "2026-03-04T15:00:00.000Z", blockedEnd: "2026-03-04T15:15:00.000Z" }] },
    ]);
    const db = new Database(path);
    for (let version = 1; version < 4; version++) db.exec(MIGRATIONS[version] ?? "");
    db.pragma("user_version = 4");
    db.close();

    const store = openSqliteStore(path);
    try {
      const old = await store.getBooking("old");
      expect(old).toMatchObject({ status: "confirmed", promoCode: null, events: [], updatedAt: "2026-03-01T12:00:00.000Z" });
      expect(old?.sessions.map((s) => [s.status, s.sequence])).toEqual([["booked", 0]]);
      const clash = oneSession("new", "2026-03-04T14:30:00.000Z");
      expect(await store.insertBooking(clash, { key: "k1", requestHash: "h", response: { status: 201, body: "{}" } })).toEqual({ kind: "slot-taken", index: 0 });
      await store.cancelSessions({ bookingId: "old", indexes: [0], earliestStart: "2026-03-01T00:00:00.000Z", event: { at: "2026-03-02T12:00:00.000Z", actor: "client", kind: "cancelled", detail: {} } });
      expect(await store.insertBooking(clash, { key: "k2", requestHash: "h", response: { status: 201, body: "{}" } })).toEqual({ kind: "inserted" });
    } finally {
      await store.close();
    }
  });
});
