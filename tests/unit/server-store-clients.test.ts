import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/server/store/migrations";
import { openSqliteStore } from "../../src/server/store/sqlite";

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "store-clients-"));
  path = join(dir, "bookings.sqlite");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The schema version just before the returning-client migration. */
const BEFORE_CLIENTS = MIGRATIONS.findIndex((sql) => sql.includes("CREATE TABLE client_codes"));

describe("the returning-client migration", () => {
  it("backfills the normalised email of bookings stored before it, so their clients are found", async () => {
    expect(BEFORE_CLIENTS).toBeGreaterThanOrEqual(4);
    const db = new Database(path);
    for (const sql of MIGRATIONS.slice(0, BEFORE_CLIENTS)) db.exec(sql);
    db.pragma(`user_version = ${BEFORE_CLIENTS}`);
    const insert = db.prepare(
      `INSERT INTO bookings (id, reference, kind, status, outcome, created_at, locale, client_name, client_email, client_phone,
         is_new_client, service_id, minutes, therapist_id, currency, list_total, discount_total, total)
       VALUES (?, ?, ?, 'confirmed', 'ok', ?, 'en', ?, ?, '902 555 0100', 1, 'clinical', 60, 'ana', 'CAD', 100, 0, 100)`,
    );
    insert.run("a", "REF-A", "booking", "2026-03-01T12:00:00.000Z", "Jo Old", " Jo@Client.Example");
    insert.run("b", "REF-B", "callback", "2026-03-02T12:00:00.000Z", "Jo Newer", "jo@client.example");
    db.prepare(
      `INSERT INTO intakes (booking_id, mode, answers_json, reasons_json, areas_to_avoid_json, clearance_confirmed, consent_json)
       VALUES ('a', 'full', '{}', '[]', '[]', 0, '{}')`,
    ).run();
    db.close();

    const store = openSqliteStore(path);
    try {
      expect(await store.clientHistory("jo@client.example")).toEqual({
        bookings: 1,
        lastFullIntakeAt: "2026-03-01T12:00:00.000Z",
        contact: { name: "Jo Newer", phone: "902 555 0100" },
      });
      expect(await store.clientHistory("nobody@client.example")).toEqual({ bookings: 0, lastFullIntakeAt: null, contact: null });
    } finally {
      await store.close();
    }
  });
});
