import { z } from "../zod";
import type { ClinicConfig } from "../config/compiled";
import type { Answers } from "../config/questionnaire";
import { fail, ok, type Issue, type Result } from "../result";
import { toIssues } from "../config/errors";
import { quote as computeQuote, type Quote } from "../pricing";
import { beyondHorizonMs, isSlotAvailable, type BusyInterval } from "../slots";
import { questionnaireOf, triage as runTriage, validateAnswers, type TriageResult } from "../screening";
import type { ClientStanding } from "../clients/standing";
import { clinicDateAt, parseInstant } from "../time";
import { BookingRequestSchema, type BookingRequest, type BookingStatus, type PricedSession } from "./contract";

/** What the receiver stores: the request as checked, with every derived value recomputed. */
export interface CheckedBooking {
  request: BookingRequest;
  /** Answers to visible questions only: hidden ones are never kept. */
  answers: Answers;
  status: BookingStatus;
  sessions: PricedSession[];
  quote: Quote;
  triage: TriageResult;
  /** The receiver's decision the booking was priced and checked with. */
  standing: ClientStanding;
}

// zod/mini loads no messages, and a request's problems travel back to the client in the 422 body.
// Only here: the widget never parses a request, so its bundle carries no locale.
const englishMessages = z.locales.en().localeError;

// The receiver checks a booking request in two calls, `parseBookingRequest` then
// `checkBookingRequest`, reading the stored sessions near the parsed starts in between: price, deal
// and triage outcome are recomputed with the same core the widget used, and every slot is re-checked
// against `busy`. An issue with code `slot-taken` means the time was free by the rules but is now
// occupied (409); every other issue is the client's input (422).

/** The wire contract alone: a receiver that must look up stored sessions first parses with this. */
export function parseBookingRequest(input: unknown): Result<BookingRequest> {
  const parsed = BookingRequestSchema.safeParse(input, { error: englishMessages });
  return parsed.success ? ok(parsed.data) : fail(toIssues(parsed.error));
}

/**
 * Checks a request parsed by `parseBookingRequest` against the config, the stored sessions and the
 * clock. `standing` is the receiver's decision (core/clients/standing.ts): the request's own
 * `client.isNewClient` and `lastFullIntake` claims price nothing and excuse no question.
 */
export function checkBookingRequest(
  config: ClinicConfig,
  request: BookingRequest,
  busy: BusyInterval[],
  now: string,
  standing: ClientStanding,
): Result<CheckedBooking> {
  const service = config.index.serviceById.get(request.serviceId);
  if (!service) return fail([issue("serviceId", "unknown-service", `unknown service "${request.serviceId}"`)]);
  if (!service.durations.some((d) => d.minutes === request.minutes)) {
    return fail([issue("minutes", "unknown-duration", `${service.id} is not offered for ${request.minutes} minutes`)]);
  }

  const today = clinicDateAt(now, config.timeZone);
  const questionnaire = questionnaireOf(config);
  const errors: Issue[] = [];
  if (request.intakeMode === "update" && standing.intakeMode === "full") {
    errors.push(issue("intakeMode", "full-intake-required", "the full health history is required for this visit"));
  }
  const validated = validateAnswers(questionnaire, request.answers, request.intakeMode, today);
  if (!validated.ok) errors.push(...validated.errors);
  const answers = validated.ok ? validated.value : request.answers;
  const triage = runTriage(questionnaire, answers, today);

  if (request.kind === "callback") {
    if (errors.length > 0) return fail(errors);
    const emptyQuote = computeQuote({ config, sessions: [], isNewClient: standing.isNewClient, now });
    return ok({ request, answers, status: "needs-review", sessions: [], quote: emptyQuote, triage, standing });
  }

  errors.push(...checkOutcomeAllowsBooking(request, triage));
  errors.push(...checkSessions(config, request, busy, now, triage));
  if (errors.length > 0) return fail(errors);

  const quote = computeQuote({
    config,
    sessions: request.sessions.map((s) => ({ serviceId: request.serviceId, minutes: request.minutes, start: canonicalInstant(s.start) })),
    isNewClient: standing.isNewClient,
    ...(request.promoCode ? { promoCode: request.promoCode } : {}),
    now,
  });
  errors.push(...checkQuoteMatches(config, request, quote, now));
  if (errors.length > 0) return fail(errors);

  const sessions: PricedSession[] = quote.lines.map((line) => ({
    start: line.start,
    end: new Date(Date.parse(line.start) + request.minutes * 60_000).toISOString(),
    listPrice: line.listPrice,
    discount: line.discount,
    price: line.price,
    dealId: line.dealId,
  }));
  return ok({ request, answers, status: "confirmed", sessions, quote, triage, standing });
}

function checkOutcomeAllowsBooking(request: BookingRequest, triage: TriageResult): Issue[] {
  if (triage.outcome === "contact-clinic") {
    return [issue("kind", "callback-only", "this booking needs a conversation with the clinic first: send a call-back request")];
  }
  if (triage.outcome === "clearance" && !request.clearanceConfirmed) {
    return [issue("clearanceConfirmed", "clearance-required", "confirm that a physician cleared you for massage, or send a call-back request")];
  }
  return [];
}

function checkSessions(config: ClinicConfig, request: BookingRequest, busy: BusyInterval[], now: string, triage: TriageResult): Issue[] {
  const therapistId = request.therapistId ?? "";
  const therapist = config.index.therapistById.get(therapistId);
  if (!therapist) return [issue("therapistId", "unknown-therapist", `unknown therapist "${therapistId}"`)];
  if (!therapist.services.includes(request.serviceId)) {
    return [issue("therapistId", "service-not-offered", `${therapist.name} does not offer this service`)];
  }
  if (request.sessions.length > config.booking.maxSeriesSessions) {
    return [issue("sessions", "too-many-sessions", `at most ${config.booking.maxSeriesSessions} sessions per booking`)];
  }

  const errors: Issue[] = [];
  const base = { config, serviceId: request.serviceId, minutes: request.minutes, now };
  const earlierInRequest: BusyInterval[] = [];
  const starts = new Set<number>();
  // The wire format admits instants the slot engine cannot place (year 0000, more than nine
  // fractional digits): anything before now or surely past the horizon is refused here, and the
  // rest is checked in its canonical form.
  const nowMs = parseInstant(now);
  const latestMs = beyondHorizonMs(config.booking, nowMs);
  request.sessions.forEach((session, i) => {
    const path = `sessions[${i}].start`;
    const startMs = Date.parse(session.start);
    if (starts.has(startMs)) errors.push(issue(path, "duplicate-session", "the same time is booked twice"));
    starts.add(startMs);
    if (!(startMs >= nowMs && startMs <= latestMs)) {
      errors.push(notBookable(path));
      return;
    }
    const start = canonicalInstant(session.start);
    const end = new Date(startMs + request.minutes * 60_000).toISOString();
    const notBefore = triage.postponeUntil ?? undefined;
    const rules = { ...base, ...(notBefore ? { notBefore } : {}) };
    // Free among the stored sessions and this request's earlier ones is free by the rules and
    // untaken: one check for a bookable session. Only a refusal needs the second, to say why.
    if (!isSlotAvailable({ ...rules, busy: [...busy, ...earlierInRequest] }, therapistId, start)) {
      const byRules = isSlotAvailable({ ...rules, busy: earlierInRequest }, therapistId, start);
      errors.push(byRules ? issue(path, "slot-taken", "this time has just been taken") : notBookable(path));
    }
    earlierInRequest.push({ therapistId, start, end });
  });
  return errors;
}

function checkQuoteMatches(config: ClinicConfig, request: BookingRequest, quote: Quote, now: string): Issue[] {
  const errors: Issue[] = [];
  if (request.promoCode && quote.promo === "unknown") {
    errors.push(issue("promoCode", "unknown-promo", "this promo code is not valid"));
  }
  const chosen = quote.deal?.id ?? null;
  if (request.quotedDealId !== null && request.quotedDealId !== chosen) {
    const deal = config.deals.find((d) => d.id === request.quotedDealId);
    const code = deal ? "deal-not-applicable" : "unknown-deal";
    errors.push(issue("quotedDealId", code, `the deal "${request.quotedDealId}" does not apply at ${now}`));
  }
  if (request.quotedTotal !== quote.total) {
    errors.push(issue("quotedTotal", "price-changed", `the price is now ${quote.total}, not ${request.quotedTotal}`));
  }
  return errors;
}

/** "YYYY-MM-DDTHH:MM:SS.sssZ" for an instant already known to lie near now. */
function canonicalInstant(iso: string): string {
  return new Date(Date.parse(iso)).toISOString();
}

function notBookable(path: string): Issue {
  return issue(path, "slot-unavailable", "this time is not bookable (outside hours, too soon or too far ahead)");
}

function issue(path: string, code: string, message: string): Issue {
  return { path, code, message };
}
