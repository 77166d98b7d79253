import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

/** A connection with the settings every guarantee relies on. */
export function openConnection(path: string): Database.Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  // FULL syncs the log at every commit: a client who was told "booked" keeps the booking even
  // through a power cut. NORMAL would be faster but could roll back the latest confirmed bookings.
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  // Another connection (a backup, a second server on the same file) may hold the write lock for a moment.
  db.pragma("busy_timeout = 5000");
  return db;
}
