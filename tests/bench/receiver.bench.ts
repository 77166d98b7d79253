/**
 * The receiver under load, over loopback only: the demo clinic's config on a temporary SQLite
 * file, at a fixed "now", with the per-IP rate limit raised so it does not cap the run.
 *
 * 1. Distinct valid bookings (one per free, non-overlapping slot): bookings/s and p99 latency.
 * 2. 50 connections fighting for the same 20 slots, each request with its own key: exactly 20
 *    should be created, the rest refused with 409.
 * Then the database is checked for two overlapping sessions of one therapist.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, type ServerType } from "@hono/node-server";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import type { BookingRequestInput } from "../../src/core/booking";
import { quote } from "../../src/core/pricing";
import { questionnaireOf, visibleQuestions } from "../../src/core/screening";
import { slotsByTherapist, type Slot } from "../../src/core/slots";
import { createApp } from "../../src/server/app";
import { loadClinicConfig } from "../../src/server/config-file";
import { silentLogger } from "../../src/server/log";
import { openSqliteStore } from "../../src/server/store/sqlite";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const NOW = "2026-12-01T13:00:00.000Z";
const SERVICE = "clinical-massage";
const MINUTES = 60;
const MAX_DISTINCT = 300;
const CONTENDED_SLOTS = 20;
const CONTENDED_REQUESTS = 1_000;

export interface ReceiverResult {
  distinct: { sent: number; created: number; perSecond: number; p99: number; p50: number };
  contended: { sent: number; created: number; conflicts: number; other: number; perSecond: number; p99: number };
  overlaps: number;
}

export async function runReceiverBench(): Promise<ReceiverResult> {
  const dir = mkdtempSync(join(tmpdir(), "receiver-bench-"));
  const config = await loadClinicConfig(join(ROOT, "demo/clinic.json"));
  const store = openSqliteStore(join(dir, "bookings.sqlite"));
  const app = createApp({
    config,
    store,
    inboxToken: randomUUID(),
    clock: () => NOW,
    log: silentLogger,
    notifier: { bookingCreated: () => {}, idle: async () => {} },
    postsPerMinute: 1_000_000,
  });
  const server = await new Promise<ServerType>((done) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => done(s));
  });
  const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/api/bookings`;

  try {
    // Free slots per therapist, taken greedily so that no two overlap (buffers included).
    const byTherapist = slotsByTherapist({ config, serviceId: SERVICE, minutes: MINUTES, from: "2026-12-02", to: "2027-01-29", busy: [], now: NOW });
    const gapMs = (MINUTES + config.booking.bufferAfterMinutes + config.booking.bufferBeforeMinutes) * 60_000;
    const plan: { therapistId: string; slot: Slot }[] = [];
    for (const [therapistId, slots] of byTherapist) {
      let freeFrom = 0;
      for (const slot of slots) {
        const start = Date.parse(slot.start);
        if (start < freeFrom) continue;
        plan.push({ therapistId, slot });
        freeFrom = start + gapMs;
      }
    }
    plan.sort((a, b) => a.slot.start.localeCompare(b.slot.start));
    const contendedPlan = plan.slice(0, CONTENDED_SLOTS);
    const distinctPlan = plan.slice(CONTENDED_SLOTS, CONTENDED_SLOTS + MAX_DISTINCT);

    const answers = healthyAnswers(config);
    const body = (entry: { therapistId: string; slot: Slot }, n: number): { key: string; json: string } => {
      const priced = quote({ config, sessions: [{ serviceId: SERVICE, minutes: MINUTES, start: entry.slot.start }], isNewClient: true, now: NOW });
      const key = `bench-${randomUUID()}`;
      const request: BookingRequestInput = {
        version: 1,
        idempotencyKey: key,
        kind: "booking",
        locale: "en",
        serviceId: SERVICE,
        minutes: MINUTES,
        therapistId: entry.therapistId,
        sessions: [{ start: entry.slot.start }],
        client: { name: `Load Client ${String(n)}`, email: `load${String(n)}@example.com`, phone: "902 555 0123", isNewClient: true },
        consent: { healthData: true, cancellationPolicy: true, at: NOW },
        intakeMode: "full",
        answers,
        quotedTotal: priced.total,
        quotedDealId: priced.deal?.id ?? null,
      };
      return { key, json: JSON.stringify(request) };
    };

    const distinct = await fire(url, distinctPlan.map((entry, n) => body(entry, n)), 10);
    const contendedBodies = Array.from({ length: CONTENDED_REQUESTS }, (_, n) => body(contendedPlan[n % contendedPlan.length] as { therapistId: string; slot: Slot }, 10_000 + n));
    const contended = await fire(url, contendedBodies, 50);

    await store.close();
    const db = new Database(join(dir, "bookings.sqlite"), { readonly: true });
    const overlaps = (
      db
        .prepare(
          `SELECT COUNT(*) AS n FROM sessions a JOIN sessions b
             ON a.therapist_id = b.therapist_id AND a.rowid < b.rowid
            AND a.start_ms < b.end_ms AND b.start_ms < a.end_ms`,
        )
        .get() as { n: number }
    ).n;
    db.close();

    return {
      distinct: { sent: distinct.sent, created: distinct.status.get(201) ?? 0, perSecond: distinct.createdPerSecond, p99: distinct.p99, p50: distinct.p50 },
      contended: {
        sent: contended.sent,
        created: contended.status.get(201) ?? 0,
        conflicts: contended.status.get(409) ?? 0,
        other: [...contended.status].filter(([code]) => code !== 201 && code !== 409).reduce((sum, [, n]) => sum + n, 0),
        perSecond: contended.requestsPerSecond,
        p99: contended.p99,
      },
      overlaps,
    };
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
    await store.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

type Answers = BookingRequestInput["answers"];

/** A full health history with nothing to report: "No" to every yes/no, the first option of choices. */
function healthyAnswers(config: Parameters<typeof questionnaireOf>[0]): Answers {
  const questionnaire = questionnaireOf(config);
  const answers: Record<string, unknown> = {};
  for (let pass = 0; pass < 3; pass++) {
    for (const question of visibleQuestions(questionnaire, answers as Answers, "full")) {
      if (question.id in answers || !question.required) continue;
      if (question.kind === "yes-no") answers[question.id] = false;
      else if (question.kind === "single-choice") answers[question.id] = question.options[0]?.value;
      else if (question.kind === "text") answers[question.id] = /phone/i.test(question.id) ? "902 555 0100" : "Alex Doe";
    }
  }
  return answers as Answers;
}

interface FireResult {
  sent: number;
  status: Map<number, number>;
  p50: number;
  p99: number;
  requestsPerSecond: number;
  createdPerSecond: number;
  firstError: string | null;
}

/** Sends each body exactly once over `connections` keep-alive connections. */
async function fire(url: string, bodies: { key: string; json: string }[], connections: number): Promise<FireResult> {
  const status = new Map<number, number>();
  let next = 0;
  let firstError: string | null = null;
  const result = await autocannon({
    url,
    connections,
    amount: bodies.length,
    timeout: 20,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const body = bodies[next++ % bodies.length] as { key: string; json: string };
          return { ...request, method: "POST", body: body.json, headers: { "content-type": "application/json", "idempotency-key": body.key } };
        },
        onResponse: (code, responseBody) => {
          status.set(code, (status.get(code) ?? 0) + 1);
          if (code !== 201 && code !== 409 && firstError === null) firstError = `${String(code)} ${String(responseBody).slice(0, 300)}`;
        },
      },
    ],
  });
  const seconds = result.duration;
  const created = status.get(201) ?? 0;
  if (firstError) console.log(`    first unexpected answer: ${firstError}`);
  return {
    sent: bodies.length,
    status,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requestsPerSecond: bodies.length / seconds,
    createdPerSecond: created / seconds,
    firstError,
  };
}

const entry = process.argv[1];
if (entry && resolve(entry) === fileURLToPath(import.meta.url)) {
  const r = await runReceiverBench();
  printReceiver(r);
}

export function printReceiver(r: ReceiverResult): void {
  console.log("Receiver (autocannon over loopback, demo clinic, SQLite file):");
  console.log(`  distinct bookings: ${String(r.distinct.created)}/${String(r.distinct.sent)} created, ${r.distinct.perSecond.toFixed(0)} bookings/s, latency p50 ${String(r.distinct.p50)} ms, p99 ${String(r.distinct.p99)} ms (10 connections)`);
  console.log(`  50 connections, same ${String(CONTENDED_SLOTS)} slots: ${String(r.contended.sent)} requests, ${String(r.contended.created)} created, ${String(r.contended.conflicts)} refused 409, ${String(r.contended.other)} other; ${r.contended.perSecond.toFixed(0)} requests/s, p99 ${String(r.contended.p99)} ms`);
  console.log(`  overlapping sessions for one therapist in the database: ${String(r.overlaps)}${r.overlaps === 0 ? " (none)" : "  <-- DOUBLE BOOKING"}`);
}
