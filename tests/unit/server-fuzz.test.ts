/**
 * Random and mutated bodies against the receiver running as in production: every answer is a 4xx
 * with a JSON error, the process stays up and logs no server error, and nothing is stored.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/server/store/sqlite";
import { mutantArbitrary, mutantBody } from "./fixtures/booking-mutants";
import { bookingAt, freeSlots, inPool, receiverPerFile } from "./fixtures/receiver-process";
import { serverConfig } from "./fixtures/server-config";

const BODIES = 10_000;
const CONNECTIONS = 4;
const KEY_PATTERN = /^[\x21-\x7e]{16,100}$/;

const under = receiverPerFile("receiver-fuzz-");

type Failure = { status: number; type: string; answer: string; sent: string };

describe("the receiver under fuzzed bodies", () => {
  it(`answers ${BODIES.toLocaleString("en")} random and mutated bodies with a 4xx JSON error each, stays up and stores nothing`, async () => {
    const now = new Date().toISOString();
    const [slot] = freeSlots(serverConfig(), now, 1);
    if (!slot) throw new Error("no free slot");
    // The slot is taken first, so a mutant that is still a valid booking meets a 409, not a 201.
    const takenKey = `fuzz-taken-${randomUUID()}`;
    const taken = await post(JSON.stringify(bookingAt(slot, takenKey, 0, now)), takenKey, true);
    expect(taken).toMatchObject({ ok: true, status: 201 });

    const seed = Date.now();
    const template = bookingAt(slot, "fuzz-template-0123456789", 1, now);
    const mutants = fc.sample(mutantArbitrary(template), { numRuns: BODIES, seed });
    const failures: Failure[] = [];
    const keys: string[] = [];
    await inPool(mutants, CONNECTIONS, async (mutant, i) => {
      const key = `fuzz-${String(i)}-${randomUUID()}`;
      const body = mutantBody(bookingAt(slot, key, i, now), mutant);
      const sentKey = keyOf(body) ?? key;
      keys.push(sentKey);
      const answer = await post(body, sentKey);
      if (!answer.ok) failures.push({ ...answer, sent: body.subarray(0, 300).toString("utf8") });
    });

    expect({ seed, failures: failures.slice(0, 5), failed: failures.length }).toEqual({ seed, failures: [], failed: 0 });
    expect(under.process.exitCode()).toBeNull();
    expect((await fetch(`${under.process.url}/api/config`)).status).toBe(200);
    expect(under.process.stdout()).not.toContain('"event":"server-error"');

    const store = openSqliteStore(under.files.databasePath);
    try {
      expect((await store.listBookings()).map((b) => b.client.email)).toEqual(["client-0@example.com"]);
      const answered = await Promise.all(keys.map((key) => store.findResponse(key)));
      expect(answered.filter((response) => response !== null)).toEqual([]);
    } finally {
      await store.close();
    }
  }, 120_000);
});

/** The body's own key when a header can carry it, so that a mutant keeps header and body equal. */
function keyOf(body: Buffer): string | null {
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    const key = typeof parsed === "object" && parsed !== null && "idempotencyKey" in parsed ? parsed.idempotencyKey : null;
    return typeof key === "string" && KEY_PATTERN.test(key) ? key : null;
  } catch {
    return null;
  }
}

async function post(body: string | Buffer, key: string, expectCreated = false): Promise<{ ok: boolean; status: number; type: string; answer: string }> {
  const response = await fetch(`${under.process.url}/api/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": key },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
  const type = response.headers.get("content-type") ?? "";
  const answer = await response.text();
  if (expectCreated) return { ok: response.status === 201, status: response.status, type, answer };
  return { ok: response.status >= 400 && response.status < 500 && type.startsWith("application/json") && isErrorBody(answer), status: response.status, type, answer: answer.slice(0, 300) };
}

function isErrorBody(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && "error" in parsed && typeof parsed.error === "string" && "issues" in parsed && Array.isArray(parsed.issues);
  } catch {
    return false;
  }
}
