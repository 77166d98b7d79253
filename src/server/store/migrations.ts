import type Database from "better-sqlite3";

/**
 * Grain of schema version 1's occupancy grid, where every occupied span was stored as the
 * five-minute cells it touched (rounded outwards) under a (therapist, cell) primary key.
 */
export const STEP_MS = 5 * 60_000;

/**
 * Longest span a session may block, buffers included (the config caps a session at 480 minutes and
 * each buffer at 240). The schema refuses longer ones, which is what lets an overlap search look
 * only this far back.
 */
export const LONGEST_BLOCK_MS = 24 * 3_600_000;

/** How far a version-1 session's cells can reach beyond the session: the longest buffer plus a cell. */
const BUFFER_REACH_MS = 240 * 60_000 + STEP_MS;

/** Some other session of the therapist overlaps NEW's blocked span (the half-open [start, end)). */
const overlapsNew = `
  SELECT 1 FROM sessions other
  WHERE other.therapist_id = NEW.therapist_id
    AND other.blocked_start_ms < NEW.blocked_end_ms
    AND other.blocked_start_ms > NEW.blocked_start_ms - ${LONGEST_BLOCK_MS}
    AND other.blocked_end_ms > NEW.blocked_start_ms`;

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
  // The occupancy grid cost a row and two index entries per five minutes booked (fifteen of each
  // for an hour with its buffer). Each session now carries its blocked span, and triggers refuse
  // one that overlaps another of the same therapist: still decided inside the writing
  // transaction, which SQLite runs one at a time per database, and exact rather than rounded.
  `
  CREATE TABLE sessions_v2 (
    booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    therapist_id TEXT NOT NULL,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL,
    blocked_start_ms INTEGER NOT NULL,
    blocked_end_ms INTEGER NOT NULL,
    list_price INTEGER NOT NULL,
    discount INTEGER NOT NULL,
    price INTEGER NOT NULL,
    deal_id TEXT,
    PRIMARY KEY (booking_id, position),
    CHECK (end_ms > start_ms),
    CHECK (blocked_start_ms <= start_ms AND blocked_end_ms >= end_ms),
    CHECK (blocked_end_ms - blocked_start_ms <= ${LONGEST_BLOCK_MS})
  );

  -- A stored session's blocked span is the run of its booking's cells around it, as the grid
  -- held it. Two sessions of one booking within a few hours of each other get one span covering
  -- both: that can only block more, never less.
  INSERT INTO sessions_v2 (booking_id, position, therapist_id, start_ms, end_ms, blocked_start_ms, blocked_end_ms,
    list_price, discount, price, deal_id)
  SELECT s.booking_id, s.position, s.therapist_id, s.start_ms, s.end_ms,
    COALESCE((SELECT MIN(c.step_start_ms) FROM session_steps c
      WHERE c.booking_id = s.booking_id AND c.therapist_id = s.therapist_id
        AND c.step_start_ms <= s.start_ms AND c.step_start_ms > s.start_ms - ${BUFFER_REACH_MS}), s.start_ms),
    MAX(s.end_ms, COALESCE((SELECT MAX(c.step_start_ms) + ${STEP_MS} FROM session_steps c
      WHERE c.booking_id = s.booking_id AND c.therapist_id = s.therapist_id
        AND c.step_start_ms >= s.start_ms AND c.step_start_ms < s.end_ms + ${BUFFER_REACH_MS}), s.end_ms)),
    s.list_price, s.discount, s.price, s.deal_id
  FROM sessions s;

  DROP TABLE sessions;
  ALTER TABLE sessions_v2 RENAME TO sessions;
  DROP TABLE session_steps;
  CREATE INDEX sessions_by_start ON sessions (start_ms);
  -- Serves the overlap triggers without touching the table, and a booking check's read of one
  -- therapist's sessions.
  CREATE INDEX sessions_by_therapist ON sessions (therapist_id, blocked_start_ms, blocked_end_ms);

  CREATE TRIGGER sessions_no_overlap_on_insert BEFORE INSERT ON sessions
  WHEN EXISTS (${overlapsNew})
  BEGIN SELECT RAISE(ABORT, 'slot-taken'); END;

  CREATE TRIGGER sessions_no_overlap_on_update BEFORE UPDATE OF therapist_id, blocked_start_ms, blocked_end_ms ON sessions
  WHEN EXISTS (${overlapsNew} AND other.rowid <> OLD.rowid)
  BEGIN SELECT RAISE(ABORT, 'slot-taken'); END;
  `,
  // Written while bookings were committed by a writer thread on its own connection, whose every
  // commit emptied the reading connection's page cache: with the session's times in the index a
  // booking check no longer visits a table page per stored session.
  `
  DROP INDEX sessions_by_therapist;
  CREATE INDEX sessions_by_therapist ON sessions (therapist_id, blocked_start_ms, blocked_end_ms, start_ms, end_ms);
  `,
  // A key tells a retry (the same body) from a reuse (another body) by the hash of the body it
  // answered. Keys are purged once old enough: their answers hold the calendar token.
  `
  ALTER TABLE idempotency_keys ADD COLUMN request_hash TEXT;
  CREATE INDEX idempotency_keys_by_created_at ON idempotency_keys (created_at);
  `,
  // After the booking: a session can be cancelled (its time is free again at once, so the overlap
  // triggers see booked sessions only) or moved (its SEQUENCE is raised), and gets one reminder,
  // claimed with a lease so that a process dying between claim and send leaves it to another.
  // A booking is cancelled when all its sessions are: derived, never stored twice.
  `
  ALTER TABLE sessions ADD COLUMN status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled'));
  ALTER TABLE sessions ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0);
  ALTER TABLE sessions ADD COLUMN reminder_lease_until_ms INTEGER;
  ALTER TABLE sessions ADD COLUMN reminder_sent_at TEXT;
  ALTER TABLE bookings ADD COLUMN promo_code TEXT;

  DROP TRIGGER sessions_no_overlap_on_insert;
  DROP TRIGGER sessions_no_overlap_on_update;
  DROP INDEX sessions_by_therapist;
  CREATE INDEX sessions_by_therapist ON sessions (therapist_id, blocked_start_ms, blocked_end_ms, start_ms, end_ms, status);

  CREATE TRIGGER sessions_no_overlap_on_insert BEFORE INSERT ON sessions
  WHEN NEW.status = 'booked' AND EXISTS (${overlapsNew} AND other.status = 'booked')
  BEGIN SELECT RAISE(ABORT, 'slot-taken'); END;

  CREATE TRIGGER sessions_no_overlap_on_update BEFORE UPDATE OF therapist_id, blocked_start_ms, blocked_end_ms, status ON sessions
  WHEN NEW.status = 'booked' AND EXISTS (${overlapsNew} AND other.status = 'booked' AND other.rowid <> OLD.rowid)
  BEGIN SELECT RAISE(ABORT, 'slot-taken'); END;

  CREATE INDEX sessions_reminders_due ON sessions (start_ms) WHERE status = 'booked' AND reminder_sent_at IS NULL;

  -- Several tokens per booking: every email to the client carries a fresh one. Only hashes.
  CREATE TABLE manage_tokens (
    token_hash TEXT PRIMARY KEY,
    booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    calendar_token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  CREATE INDEX manage_tokens_by_booking ON manage_tokens (booking_id);

  CREATE TABLE booking_events (
    booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL CHECK (actor IN ('client', 'clinic')),
    kind TEXT NOT NULL,
    detail_json TEXT NOT NULL
  );
  CREATE INDEX booking_events_by_booking ON booking_events (booking_id, at);
  `,
  // Returning clients, found by the normalised email (core/clients normaliseEmail: trim,
  // lower-case; SQLite's lower() folds ASCII only, which the email schema's addresses are in
  // practice). At most one live code per email, stored as a keyed hash; client tokens as SHA-256.
  `
  ALTER TABLE bookings ADD COLUMN client_email_norm TEXT;
  UPDATE bookings SET client_email_norm = lower(trim(client_email));
  CREATE INDEX bookings_by_client_email ON bookings (client_email_norm, created_at);

  CREATE TABLE client_codes (
    email_hash TEXT PRIMARY KEY,
    code_hash TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    tries_left INTEGER NOT NULL CHECK (tries_left > 0),
    created_at TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE client_tokens (
    token_hash TEXT PRIMARY KEY,
    email_norm TEXT NOT NULL,
    expires_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX client_tokens_by_expiry ON client_tokens (expires_at);
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
