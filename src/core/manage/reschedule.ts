import type { ClinicConfig } from "../config/compiled";
import type { Answers } from "../config/questionnaire";
import { fail, ok, type Issue, type Result } from "../result";
import { isSlotAvailable, type BusyInterval } from "../slots";
import { questionnaireOf, triage } from "../screening";
import { clinicDateAt, parseInstant } from "../time";
import type { ManagedBookingState } from "./booking";
import type { RescheduleChange } from "./contract";
import { repriceAfterMoves, type Repriced } from "./reprice";
import { canChange } from "./window";

export interface RescheduleCheck {
  config: ClinicConfig;
  booking: ManagedBookingState;
  /** Stored sessions near the new times, this booking's own included. */
  busy: BusyInterval[];
  now: string;
  /** LocalDate before which no session may be placed (the booking's `postpone` outcome). */
  notBefore: string | null;
}

export interface PlannedMove {
  index: number;
  therapistId: string;
  start: string;
  end: string;
}

export interface PlannedReschedule {
  moves: PlannedMove[];
  repriced: Repriced;
}

/**
 * The day the booking's triage put off sessions until, as it was decided when booked: triage is
 * rerun on the stored answers at the booking's own date, so a move keeps the same limit.
 */
export function postponedUntil(config: ClinicConfig, answers: Answers, createdAt: string): string | null {
  return triage(questionnaireOf(config), answers, clinicDateAt(createdAt, config.timeZone)).postponeUntil;
}

/**
 * Checks each change with the booking's slot rules. The sessions being moved no longer hold
 * their old time; each new time counts as busy for the changes after it. Issue codes:
 * `unknown-session`, `session-cancelled`, `too-late` (inside the cancellation notice),
 * `slot-unavailable` (not bookable by the rules) and `slot-taken` (bookable, but held by someone).
 */
export function checkReschedule(ctx: RescheduleCheck, changes: RescheduleChange[]): Result<PlannedReschedule> {
  const { config, booking, now } = ctx;
  const movedIndexes = new Set(changes.map((change) => change.index));
  const released = booking.sessions.filter((s) => movedIndexes.has(s.index) && s.status === "booked");
  const busy = withoutOwn(ctx.busy, released);
  const rules = { config, serviceId: booking.serviceId, minutes: booking.minutes, now, ...(ctx.notBefore ? { notBefore: ctx.notBefore } : {}) };
  const errors: Issue[] = [];
  const moves: PlannedMove[] = [];

  for (const [i, change] of changes.entries()) {
    const session = booking.sessions.find((s) => s.index === change.index);
    const path = `changes[${i}]`;
    const refusal = !session
      ? issue(`${path}.index`, "unknown-session", `this booking has no session ${change.index}`)
      : session.status !== "booked"
        ? issue(`${path}.index`, "session-cancelled", "this session was cancelled")
        : !canChange(session, config, now)
          ? issue(`${path}.index`, "too-late", "this session is too close to be moved online")
          : null;
    if (refusal) {
      errors.push(refusal);
      continue;
    }

    const start = new Date(parseInstant(change.start)).toISOString();
    const candidates = change.therapistId === null ? therapistsOffering(config, booking.serviceId) : [change.therapistId];
    const therapistId = candidates.find((id) => isSlotAvailable({ ...rules, busy: [...busy, ...moves] }, id, start));
    if (therapistId === undefined) {
      // Free by the rules but not among the stored sessions: someone holds it.
      const byRules = candidates.some((id) => isSlotAvailable({ ...rules, busy: moves }, id, start));
      errors.push(byRules ? issue(`${path}.start`, "slot-taken", "this time has just been taken") : notBookable(`${path}.start`));
      continue;
    }
    moves.push({ index: change.index, therapistId, start, end: new Date(parseInstant(start) + booking.minutes * 60_000).toISOString() });
  }
  if (errors.length > 0) return fail(errors);
  return ok({ moves, repriced: repriceAfterMoves(config, booking, moves) });
}

/** The stored sessions minus the booking's own that are being moved (matched by therapist and time). */
function withoutOwn(busy: BusyInterval[], own: { therapistId: string; start: string; end: string }[]): BusyInterval[] {
  const left = [...own];
  return busy.filter((interval) => {
    const at = left.findIndex(
      (s) => s.therapistId === interval.therapistId && parseInstant(s.start) === parseInstant(interval.start) && parseInstant(s.end) === parseInstant(interval.end),
    );
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

function therapistsOffering(config: ClinicConfig, serviceId: string): string[] {
  return config.therapists.filter((t) => t.services.includes(serviceId)).map((t) => t.id);
}

function notBookable(path: string): Issue {
  return issue(path, "slot-unavailable", "this time is not bookable (outside hours, too soon or too far ahead)");
}

function issue(path: string, code: string, message: string): Issue {
  return { path, code, message };
}
