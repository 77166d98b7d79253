import type { ClinicConfig } from "../../core/config";
import { checkBookingRequest, parseBookingRequest, type BookingErrorBody, type BookingRequest } from "../../core/booking";
import type { Issue } from "../../core/result";
import { beyondHorizonMs } from "../../core/slots";
import { DAY_MS } from "../../core/time";
import type { BookingNotice } from "../mail/notice";
import { newReference, randomToken, sha256, timeOrderedId } from "../secrets";
import type { KeyedResponse, NewBooking, Store, StoredResponse } from "../store/types";
import { sameRequest } from "../store/keys";
import { bookingStanding } from "../clients/codes";
import { calendarPath } from "./calendar";
import { newManageLink } from "../manage/links";
import { bookingBody, newBookingRecord, pricedSessions } from "./record";

export interface SubmitContext {
  config: ClinicConfig;
  store: Store;
  /** ISO UTC instant the booking is judged at (deal windows, notice, horizon). */
  now: string;
  /** Origin the client's links point to, e.g. "https://book.example.com". */
  baseUrl: string;
  /** The request's X-Client-Token header: proof, from a one-time code, that the client owns the email. */
  clientToken?: string | undefined;
}

export interface SubmitOutcome extends StoredResponse {
  bookingId: string | null;
  /** Set only for the request that created the booking: a replay sends no second email. */
  notice: BookingNotice | null;
}

/** The request's idempotency key, and the hash of its body (request-hash.ts). */
export interface SubmitKey {
  key: string;
  requestHash: string;
}

/**
 * One POST: replays the first answer for a known key and the same body (a key reused for another
 * body is refused), otherwise checks the request with the core and lets the store's constraints
 * decide between a new booking and a taken slot.
 */
export async function submitBooking(ctx: SubmitContext, { key, requestHash }: SubmitKey, input: unknown): Promise<SubmitOutcome> {
  const earlier = await ctx.store.findResponse(key);
  if (earlier) return answerOfKey(earlier, requestHash);

  const parsed = parseBookingRequest(input);
  const window = parsed.ok ? busyWindow(ctx, parsed.value) : null;
  const busy = window ? await ctx.store.busyIntervals(window.from, window.to, window.therapistId) : [];
  const checked = parsed.ok
    ? checkBookingRequest(ctx.config, parsed.value, busy, ctx.now, await bookingStanding(ctx, ctx.clientToken, parsed.value.client.email))
    : parsed;
  if (!checked.ok) {
    // A twin request with the same key may have committed since the lookup; its sessions then
    // look taken here, but the client must get the twin's answer, not a 409.
    const twin = await ctx.store.findResponse(key);
    return twin ? answerOfKey(twin, requestHash) : rejection(checked.errors);
  }

  // A call-back request has no session to add to a calendar, cancel or move.
  const hasSessions = checked.value.sessions.length > 0;
  const token = hasSessions ? randomToken() : null;
  const id = timeOrderedId();
  // One link for the answer, one for the confirmation email: the answer's token is never kept anywhere else.
  const links = hasSessions ? [newManageLink(id, ctx.baseUrl, ctx.now), newManageLink(id, ctx.baseUrl, ctx.now)] : [];
  const record = newBookingRecord(ctx.config, checked.value, {
    id,
    reference: newReference(),
    createdAt: ctx.now,
    calendarTokenHash: token === null ? null : sha256(token),
    manageTokens: links.map(({ record }) => ({ tokenHash: record.tokenHash, calendarTokenHash: record.calendarTokenHash })),
  });
  const calendarUrl = token === null ? null : `${ctx.baseUrl}${calendarPath(record.id, token)}`;
  const body = bookingBody(record, { calendarUrl, manageUrl: links[0]?.manageUrl ?? null });
  const response: StoredResponse = { status: 201, body: JSON.stringify(body) };

  const result = await ctx.store.insertBooking(record, { key, requestHash, response });
  switch (result.kind) {
    case "inserted":
      return { ...response, bookingId: record.id, notice: noticeOf(record, calendarUrl, links[1]?.manageUrl ?? null, ctx.baseUrl) };
    case "replayed":
      return replay(result.response);
    case "key-reused":
      return keyReused();
    case "slot-taken":
      return rejection([
        { path: `sessions[${result.index}].start`, code: "slot-taken", message: "this time has just been taken" },
      ]);
  }
}

/**
 * The stored sessions the check can meet. Only sessions near a requested start can clash with it
 * (a session plus both buffers on either side spans well under a day), so the query covers the
 * requested starts a day either side, within the bookable horizon. Null when nothing in the
 * horizon can matter (a call-back request, or starts the check refuses as out of range).
 */
function busyWindow(ctx: SubmitContext, request: BookingRequest): { from: string; to: string; therapistId?: string } | null {
  const starts = request.sessions.map((session) => Date.parse(session.start));
  if (starts.length === 0) return null;
  const nowMs = Date.parse(ctx.now);
  const fromMs = Math.max(nowMs - DAY_MS, Math.min(...starts) - DAY_MS);
  const toMs = Math.min(beyondHorizonMs(ctx.config.booking, nowMs), Math.max(...starts) + DAY_MS);
  if (fromMs >= toMs) return null;
  const span = { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
  // The check places every session with the requested therapist; nobody else's can clash.
  return request.therapistId ? { ...span, therapistId: request.therapistId } : span;
}

/** 409 only when the time is the sole problem; anything else the client must fix first (422). */
function rejection(issues: Issue[]): SubmitOutcome {
  const taken = issues.length > 0 && issues.every((i) => i.code === "slot-taken");
  const body: BookingErrorBody = { error: taken ? "slot-taken" : "invalid", issues };
  return { status: taken ? 409 : 422, body: JSON.stringify(body), bookingId: null, notice: null };
}

/** Replaying the first answer to another body would tell the client something it did not ask. */
function answerOfKey(first: KeyedResponse, requestHash: string): SubmitOutcome {
  return sameRequest(first, requestHash) ? replay(first) : keyReused();
}

function keyReused(): SubmitOutcome {
  const body: BookingErrorBody = {
    error: "invalid",
    issues: [{ path: "Idempotency-Key", code: "idempotency-key-reused", message: "this key was already used for a different request; send this one with a new key" }],
  };
  return { status: 422, body: JSON.stringify(body), bookingId: null, notice: null };
}

function replay(response: StoredResponse): SubmitOutcome {
  return { ...response, bookingId: idIn(response.body), notice: null };
}

function idIn(body: string): string | null {
  const parsed: unknown = JSON.parse(body);
  return typeof parsed === "object" && parsed !== null && "id" in parsed && typeof parsed.id === "string" ? parsed.id : null;
}

/** Picks field by field what the emails may use, so no intake data can reach them by accident. */
function noticeOf(record: NewBooking, calendarUrl: string | null, manageUrl: string | null, baseUrl: string): BookingNotice {
  return {
    id: record.id,
    reference: record.reference,
    kind: record.kind,
    status: record.status,
    outcome: record.outcome,
    locale: record.locale,
    createdAt: record.createdAt,
    client: { name: record.client.name, email: record.client.email, phone: record.client.phone },
    serviceId: record.serviceId,
    minutes: record.minutes,
    therapistId: record.therapistId,
    currency: record.currency,
    total: record.total,
    sessions: pricedSessions(record),
    calendarUrl,
    manageUrl,
    inboxUrl: `${baseUrl}/inbox/bookings/${encodeURIComponent(record.id)}`,
  };
}
