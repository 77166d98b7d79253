import type Database from "better-sqlite3";

/**
 * Grain of the occupancy grid. Every occupied span is stored as the grid cells it touches, so
 * two spans that share any instant share a cell and the primary key refuses the second. Five
 * minutes is the smallest slot step a config may set; spans whose edges fall between grid lines
 * are rounded outwards, which can refuse a neighbour touching the same cell but never lets two
 * sessions overlap.
 */
export const STEP_MS = 5 * 60_000;

/** Applied in order; `PRAGMA user_version` records how many ran. Never edit one that shipped. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE bookings (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('booking', 'callback')),
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'needs-review')),
    outcome TEXT NOT NULL,
    created_at TEXT NOT NULL,
    locale TEXT NOT NULL,
    client_name TEXT NOT NULL,
    client_email TEXT NOT NULL,
    client_phone TEXT NOT NULL,
    is_new_client INTEGER NOT NULL,
    service_id TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    therapist_id TEXT,
    currency TEXT NOT NULL,
    list_total INTEGER NOT NULL,
    discount_total INTEGER NOT NULL,
    total INTEGER NOT NULL,
    deal_id TEXT,
    calendar_token_hash TEXT
  );
  CREATE INDEX bookings_by_created_at ON bookings (created_at);

  CREATE TABLE intakes (
    booking_id TEXT PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
    mode TEXT NOT NULL,
    answers_json TEXT NOT NULL,
    reasons_json TEXT NOT NULL,
    areas_to_avoid_json TEXT NOT NULL,
    clearance_confirmed INTEGER NOT NULL,
    consent_json TEXT NOT NULL,
    callback_note TEXT
  );

  CREATE TABLE sessions (
    booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    therapist_id TEXT NOT NULL,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL,
    list_price INTEGER NOT NULL,
    discount INTEGER NOT NULL,
    price INTEGER NOT NULL,
    deal_id TEXT,
    PRIMARY KEY (booking_id, position),
    CHECK (end_ms > start_ms)
  );
  CREATE INDEX sessions_by_start ON sessions (start_ms);

  -- One row per grid cell a therapist is occupied (sessions with their buffers). The primary key
  -- is the double-booking guard: no read-then-write, the insert itself fails.
  CREATE TABLE session_steps (
    therapist_id TEXT NOT NULL,
    step_start_ms INTEGER NOT NULL CHECK (step_start_ms % ${STEP_MS} = 0),
    booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    PRIMARY KEY (therapist_id, step_start_ms)
  ) WITHOUT ROWID;
  CREATE INDEX session_steps_by_booking ON session_steps (booking_id);

  -- The key row is written first in the booking's transaction, so its booking row comes later:
  -- hence the deferred foreign key.
  CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
];

export function migrate(db: Database.Database): void {
  const current = Number(db.pragma("user_version", { simple: true }));
  if (current > MIGRATIONS.length) {
    throw new Error(`the database is at schema version ${current}, newer than this server (${MIGRATIONS.length})`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    const sql = MIGRATIONS[version] ?? "";
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}

/** Start of every grid cell the half-open span [startMs, endMs) touches. */
export function stepsCovering(startMs: number, endMs: number): number[] {
  const first = Math.floor(startMs / STEP_MS) * STEP_MS;
  const steps: number[] = [];
  for (let step = first; step < endMs; step += STEP_MS) steps.push(step);
  return steps;
}
