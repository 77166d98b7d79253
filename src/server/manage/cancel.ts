import { CancelRequestSchema } from "../../core/manage";
import { HOUR_MS } from "../../core/time";
import { parseWith } from "./parse";
import { invalid, tooLate, type ManageAnswer } from "./answers";
import type { ManageContext, Opened } from "./context";
import { changeNotice } from "./notices";
import { calendarUrlOf } from "./links";
import { manageView } from "./view";

/**
 * Cancels the named sessions, or all: none when one is inside its notice. A session already
 * cancelled is left as it is, so a repeat answers as the first did and sends no second email.
 */
export async function cancelSessions(ctx: ManageContext, { booking, token }: Opened, input: unknown): Promise<ManageAnswer> {
  const parsed = parseWith(CancelRequestSchema, input);
  if (!parsed.ok) return invalid(parsed.errors);
  const known = new Set(booking.sessions.map((s) => s.index));
  const indexes = parsed.value.sessions === "all" ? [...known] : [...new Set(parsed.value.sessions)];
  const unknown = indexes.filter((i) => !known.has(i));
  if (unknown.length > 0) {
    return invalid(unknown.map((i) => ({ path: "sessions", code: "unknown-session", message: `this booking has no session ${i}` })));
  }

  const earliestStart = new Date(Date.parse(ctx.now) + ctx.config.booking.cancellationNoticeHours * HOUR_MS).toISOString();
  const result = await ctx.store.cancelSessions({
    bookingId: booking.id,
    indexes,
    earliestStart,
    event: { at: ctx.now, actor: "client", kind: "cancelled", detail: {} },
  });
  if (result.kind === "too-late") return tooLate(ctx.config, result.indexes);

  const updated = (await ctx.store.getBooking(booking.id)) ?? booking;
  if (result.indexes.length > 0 && ctx.notifier) {
    const changed = result.indexes.map((index) => ({ index, from: booking.sessions.find((s) => s.index === index)?.start ?? "", to: null }));
    ctx.notifier.bookingChanged(await changeNotice(ctx, updated, "cancelled", changed));
  }
  return { status: 200, body: manageView(ctx.config, updated, calendarUrlOf(booking.id, token, ctx.baseUrl), ctx.now) };
}
