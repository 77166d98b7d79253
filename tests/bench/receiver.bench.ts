/**
 * The receiver under load, over loopback only. The server runs in a child process
 * (receiver-server.ts) on a temporary SQLite file, at a fixed "now", with the per-IP rate limit
 * raised so it does not cap the run; autocannon runs here. The clinic is the demo's, with each
 * therapist cloned so that there are enough free, non-overlapping slots for every request.
 *
 * 1. Distinct valid bookings, one per free slot, bodies built before the clock starts: a warm-up,
 *    then a fixed number of requests timed from the first send to the last answer.
 * 2. 50 connections fighting for the same 20 slots, each request with its own key: exactly 20
 *    should be created, the rest refused with 409.
 * Then the database file is checked for two overlapping sessions of one therapist.
 *
 * `RECEIVER_BENCH_PROF=<dir>` writes a CPU profile of the server process there;
 * `RECEIVER_BENCH_REQUESTS=<n>` changes the number of measured requests (15,000).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import type { BookingRequestInput } from "../../src/core/booking";
import type { ClinicConfig } from "../../src/core/config";
import { quote } from "../../src/core/pricing";
import { questionnaireOf, visibleQuestions } from "../../src/core/screening";
import { slotsOfEachTherapist } from "../unit/fixtures/slots-per-therapist";
import { loadClinicConfig } from "../../src/server/config-file";
import { startBenchServer, type BenchServer } from "./receiver-server";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const NOW = "2026-12-01T13:00:00.000Z";
const SERVICE = "clinical-massage";
const MINUTES = 60;
/** Copies of each demo therapist: 23,500 free, non-overlapping 60-minute slots in all over the 60-day horizon. */
const THERAPIST_COPIES = 100;
const CONNECTIONS = 16;
const WARM_UP_REQUESTS = 2_000;
const MEASURED_REQUESTS = Number(process.env.RECEIVER_BENCH_REQUESTS ?? 15_000);
const CONTENDED_SLOTS = 20;
const CONTENDED_REQUESTS = 1_000;
const CONTENDED_CONNECTIONS = 50;

export interface RunFigures {
  connections: number;
  sent: number;
  created: number;
  conflicts: number;
  /** Answers other than 201 and 409, and requests that got no answer. */
  other: number;
  seconds: number;
  createdPerSecond: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** CPU time per answered request: the server process's, and this process's (the load generator). */
  serverCpuMs: number;
  loadCpuMs: number;
}

export interface ReceiverResult {
  therapists: number;
  distinct: RunFigures;
  contended: RunFigures;
  storedBookings: number;
  overlaps: number;
  bufferOverlaps: number;
}

type Body = { key: string; json: string };

export async function runReceiverBench(): Promise<ReceiverResult> {
  const dir = mkdtempSync(join(tmpdir(), "receiver-bench-"));
  const configPath = join(dir, "clinic.json");
  const databasePath = join(dir, "bookings.sqlite");
  try {
    const config = await writeBenchConfig(configPath);
    const { contended: contendedPlan, distinct: distinctPlan } = plan(config);
    const build = bodyBuilder(config);
    const needed = WARM_UP_REQUESTS + MEASURED_REQUESTS;
    if (distinctPlan.length < needed) throw new Error(`only ${distinctPlan.length} free slots for ${needed} requests`);
    const distinctBodies = distinctPlan.slice(0, needed).map((entry, n) => build(entry, n));
    const contendedBodies = Array.from({ length: CONTENDED_REQUESTS }, (_, n) =>
      build(contendedPlan[n % contendedPlan.length] as PlanEntry, needed + n),
    );

    const server = await startBenchServer(configPath, databasePath, NOW, process.env.RECEIVER_BENCH_PROF);
    let distinct: RunFigures;
    let contended: RunFigures;
    try {
      await fire(server, distinctBodies.slice(0, WARM_UP_REQUESTS), CONNECTIONS);
      distinct = await fire(server, distinctBodies.slice(WARM_UP_REQUESTS), CONNECTIONS);
      contended = await fire(server, contendedBodies, CONTENDED_CONNECTIONS);
    } finally {
      await server.stop();
    }
    return { therapists: config.therapists.length, distinct, contended, ...inspect(databasePath) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo clinic with every therapist cloned; demo/clinic.json itself is left as it is. */
async function writeBenchConfig(path: string): Promise<ClinicConfig> {
  const demo = JSON.parse(readFileSync(join(ROOT, "demo/clinic.json"), "utf8")) as { therapists: { id: string; name: string }[] };
  const therapists = Array.from({ length: THERAPIST_COPIES }, (_, copy) =>
    demo.therapists.map((t) => ({ ...t, id: `${t.id}-${String(copy)}`, name: `${t.name} (${String(copy)})` })),
  ).flat();
  writeFileSync(path, JSON.stringify({ ...demo, $schema: undefined, therapists }));
  return loadClinicConfig(path);
}

type PlanEntry = { therapistId: string; start: string };

/** Free slots taken greedily per therapist so that no two overlap (buffers included), in a fixed shuffled order. */
function plan(config: ClinicConfig): { contended: PlanEntry[]; distinct: PlanEntry[] } {
  const to = new Date(Date.parse(NOW) + config.booking.horizonDays * 86_400_000).toISOString().slice(0, 10);
  const byTherapist = slotsOfEachTherapist({ config, serviceId: SERVICE, minutes: MINUTES, from: "2026-12-02", to, busy: [], now: NOW });
  const gapMs = (MINUTES + config.booking.bufferAfterMinutes + config.booking.bufferBeforeMinutes) * 60_000;
  const entries: PlanEntry[] = [];
  for (const [therapistId, slots] of byTherapist) {
    let freeFrom = 0;
    for (const slot of slots) {
      const start = Date.parse(slot.start);
      if (start < freeFrom) continue;
      entries.push({ therapistId, start: slot.start });
      freeFrom = start + gapMs;
    }
  }
  entries.sort((a, b) => a.start.localeCompare(b.start) || a.therapistId.localeCompare(b.therapistId));
  const [contended, rest] = [entries.slice(0, CONTENDED_SLOTS), entries.slice(CONTENDED_SLOTS)];
  // Deterministic shuffle: requests land all over the calendar, as real ones would.
  let state = 12345;
  for (let i = rest.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [rest[i], rest[j]] = [rest[j] as PlanEntry, rest[i] as PlanEntry];
  }
  return { contended, distinct: rest };
}

function bodyBuilder(config: ClinicConfig): (entry: PlanEntry, n: number) => Body {
  const answers = healthyAnswers(config);
  return (entry, n) => {
    const priced = quote({ config, sessions: [{ serviceId: SERVICE, minutes: MINUTES, start: entry.start }], isNewClient: true, now: NOW });
    const key = `bench-${randomUUID()}`;
    const request: BookingRequestInput = {
      version: 1,
      idempotencyKey: key,
      kind: "booking",
      locale: "en",
      serviceId: SERVICE,
      minutes: MINUTES,
      therapistId: entry.therapistId,
      sessions: [{ start: entry.start }],
      client: { name: `Load Client ${String(n)}`, email: `load${String(n)}@example.com`, phone: "902 555 0123", isNewClient: true },
      consent: { healthData: true, cancellationPolicy: true, at: NOW },
      intakeMode: "full",
      answers,
      quotedTotal: priced.total,
      quotedDealId: priced.deal?.id ?? null,
    };
    return { key, json: JSON.stringify(request) };
  };
}

type Answers = BookingRequestInput["answers"];

/** A full health history with nothing to report: "No" to every yes/no, the first option of choices. */
function healthyAnswers(config: ClinicConfig): Answers {
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

/** Sends each body exactly once over `connections` keep-alive connections; times it from the first send to the last answer. */
async function fire(server: BenchServer, bodies: Body[], connections: number): Promise<RunFigures> {
  const status = new Map<number, number>();
  const latencies = new Float64Array(bodies.length);
  let answered = 0;
  let next = 0;
  let lastAnswerAt = 0;
  let firstUnexpected: string | null = null;
  const serverCpuAtStart = await server.cpuMs();
  const loadCpuAtStart = process.cpuUsage();
  const startedAt = performance.now();
  await new Promise<void>((done, fail) => {
    const instance = autocannon(
      {
        url: server.url,
        connections,
        amount: bodies.length,
        timeout: 20,
        requests: [
          {
            method: "POST",
            setupRequest: (request) => {
              const body = bodies[next++ % bodies.length] as Body;
              return { ...request, method: "POST", body: body.json, headers: { "content-type": "application/json", "idempotency-key": body.key } };
            },
            onResponse: (code, responseBody) => {
              // The error code and issue codes only: bodies are not printed whole.
              if (code !== 201 && code !== 409 && firstUnexpected === null) firstUnexpected = `${String(code)} ${summary(responseBody)}`;
            },
          },
        ],
      },
      (error) => (error ? fail(error as Error) : done()),
    );
    instance.on("response", (_client: unknown, code: number, _bytes: number, ms: number) => {
      status.set(code, (status.get(code) ?? 0) + 1);
      if (answered < latencies.length) latencies[answered] = ms;
      answered += 1;
      lastAnswerAt = performance.now();
    });
  });
  const loadCpu = process.cpuUsage(loadCpuAtStart);
  const serverCpu = (await server.cpuMs()) - serverCpuAtStart;
  if (firstUnexpected) console.log(`    first unexpected answer: ${firstUnexpected}`);
  const seconds = (lastAnswerAt - startedAt) / 1000;
  const sorted = latencies.subarray(0, Math.min(answered, latencies.length)).sort();
  const created = status.get(201) ?? 0;
  const conflicts = status.get(409) ?? 0;
  return {
    connections,
    sent: bodies.length,
    created,
    conflicts,
    other: bodies.length - created - conflicts,
    seconds,
    createdPerSecond: created / seconds,
    requestsPerSecond: answered / seconds,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    serverCpuMs: serverCpu / answered,
    loadCpuMs: (loadCpu.user + loadCpu.system) / 1000 / answered,
  };
}

function percentile(sorted: Float64Array, q: number): number {
  return sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number);
}

function summary(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: string; issues?: { path?: string; code?: string }[] };
    return `${String(parsed.error)} ${(parsed.issues ?? []).map((i) => `${String(i.path)}:${String(i.code)}`).join(", ")}`;
  } catch {
    return "(not JSON)";
  }
}

/** Pairs of one therapist's sessions that overlap, and pairs whose spans with buffers overlap. */
function inspect(databasePath: string): { storedBookings: number; overlaps: number; bufferOverlaps: number } {
  const db = new Database(databasePath, { readonly: true });
  try {
    const { storedBookings } = db.prepare(`SELECT COUNT(*) AS storedBookings FROM bookings`).get() as { storedBookings: number };
    const pairs = db
      .prepare(
        `SELECT COALESCE(SUM(a.start_ms < b.end_ms AND b.start_ms < a.end_ms), 0) AS overlaps,
           COALESCE(SUM(a.blocked_start_ms < b.blocked_end_ms AND b.blocked_start_ms < a.blocked_end_ms), 0) AS bufferOverlaps
         FROM sessions a JOIN sessions b ON a.therapist_id = b.therapist_id AND a.rowid < b.rowid`,
      )
      .get() as { overlaps: number; bufferOverlaps: number };
    return { storedBookings, ...pairs };
  } finally {
    db.close();
  }
}

export function printReceiver(r: ReceiverResult): void {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const d = r.distinct;
  const c = r.contended;
  console.log(`Receiver (server in its own process, autocannon over loopback, demo clinic with ${String(r.therapists)} therapists, SQLite file, WAL, synchronous=FULL):`);
  console.log(
    `  distinct bookings, ${String(d.connections)} connections, after ${String(WARM_UP_REQUESTS)} warm-up: ${String(d.created)}/${String(d.sent)} created in ${d.seconds.toFixed(2)} s = ${d.createdPerSecond.toFixed(0)} bookings/s; latency p50 ${ms(d.p50)}, p99 ${ms(d.p99)}; ${String(d.sent - d.created)} not 201`,
  );
  console.log(
    `  ${String(c.connections)} connections, same ${String(CONTENDED_SLOTS)} slots: ${String(c.sent)} requests, ${String(c.created)} created, ${String(c.conflicts)} refused 409, ${String(c.other)} other; ${c.requestsPerSecond.toFixed(0)} requests/s, p50 ${ms(c.p50)}, p99 ${ms(c.p99)}`,
  );
  console.log(
    `  CPU per request in the distinct run: server ${d.serverCpuMs.toFixed(3)} ms, load generator ${d.loadCpuMs.toFixed(3)} ms (${String(cpus().length)} CPUs, shared); bookings in the database: ${String(r.storedBookings)}`,
  );
  console.log(
    `  overlapping sessions for one therapist in the database: ${String(r.overlaps)}${r.overlaps === 0 ? " (none)" : "  <-- DOUBLE BOOKING"}; overlapping with buffers: ${String(r.bufferOverlaps)}`,
  );
}

const entry = process.argv[1];
if (entry && resolve(entry) === fileURLToPath(import.meta.url)) {
  const r = await runReceiverBench();
  printReceiver(r);
  if (r.overlaps > 0 || r.bufferOverlaps > 0 || r.contended.created !== CONTENDED_SLOTS) process.exitCode = 1;
}
