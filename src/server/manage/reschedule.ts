import { checkReschedule, postponedUntil, RescheduleRequestSchema, type PlannedReschedule, type RescheduleRequest } from "../../core/manage";
import type { Issue } from "../../core/result";
import { DAY_MS } from "../../core/time";
import { sameRequest } from "../store/keys";
import type { BookingDetail, RescheduleChange } from "../store/types";
import { invalid, keyReused, tooLate, type ManageAnswer } from "./answers";
import type { ManageContext, Opened } from "./context";
import { calendarUrlOf } from "./links";
import { changeNotice } from "./notices";
import { parseWith } from "./parse";
import { managedState, manageView } from "./view";

const MINUTE_MS = 60_000;

/** A reschedule's key sits beside the keys of new bookings, scoped to its booking so keys of two bookings never meet. */
export function rescheduleKey(bookingId: string, key: string): string {
  return `reschedule:${bookingId}:${key}`;
}

/** Checks a reschedule with the booking's slot rules, at `now`, against the stored sessions near the new times. */
async function plan(ctx: ManageContext, booking: BookingDetail, request: RescheduleRequest) {
  const starts = request.changes.map((c) => Date.parse(c.start));
  const from = new Date(Math.min(...starts) - DAY_MS).toISOString();
  const to = new Date(Math.max(...starts) + DAY_MS).toISOString();
  const busy = await ctx.store.busyIntervals(from, to);
  return checkReschedule(
    { config: ctx.config, booking: managedState(booking), busy, now: ctx.now, notBefore: postponedUntil(ctx.config, booking.intake.answers, booking.createdAt) },
    request.changes,
  );
}

/** `POST /api/manage/reschedule/quote`: what the price becomes; every refusal is the client's to fix (422). */
export async function quoteReschedule(ctx: ManageContext, { booking }: Opened, input: unknown): Promise<ManageAnswer> {
  const parsed = parseWith(RescheduleRequestSchema, input);
  if (!parsed.ok) return invalid(parsed.errors);
  const planned = await plan(ctx, booking, parsed.value);
  if (!planned.ok) return invalid(planned.errors);
  const { before, after, changed } = planned.value.repriced;
  return { status: 200, body: { before, after, changed } };
}

/**
 * `POST /api/manage/reschedule`: the new times are checked with the core, then the store releases
 * the old ones and takes the new ones in one transaction, its triggers deciding any race.
 */
export async function reschedule(ctx: ManageContext, opened: Opened, key: { key: string; requestHash: string }, input: unknown): Promise<ManageAnswer> {
  const { booking, token } = opened;
  const earlier = await ctx.store.findResponse(rescheduleKey(booking.id, key.key));
  if (earlier) return sameRequest(earlier, key.requestHash) ? replay(earlier.body) : keyReused();

  const parsed = parseWith(RescheduleRequestSchema, input);
  if (!parsed.ok) return invalid(parsed.errors);
  const planned = await plan(ctx, booking, parsed.value);
  if (!planned.ok) return refusal(ctx, parsed.value, planned.errors);

  const moved = movedBooking(booking, planned.value, ctx.now);
  const view = manageView(ctx.config, moved, calendarUrlOf(booking.id, token, ctx.baseUrl), ctx.now);
  const idempotency = { key: rescheduleKey(booking.id, key.key), requestHash: key.requestHash, response: { status: 200, body: JSON.stringify(view) } };
  const result = await ctx.store.rescheduleSessions(storeChange(ctx, booking, planned.value, idempotency));
  switch (result.kind) {
    case "rescheduled": {
      const changed = planned.value.moves.map((m) => ({ index: m.index, from: booking.sessions.find((s) => s.index === m.index)?.start ?? "", to: m.start }));
      const stored = (await ctx.store.getBooking(booking.id)) ?? moved;
      if (ctx.notifier) ctx.notifier.bookingChanged(await changeNotice(ctx, stored, "rescheduled", changed));
      return { status: 200, body: view };
    }
    case "replayed":
      return replay(result.response.body);
    case "key-reused":
      return keyReused();
    case "slot-taken":
      return { status: 409, body: { error: "slot-taken", index: result.index } };
    case "stale":
      return { status: 409, body: { error: "slot-taken", index: planned.value.moves[0]?.index ?? 0 } };
  }
}

/** 422 for anything the client must fix; else 409, too late before taken. */
function refusal(ctx: ManageContext, request: RescheduleRequest, issues: Issue[]): ManageAnswer {
  const indexOf = (issue: Issue) => request.changes[Number(/^changes\[(\d+)\]/.exec(issue.path)?.[1])]?.index ?? 0;
  if (issues.some((i) => i.code !== "too-late" && i.code !== "slot-taken")) return invalid(issues);
  const late = issues.filter((i) => i.code === "too-late");
  if (late.length > 0) return tooLate(ctx.config, late.map(indexOf));
  return { status: 409, body: { error: "slot-taken", index: indexOf(issues[0] as Issue) } };
}

function replay(body: string): ManageAnswer {
  return { status: 200, body: JSON.parse(body) as unknown };
}

/** Every booked session priced by the fresh quote; the moved ones at their new times. */
function newPrices(booking: BookingDetail, planned: PlannedReschedule) {
  const { quote, sessions } = planned.repriced;
  return quote.lines.map((line) => ({
    index: sessions[line.index]?.index ?? line.index,
    listPrice: line.listPrice,
    discount: line.discount,
    price: line.price,
    dealId: line.dealId,
  }));
}

function storeChange(ctx: ManageContext, booking: BookingDetail, planned: PlannedReschedule, idempotency: RescheduleChange["idempotency"]): RescheduleChange {
  const before = ctx.config.booking.bufferBeforeMinutes * MINUTE_MS;
  const after = ctx.config.booking.bufferAfterMinutes * MINUTE_MS;
  const { quote } = planned.repriced;
  return {
    bookingId: booking.id,
    moves: planned.moves.map((m) => ({
      ...m,
      blockedStart: new Date(Date.parse(m.start) - before).toISOString(),
      blockedEnd: new Date(Date.parse(m.end) + after).toISOString(),
      sequence: booking.sessions.find((s) => s.index === m.index)?.sequence ?? 0,
    })),
    prices: newPrices(booking, planned),
    totals: { listTotal: quote.listTotal, discountTotal: quote.discountTotal, total: quote.total, dealId: quote.deal?.id ?? null },
    event: {
      at: ctx.now,
      actor: "client",
      kind: "rescheduled",
      detail: {
        sessions: planned.moves.map((m) => ({ index: m.index, from: booking.sessions.find((s) => s.index === m.index)?.start, to: m.start, therapistId: m.therapistId })),
        totalBefore: planned.repriced.before.total,
        totalAfter: quote.total,
      },
    },
    idempotency,
  };
}

/** The booking as it will be once the store has taken the change: the answer is built before the write so a replay repeats it exactly. */
function movedBooking(booking: BookingDetail, planned: PlannedReschedule, now: string): BookingDetail {
  const prices = new Map(newPrices(booking, planned).map((p) => [p.index, p]));
  return {
    ...booking,
    updatedAt: now,
    sessions: booking.sessions.map((s) => {
      const move = planned.moves.find((m) => m.index === s.index);
      const price = prices.get(s.index);
      return {
        ...s,
        ...(price ? { listPrice: price.listPrice, discount: price.discount, price: price.price, dealId: price.dealId } : {}),
        ...(move ? { therapistId: move.therapistId, start: move.start, end: move.end, sequence: s.sequence + 1 } : {}),
      };
    }),
  };
}
