import { Hono } from "hono";
import { InstantSchema } from "../../core/booking";
import { LocalDateSchema } from "../../core/config";
import type { Issue } from "../../core/result";
import { DAY_MS } from "../../core/time";
import type { AppContext, AppEnv } from "../context";
import { sendCompressed } from "../http/representations";

export const MAX_RANGE_DAYS = 120;
// A client asking in instants widens its clinic days by up to three days to cover any zone
// offset (see the widget's instantRangeCovering), so instants get that much slack.
const INSTANT_SLACK_DAYS = 3;

type Bound = { kind: "date"; date: string; ms: number } | { kind: "instant"; ms: number };

export function availabilityRoutes(ctx: AppContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/api/availability", async (c) => {
    const range = parseRange(c.req.query("from"), c.req.query("to"));
    if (!range.ok) return c.json({ error: "invalid", issues: range.issues }, 422);
    // A busy clinic's fortnight is about 20 KB of JSON, 1 KB compressed.
    const body = JSON.stringify({ busy: await ctx.store.busyIntervals(range.from, range.to) });
    return sendCompressed(c, body, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  });
  return app;
}

/**
 * `from`/`to` are clinic dates (inclusive, "YYYY-MM-DD") or ISO UTC instants. Dates are widened
 * by a day each side: whatever the clinic's offset (±14 h), every session on those days is inside.
 */
export function parseRange(
  from: string | undefined,
  to: string | undefined,
): { ok: true; from: string; to: string } | { ok: false; issues: Issue[] } {
  const start = parseBound("from", from);
  const end = parseBound("to", to);
  const issues = [start, end].flatMap((b) => ("issue" in b ? [b.issue] : []));
  if ("issue" in start || "issue" in end) return { ok: false, issues };

  const fromMs = start.kind === "date" ? start.ms - DAY_MS : start.ms;
  const toMs = end.kind === "date" ? end.ms + 2 * DAY_MS : end.ms;
  const spanDays = (end.ms - start.ms) / DAY_MS + (end.kind === "date" ? 1 : 0);
  const maxDays = MAX_RANGE_DAYS + (start.kind === "instant" || end.kind === "instant" ? INSTANT_SLACK_DAYS : 0);
  if (end.ms < start.ms) return fail("to", "range-reversed", "expected to on or after from");
  if (spanDays > maxDays) return fail("to", "range-too-long", `expected at most ${MAX_RANGE_DAYS} days`);
  return { ok: true, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
}

function parseBound(name: string, value: string | undefined): Bound | { issue: Issue } {
  if (value === undefined || value === "") {
    return { issue: { path: name, code: "required", message: 'expected a date as "YYYY-MM-DD"' } };
  }
  if (LocalDateSchema.safeParse(value).success) return { kind: "date", date: value, ms: Date.parse(`${value}T00:00:00.000Z`) };
  if (InstantSchema.safeParse(value).success) return { kind: "instant", ms: Date.parse(value) };
  return { issue: { path: name, code: "invalid-date", message: `expected a date as "YYYY-MM-DD", got ${JSON.stringify(value)}` } };
}

function fail(path: string, code: string, message: string): { ok: false; issues: Issue[] } {
  return { ok: false, issues: [{ path, code, message }] };
}
