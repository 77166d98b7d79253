import { DateTime } from "luxon";

/** An ISO instant read on the clinic's wall clock. */
export function atClinic(instant: string, timeZone: string): DateTime<true> {
  const parsed = DateTime.fromISO(instant, { zone: timeZone });
  if (!parsed.isValid) {
    throw new Error(`expected an ISO 8601 instant, got ${JSON.stringify(instant)} (${parsed.invalidExplanation ?? "invalid"})`);
  }
  return parsed;
}

/** The clinic's calendar date ("YYYY-MM-DD") at an instant. */
export function clinicDateOf(instant: string, timeZone: string): string {
  return atClinic(instant, timeZone).toISODate();
}

/**
 * Days since 1970-01-01 of a calendar date. Differences of these count calendar
 * days exactly, untouched by the 23- and 25-hour days around DST changes.
 */
export function epochDay(localDate: string): number {
  const [year, month, day] = localDate.split("-").map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    throw new Error(`expected a date as "YYYY-MM-DD", got ${JSON.stringify(localDate)}`);
  }
  return Date.UTC(year, month - 1, day) / 86_400_000;
}
