import { HOUR_MS, parseInstant } from "../time";
import type { SessionStatus } from "./contract";

/**
 * The last instant a session may still be cancelled or moved online: its start minus the notice.
 * Elapsed time, not wall-clock time, so a DST change in between neither lengthens nor shortens it.
 */
export function changeableUntil(start: string, noticeHours: number): string {
  return new Date(parseInstant(start) - noticeHours * HOUR_MS).toISOString();
}

export interface ChangeableSession {
  start: string;
  status: SessionStatus;
}

/** A booked session may be changed up to and including the instant its notice begins. */
export function canChange(
  session: ChangeableSession,
  config: { booking: { cancellationNoticeHours: number } },
  now: string,
): boolean {
  if (session.status !== "booked") return false;
  return parseInstant(now) <= parseInstant(changeableUntil(session.start, config.booking.cancellationNoticeHours));
}
