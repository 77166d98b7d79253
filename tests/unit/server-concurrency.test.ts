import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/server";
import { NOW, bookingRequest, serverConfigInput } from "./fixtures/server-config";
import { INBOX_TOKEN } from "./fixtures/server-harness";

let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "receiver-http-"));
  const configPath = join(dir, "clinic.json");
  writeFileSync(configPath, JSON.stringify(serverConfigInput));
  server = await startServer({
    configPath,
    databasePath: join(dir, "bookings.sqlite"),
    port: 0,
    host: "127.0.0.1",
    inboxToken: INBOX_TOKEN,
    outboxDir: join(dir, "outbox"),
    postsPerMinute: 10_000,
    clock: () => NOW,
    log: () => {},
  });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(body: ReturnType<typeof bookingRequest>): Promise<Response> {
  return fetch(`${server.url}/api/bookings`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": body.idempotencyKey },
    body: JSON.stringify(body),
  });
}

describe("a real server under concurrent requests", () => {
  it("gives one 201 and 49 409s to 50 clients racing for one slot", async () => {
    const start = "2026-03-05T14:00:00.000Z";
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => post(bookingRequest({ sessions: [{ start }] }))),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const busy = await server.store.busyIntervals("2026-03-05T00:00:00.000Z", "2026-03-06T00:00:00.000Z");
    expect(busy).toEqual([{ therapistId: "ana", start, end: "2026-03-05T15:00:00.000Z" }]);
  });

  it("gives 20 concurrent retries of one booking a single booking and identical answers", async () => {
    const request = bookingRequest({ sessions: [{ start: "2026-03-06T14:00:00.000Z" }] });
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(request)));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(bodies).size).toBe(1);
    const onThatDay = (await server.store.listBookings()).filter((b) => b.sessions[0]?.start === "2026-03-06T14:00:00.000Z");
    expect(onThatDay).toHaveLength(1);
  });

  it("serves the validated config", async () => {
    const response = await fetch(`${server.url}/api/config`);
    expect(response.status).toBe(200);
    const config = (await response.json()) as { booking: { slotStepMinutes: number } };
    // Defaults filled in by the schema, not only what the file said.
    expect(config.booking.slotStepMinutes).toBe(15);
  });
});
