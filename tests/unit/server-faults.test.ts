/**
 * The receiver process killed (SIGKILL) in the middle of a burst of bookings whose clients retry
 * with their idempotency keys, then started again on the same database.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/server/store/sqlite";
import { bookingAt, freeSlots, inPool, receiverPerFile, spawnReceiver } from "./fixtures/receiver-process";
import { HEALTHY, serverConfig } from "./fixtures/server-config";

const BOOKINGS = 200;
const CLIENTS = 10;
/**
 * A kill comes a few milliseconds after each of these counts of 201s: some bookings answered,
 * some in flight (checked, being committed, or committed with the answer not yet out), the rest
 * not sent.
 */
const KILLS_AFTER = [40, 90, 140];
const RETRY_MS = 25;

const under = receiverPerFile("receiver-faults-");

type Sent = { key: string; email: string; attempts: number; failedAttempts: number; created: { id: string; reference: string }[] };

describe("the receiver killed mid-burst", () => {
  it(`keeps every booking a client was told about exactly once, and each of ${String(BOOKINGS)} retried bookings ends as one booking`, async () => {
    const now = new Date().toISOString();
    const requests = freeSlots(serverConfig(), now, BOOKINGS).map((slot, n) => bookingAt(slot, `fault-${String(n)}-${randomUUID()}`, n, now));
    const sent: Sent[] = requests.map((r) => ({ key: r.idempotencyKey, email: r.client.email, attempts: 0, failedAttempts: 0, created: [] }));
    let createdSoFar = 0;
    const restarts: Promise<void>[] = [];
    const others: string[] = [];

    await inPool(requests, CLIENTS, async (request, i) => {
      const record = sent[i] as Sent;
      const body = JSON.stringify(request);
      // A client retries network errors and 5xx with the same key until it gets an answer.
      for (;;) {
        record.attempts += 1;
        const answer = await attempt(under.process.url, request.idempotencyKey, body);
        if (answer && answer.status === 201) {
          record.created.push(JSON.parse(answer.body) as { id: string; reference: string });
          createdSoFar += 1;
          if (KILLS_AFTER.includes(createdSoFar)) restarts.push(killAndRestart());
          return;
        }
        if (answer && answer.status < 500) {
          others.push(`${String(answer.status)} ${answer.body.slice(0, 200)}`);
          return;
        }
        record.failedAttempts += 1;
        await new Promise((done) => setTimeout(done, RETRY_MS));
      }
    });
    await Promise.all(restarts);

    expect(others).toEqual([]);
    // The kill really cut requests off: some clients had to retry.
    expect(sent.filter((s) => s.failedAttempts > 0).length).toBeGreaterThan(0);
    await under.process.stop();

    const store = openSqliteStore(under.files.databasePath);
    try {
      const stored = await store.listBookings({ limit: 10 * BOOKINGS });
      expect(stored).toHaveLength(BOOKINGS);
      expect(new Set(stored.map((b) => b.client.email)).size).toBe(BOOKINGS);
      for (const record of sent) {
        const mine = stored.filter((b) => b.client.email === record.email);
        expect(mine).toHaveLength(1);
        const [booking] = mine;
        // Every 201 the client saw (before the kill, or replayed after it) names this booking.
        expect(record.created.length).toBeGreaterThan(0);
        for (const created of record.created) expect(created).toMatchObject({ id: booking?.id, reference: booking?.reference });
        // Nothing half-written: the session, the intake and the key's answer are all there.
        expect(booking?.sessions).toHaveLength(1);
        expect(booking?.intake).toMatchObject({ mode: "full", answers: HEALTHY });
        const answer = await store.findResponse(record.key);
        expect(answer?.status).toBe(201);
        expect(JSON.parse(answer?.body ?? "{}")).toMatchObject({ id: booking?.id });
      }
    } finally {
      await store.close();
    }
  }, 120_000);
});

let restarting: Promise<void> = Promise.resolve();
/** One kill and restart at a time; the delay lands the kill anywhere in the receiver's work, the COMMIT's wait for the disk included. */
function killAndRestart(): Promise<void> {
  restarting = restarting.then(async () => {
    await new Promise((done) => setTimeout(done, Math.random() * 15));
    const { port } = under.process;
    await under.process.kill();
    under.process = await spawnReceiver(under.files, port);
  });
  return restarting;
}

/** One POST; null when the connection failed or timed out. */
async function attempt(url: string, key: string, body: string): Promise<{ status: number; body: string } | null> {
  try {
    const response = await fetch(`${url}/api/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, body: await response.text() };
  } catch {
    return null;
  }
}
