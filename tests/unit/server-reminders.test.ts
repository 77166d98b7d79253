import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ClinicConfigSchema, compileConfig, type ClinicConfig } from "../../src/core/config";
import { reminder } from "../../src/server/mail/change-mails";
import type { ReminderNotice } from "../../src/server/mail/notice";
import { REMINDER_LEASE_MS, sendDueReminders } from "../../src/server/reminders";
import { openSqliteStore, type SqliteStore } from "../../src/server/store/sqlite";
import { sha256 } from "../../src/server/secrets";
import { newBooking, newSession } from "./fixtures/new-booking";
import { SECRET_ANSWER, serverConfig, serverConfigInput } from "./fixtures/server-config";

const HOUR = 3_600_000;
const START = "2026-03-04T14:00:00.000Z";
const at = (msBeforeStart: number) => new Date(Date.parse(START) - msBeforeStart).toISOString();

let dir: string;
let first: SqliteStore;
let second: SqliteStore;
let now: string;
let sent: ReminderNotice[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "reminders-"));
  // Two handles on one file: two receiver processes, or one before and after a restart.
  first = openSqliteStore(join(dir, "bookings.sqlite"));
  second = openSqliteStore(join(dir, "bookings.sqlite"));
  sent = [];
  now = at(48 * HOUR);
  const booking = newBooking("b-1", [newSession(START), newSession("2026-03-11T13:00:00.000Z")], {
    intake: { ...newBooking("x", []).intake, answers: { notes: SECRET_ANSWER } },
  });
  await first.insertBooking(booking, { key: "key-b-1", requestHash: "h", response: { status: 201, body: "{}" } });
});
afterEach(async () => {
  await first.close();
  await second.close();
  rmSync(dir, { recursive: true, force: true });
});

const pass = (store: SqliteStore, config: ClinicConfig = serverConfig(), send = async (n: ReminderNotice) => void sent.push(n)) =>
  sendDueReminders({ config, store, clock: () => now, baseUrl: "https://book.example", send, log: () => {} });

describe("reminders", () => {
  it("sends one reminder per session reminderHours before it, once across two processes", async () => {
    now = at(24 * HOUR + 1);
    expect(await pass(first)).toBe(0);
    now = at(24 * HOUR);
    expect(await Promise.all([pass(first), pass(second)])).toEqual(expect.arrayContaining([1, 0]));
    now = at(2 * HOUR);
    expect(await pass(second)).toBe(0);
    expect(await pass(first)).toBe(0);
    expect(sent.map((n) => [n.start, n.reference])).toEqual([[START, "REF-b-1"]]);
  });

  it("carries a working manage link and no health data", async () => {
    now = at(HOUR);
    await pass(first);
    const [notice] = sent;
    const token = new URL(notice?.manageUrl ?? "").hash.replace(/^#token=/, "");
    expect((await first.findBookingByManageToken(sha256(token)))?.id).toBe("b-1");
    expect(JSON.stringify(notice)).not.toContain(SECRET_ANSWER);
    const mail = reminder(serverConfig(), notice as ReminderNotice, { from: "desk@harbour.example" });
    expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(SECRET_ANSWER);
    expect(mail.text).toContain(notice?.manageUrl);
  });

  it("never reminds of a cancelled session, nor of one that has started", async () => {
    await first.cancelSessions({ bookingId: "b-1", indexes: [0], earliestStart: at(72 * HOUR), event: { at: now, actor: "client", kind: "cancelled", detail: {} } });
    now = at(HOUR);
    expect(await pass(first)).toBe(0);
    now = at(-1);
    expect(await pass(first)).toBe(0);
    expect(sent).toEqual([]);
  });

  it("is sent by another process once the lease of one that died between claim and send has expired, and only once", async () => {
    now = at(10 * HOUR);
    const claimed = await first.claimDueReminders({ now, startsBefore: at(-14 * HOUR), leaseUntil: new Date(Date.parse(now) + REMINDER_LEASE_MS).toISOString() });
    expect(claimed).toEqual([{ bookingId: "b-1", index: 0 }]);
    await first.close();

    expect(await pass(second)).toBe(0);
    now = new Date(Date.parse(now) + REMINDER_LEASE_MS).toISOString();
    expect(await pass(second)).toBe(1);
    now = new Date(Date.parse(now) + 2 * REMINDER_LEASE_MS).toISOString();
    expect(await pass(second)).toBe(0);
    expect(sent).toHaveLength(1);
    first = openSqliteStore(join(dir, "bookings.sqlite"));
  });

  it("retries a reminder whose sending failed, after its lease", async () => {
    now = at(10 * HOUR);
    expect(await pass(first, serverConfig(), async () => Promise.reject(new Error("smtp down")))).toBe(0);
    now = new Date(Date.parse(now) + REMINDER_LEASE_MS).toISOString();
    expect(await pass(first)).toBe(1);
  });

  it("sends none when reminderHours is 0", async () => {
    const off = compileConfig(ClinicConfigSchema.parse({ ...serverConfigInput, booking: { ...serverConfigInput.booking, reminderHours: 0 } }));
    now = at(HOUR);
    expect(await pass(first, off)).toBe(0);
    expect(sent).toEqual([]);
  });

  it("reminds of a moved session at its new time", async () => {
    now = at(10 * HOUR);
    await pass(first);
    const moved = newSession("2026-03-05T14:00:00.000Z");
    await first.rescheduleSessions({
      bookingId: "b-1",
      moves: [{ index: 0, therapistId: "ana", start: moved.start, end: moved.end, blockedStart: moved.blockedStart, blockedEnd: moved.blockedEnd, sequence: 0 }],
      prices: [],
      totals: { listTotal: 16500, discountTotal: 0, total: 16500, dealId: null },
      event: { at: now, actor: "client", kind: "rescheduled", detail: {} },
      idempotency: { key: "k", requestHash: "h", response: { status: 200, body: "{}" } },
    });
    now = new Date(Date.parse(moved.start) - 5 * HOUR).toISOString();
    expect(await pass(first)).toBe(1);
    expect(sent.map((n) => n.start)).toEqual([START, moved.start]);
  });
});
