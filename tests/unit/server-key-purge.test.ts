import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_RETENTION_DAYS, PURGE_EVERY_MS, startKeyPurge } from "../../src/server/key-purge";
import type { LogEntry } from "../../src/server/log";
import { startServer } from "../../src/server/server";
import { openSqliteStore, type SqliteStore } from "../../src/server/store/sqlite";
import type { NewBooking } from "../../src/server/store/types";
import { newBooking } from "./fixtures/new-booking";
import { serverConfig } from "./fixtures/server-config";
import { INBOX_TOKEN } from "./fixtures/server-harness";

let dir: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "key-purge-"));
  store = openSqliteStore(join(dir, "bookings.sqlite"));
});
afterEach(async () => {
  vi.useRealTimers();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A call-back request (no sessions) made at `createdAt`. */
function callback(id: string, createdAt: string): NewBooking {
  return newBooking(id, [], { kind: "callback", status: "needs-review", outcome: "contact-clinic", createdAt });
}

async function storeKey(key: string, createdAt: string): Promise<void> {
  const result = await store.insertBooking(callback(`booking-${key}`, createdAt), {
    key,
    requestHash: `hash-${key}`,
    response: { status: 201, body: "{}" },
  });
  expect(result).toEqual({ kind: "inserted" });
}

const keysLeft = async (keys: string[]) => (await Promise.all(keys.map(async (key) => ((await store.findResponse(key)) ? key : null)))).filter(Boolean);

describe("the idempotency key purge", () => {
  it("keeps answers 30 days by default", () => {
    expect(DEFAULT_RETENTION_DAYS).toBe(30);
  });

  it("drops keys older than the retention at start and then periodically, on the injected clock; the bookings stay", async () => {
    await storeKey("key-december", "2025-12-20T12:00:00.000Z");
    await storeKey("key-early-january", "2026-01-05T12:00:00.000Z");
    await storeKey("key-late-january", "2026-01-30T12:00:00.000Z");
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    let now = "2026-02-01T00:00:00.000Z";
    const logs: LogEntry[] = [];
    const purge = startKeyPurge({ store, clock: () => now, retentionDays: 30, log: (entry) => void logs.push(entry) });
    try {
      await purge.idle();
      // 30 days before 1 February is 2 January: only December's key is older.
      expect(await keysLeft(["key-december", "key-early-january", "key-late-january"])).toEqual(["key-early-january", "key-late-january"]);

      now = "2026-02-10T00:00:00.000Z";
      await vi.advanceTimersByTimeAsync(PURGE_EVERY_MS - 1);
      await purge.idle();
      expect(await keysLeft(["key-early-january", "key-late-january"])).toEqual(["key-early-january", "key-late-january"]);
      await vi.advanceTimersByTimeAsync(1);
      await purge.idle();
      expect(await keysLeft(["key-early-january", "key-late-january"])).toEqual(["key-late-january"]);

      expect(await store.getBooking("booking-key-december")).not.toBeNull();
      expect(logs).toEqual([]);
    } finally {
      purge.stop();
    }
    now = "2026-12-01T00:00:00.000Z";
    await vi.advanceTimersByTimeAsync(10 * PURGE_EVERY_MS);
    expect(await keysLeft(["key-late-january"])).toEqual(["key-late-january"]);
  });

  it("honours another retention", async () => {
    await storeKey("key-a", "2026-01-25T12:00:00.000Z");
    await storeKey("key-b", "2026-01-31T12:00:00.000Z");
    const purge = startKeyPurge({ store, clock: () => "2026-02-01T00:00:00.000Z", retentionDays: 3, log: () => {} });
    await purge.idle();
    purge.stop();
    expect(await keysLeft(["key-a", "key-b"])).toEqual(["key-b"]);
  });

  it("logs a purge that fails, without its message, and tries again at the next turn", async () => {
    const logs: LogEntry[] = [];
    let calls = 0;
    const failing = {
      purgeIdempotencyKeys: async () => {
        calls += 1;
        throw Object.assign(new Error("database is locked: key-0123"), { code: "SQLITE_BUSY" });
      },
    };
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const purge = startKeyPurge({ store: failing, clock: () => "2026-02-01T00:00:00.000Z", retentionDays: 30, log: (entry) => void logs.push(entry) });
    await purge.idle();
    await vi.advanceTimersByTimeAsync(PURGE_EVERY_MS);
    await purge.idle();
    purge.stop();
    expect(calls).toBe(2);
    expect(logs).toEqual([
      { event: "key-purge-failed", error: "Error SQLITE_BUSY" },
      { event: "key-purge-failed", error: "Error SQLITE_BUSY" },
    ]);
  });
});

describe("startServer", () => {
  it("purges keys older than IDEMPOTENCY_RETENTION_DAYS at start, on its clock", async () => {
    await storeKey("key-old", "2026-01-20T12:00:00.000Z");
    await storeKey("key-recent", "2026-01-28T12:00:00.000Z");
    await store.close();
    const server = await startServer({
      config: serverConfig(),
      databasePath: join(dir, "bookings.sqlite"),
      port: 0,
      host: "127.0.0.1",
      inboxToken: INBOX_TOKEN,
      outboxDir: join(dir, "outbox"),
      clock: () => "2026-02-01T00:00:00.000Z",
      idempotencyRetentionDays: 7,
      log: () => {},
    });
    await server.close();
    store = openSqliteStore(join(dir, "bookings.sqlite"));
    expect(await keysLeft(["key-old", "key-recent"])).toEqual(["key-recent"]);
  });
});
