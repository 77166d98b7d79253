/** A calendar date "YYYY-MM-DD" on the clinic's wall calendar. */
export type LocalDate = string;

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Screening only needs calendar arithmetic (days and months between wall-calendar dates), which is
// zone-free, so plain UTC dates do it without pulling luxon out of core/time.

/** Days since 1970-01-01, or null when the value is not a real calendar date ("2026-02-30" is not). */
export function dayNumber(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const match = LOCAL_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const day = Number(match[3]);
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return null;
  return Math.round(date.getTime() / DAY_MS);
}

export function isLocalDate(value: unknown): value is LocalDate {
  return dayNumber(value) !== null;
}

export function fromDayNumber(days: number): LocalDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(requireDay(date) + days);
}

/** Same day of the month `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  requireDay(date);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(0);
  target.setUTCFullYear(year, month - 1 + months, 1);
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(target.getUTCFullYear(), target.getUTCMonth() + 1, 0);
  target.setUTCDate(Math.min(day, lastDay.getUTCDate()));
  return target.toISOString().slice(0, 10);
}

/** `today` comes from the caller's code, not the client: a bad one is a bug, so it throws. */
export function requireDay(date: LocalDate): number {
  const days = dayNumber(date);
  if (days === null) throw new RangeError(`expected a date as "YYYY-MM-DD", got ${JSON.stringify(date)}`);
  return days;
}
