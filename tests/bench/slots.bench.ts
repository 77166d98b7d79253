/**
 * Slot search cost against the number of therapists: 60 days, a 45-minute service, 15-minute
 * steps, 200 booked sessions per therapist, over a DST change; then the one-start check the
 * booking check makes per session. Run with `npm run bench` (or `npm run bench -- slots`).
 */
import { performance } from "node:perf_hooks";
import { findSlots, isSlotAvailable, type BusyInterval, type SlotQuery } from "../../src/core/slots";
import { slotsConfig, therapist } from "../unit/fixtures/slots-config";

const THERAPIST_COUNTS = [1, 2, 4, 8, 16];
const WARM_UP_RUNS = 10;
const MEASURED_RUNS = 60;
const DAYS = 60;
const BUSY_PER_THERAPIST = 200;
const NOW = "2026-02-20T12:00:00.000Z";
const FROM = "2026-02-21";
const TO = "2026-04-21";

const weekdayHours = [{ start: "09:00", end: "17:00" }];
const hours = { mon: weekdayHours, tue: weekdayHours, wed: weekdayHours, thu: weekdayHours, fri: weekdayHours, sat: [{ start: "10:00", end: "14:00" }] };

/** Deterministic pseudo-random numbers so every run measures the same calendar. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function busyFor(id: string, seed: number): BusyInterval[] {
  const random = lcg(seed);
  const first = Date.parse(`${FROM}T13:00:00.000Z`);
  return Array.from({ length: BUSY_PER_THERAPIST }, () => {
    const day = Math.floor(random() * DAYS);
    const quarter = Math.floor(random() * 32);
    const start = first + day * 86_400_000 + quarter * 15 * 60_000;
    const minutes = [30, 45, 60, 90][Math.floor(random() * 4)] ?? 60;
    return { therapistId: id, start: new Date(start).toISOString(), end: new Date(start + minutes * 60_000).toISOString() };
  });
}

function queryFor(count: number): SlotQuery {
  const ids = Array.from({ length: count }, (_, i) => `t${i + 1}`);
  const config = slotsConfig({
    timeZone: "America/Halifax",
    therapists: ids.map((id) => therapist(id, { hours, breaks: [{ start: "12:00", end: "13:00" }] })),
    booking: { slotStepMinutes: 15, bufferBeforeMinutes: 0, bufferAfterMinutes: 15, minNoticeHours: 24, horizonDays: 90 },
  });
  const busy = ids.flatMap((id, i) => busyFor(id, i + 1));
  return { config, serviceId: "massage", minutes: 45, from: FROM, to: TO, busy, now: NOW };
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

interface Timing {
  median: number;
  p95: number;
  cpuMedian: number;
}

/** Wall time as asked, plus CPU time: on a shared machine the latter is what the code costs. */
function measure(run: () => unknown): Timing {
  for (let i = 0; i < WARM_UP_RUNS; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < MEASURED_RUNS; i++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    run();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: percentile(wall, 50), p95: percentile(wall, 95), cpuMedian: percentile(cpu, 50) };
}

const fmt = (ms: number) => ms.toFixed(3).padStart(9);

function report(label: string, run: (q: SlotQuery) => number): void {
  console.log(`\n${label}: ${DAYS} days, 45 min, 15 min step, ${BUSY_PER_THERAPIST} busy per therapist, ${MEASURED_RUNS} runs after ${WARM_UP_RUNS} warm-up`);
  console.log("therapists  median ms     p95 ms  cpu median ms   slots");
  const medians = new Map<number, Timing>();
  const queries = THERAPIST_COUNTS.map(queryFor);
  // Every size warmed first: measured cold, the first size (1 therapist) ran half-compiled code.
  for (const query of queries) measure(() => run(query));
  for (const [i, count] of THERAPIST_COUNTS.entries()) {
    const query = queries[i] as SlotQuery;
    const slots = run(query);
    const timing = measure(() => run(query));
    medians.set(count, timing);
    console.log(`${String(count).padStart(10)}  ${fmt(timing.median)}  ${fmt(timing.p95)}  ${fmt(timing.cpuMedian)}     ${String(slots).padStart(6)}`);
  }
  const ratio = (n: number, pick: (t: Timing) => number) => {
    const one = medians.get(1);
    const many = medians.get(n);
    return one && many ? (pick(many) / pick(one)).toFixed(2) : "n/a";
  };
  console.log(`median ratio 8-vs-1: ${ratio(8, (t) => t.median)}   16-vs-1: ${ratio(16, (t) => t.median)}`);
  console.log(`cpu ratio    8-vs-1: ${ratio(8, (t) => t.cpuMedian)}   16-vs-1: ${ratio(16, (t) => t.cpuMedian)}`);
}

report("findSlots (merged)", (q) => findSlots(q).length);

const CHECKED_STARTS = 100;

/**
 * One `isSlotAvailable` call per start, as the booking check makes per session: the query holds
 * every therapist's busy intervals, the start is one therapist's free slot spread over the 60 days.
 */
function reportSingleStart(): void {
  console.log(`\nisSlotAvailable (one start, every therapist's busy intervals in the query): ${CHECKED_STARTS} starts, ${MEASURED_RUNS} runs after ${WARM_UP_RUNS} warm-up`);
  console.log("therapists  median ms per start  cpu median ms per start");
  const perStart = new Map<number, Timing>();
  const cases = THERAPIST_COUNTS.map((count) => {
    const { from: _from, to: _to, ...check } = queryFor(count);
    const slots = findSlots({ ...check, from: FROM, to: TO });
    const picked = Array.from({ length: CHECKED_STARTS }, (_, i) => slots[Math.floor((i * slots.length) / CHECKED_STARTS)]).filter((s) => s !== undefined);
    return { count, check, picked };
  });
  let available = 0;
  const checkAll = ({ check, picked }: (typeof cases)[number]) => () => {
    available = 0;
    for (const slot of picked) if (isSlotAvailable(check, slot.therapistIds[slot.therapistIds.length - 1] ?? "", slot.start)) available++;
  };
  for (const c of cases) measure(checkAll(c));
  for (const c of cases) {
    const { count, picked } = c;
    const timing = measure(checkAll(c));
    if (available !== picked.length) throw new Error(`expected every picked start to be free, ${available} of ${picked.length} were`);
    const per = { median: timing.median / picked.length, p95: timing.p95 / picked.length, cpuMedian: timing.cpuMedian / picked.length };
    perStart.set(count, per);
    console.log(`${String(count).padStart(10)}  ${fmt(per.median)}            ${fmt(per.cpuMedian)}`);
  }
  const one = perStart.get(1);
  const many = perStart.get(16);
  if (one && many) console.log(`median ratio 16-vs-1: ${(many.median / one.median).toFixed(2)}`);
}

reportSingleStart();
