import { IANAZone } from "luxon";
import type { Interval } from "./intervals";
import { DAY_MS, formatWallTime } from "./local-date";

/** A stretch of real time `[start, end)` (epoch ms) during which the zone's UTC offset is constant. */
export interface OffsetSpan extends Interval {
  offsetMinutes: number;
}

// Offsets are sampled this far apart and bisected where two samples differ. Every zone's
// rules keep offset changes at least four weeks apart (checked for 2020–2031), so a week
// cannot hide a change that is undone before the next sample.
const SAMPLE_STEP_MS = 7 * DAY_MS;

const zones = new Map<string, IANAZone>();
// Offset spans per zone and UTC year. A memo of a pure function of the tz database: asking
// the zone for its offset is slow (microseconds), and every slot query needs the same years.
const yearSpans = new Map<string, OffsetSpan[]>();

function ianaZone(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = IANAZone.create(name);
    if (!zone.isValid) throw new RangeError(`unknown IANA time zone ${JSON.stringify(name)}`);
    zones.set(name, zone);
  }
  return zone;
}

export function offsetMinutesAt(zone: string, epochMs: number): number {
  for (const span of spansOfYear(zone, new Date(epochMs).getUTCFullYear())) {
    if (epochMs >= span.start && epochMs < span.end) return span.offsetMinutes;
  }
  return ianaZone(zone).offset(epochMs);
}

/** `-150` → `"-02:30"`, `345` → `"+05:45"`, `0` → `"+00:00"`. */
export function formatOffset(offsetMinutes: number): string {
  return (offsetMinutes < 0 ? "-" : "+") + formatWallTime(Math.abs(offsetMinutes));
}

/** Constant-offset stretches covering `[fromMs, toMs)`, in order, clipped to that range. */
export function offsetSpans(zone: string, fromMs: number, toMs: number): OffsetSpan[] {
  const spans: OffsetSpan[] = [];
  const firstYear = new Date(fromMs).getUTCFullYear();
  const lastYear = new Date(toMs).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const span of spansOfYear(zone, year)) {
      const start = Math.max(span.start, fromMs);
      const end = Math.min(span.end, toMs);
      if (start >= end) continue;
      const last = spans[spans.length - 1];
      // A year boundary is not a transition: join the two halves of one offset.
      if (last && last.end === start && last.offsetMinutes === span.offsetMinutes) last.end = end;
      else spans.push({ start, end, offsetMinutes: span.offsetMinutes });
    }
  }
  return spans;
}

function spansOfYear(zone: string, year: number): OffsetSpan[] {
  const key = `${zone}\u0000${year}`;
  let spans = yearSpans.get(key);
  if (!spans) {
    spans = sampleSpans(ianaZone(zone), Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1));
    yearSpans.set(key, spans);
  }
  return spans;
}

function sampleSpans(zone: IANAZone, fromMs: number, toMs: number): OffsetSpan[] {
  const spans: OffsetSpan[] = [];
  let spanStart = fromMs;
  let cursor = fromMs;
  let offset = zone.offset(fromMs);
  while (cursor < toMs) {
    const probe = Math.min(cursor + SAMPLE_STEP_MS, toMs);
    if (zone.offset(probe) === offset) {
      cursor = probe;
      continue;
    }
    const change = firstChange(zone, cursor, probe, offset);
    spans.push({ start: spanStart, end: change, offsetMinutes: offset });
    spanStart = change;
    cursor = change;
    offset = zone.offset(change);
  }
  spans.push({ start: spanStart, end: toMs, offsetMinutes: offset });
  return spans;
}

/** First instant in `(from, to]` whose offset differs from `offset` (the offset at `to` must differ). */
function firstChange(zone: IANAZone, from: number, to: number, offset: number): number {
  // Offsets change on whole seconds, so bisect on seconds rather than milliseconds.
  let lo = Math.floor(from / 1000);
  let hi = Math.ceil(to / 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(mid * 1000) === offset) lo = mid;
    else hi = mid;
  }
  return Math.max(hi * 1000, from + 1);
}
