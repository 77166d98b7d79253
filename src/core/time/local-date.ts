/**
 * Calendar dates ("YYYY-MM-DD") and wall times ("HH:MM") as plain numbers. A date is counted in
 * days since 1970-01-01 on the proleptic Gregorian calendar; no zone is involved, so the
 * arithmetic is exact and cheap.
 */

/** A calendar date "YYYY-MM-DD" on the clinic's wall calendar. */
export type LocalDate = string;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME = /^(\d{2}):(\d{2})$/;

/** Days since 1970-01-01; throws a RangeError for anything that is not a real calendar date. */
export function dayNumber(localDate: LocalDate): number {
  const day = dayNumberOrNull(localDate);
  if (day === null) throw new RangeError(`expected a real date as "YYYY-MM-DD", got ${JSON.stringify(localDate)}`);
  return day;
}

/** Days since 1970-01-01, or null when the value is not a real calendar date ("2026-02-30" is not). */
export function dayNumberOrNull(value: unknown): number | null {
  const match = typeof value === "string" ? LOCAL_DATE.exec(value) : null;
  return match ? civilDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** Day number of a Gregorian date, or null when the month or day does not exist (2026-02-30). */
export function civilDay(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !(month >= 1 && month <= 12) || !(day >= 1 && day <= daysInMonth(year, month))) return null;
  // Days from civil, counting years from March so the leap day comes last.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * "YYYY-MM-DD" of a day number. Hand-rolled because slot lists format thousands of dates and
 * `Date#toISOString` costs microseconds each.
 */
export function formatDay(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return new Date(day * DAY_MS).toISOString().slice(0, 10);
  return String(year).padStart(4, "0") + "-" + pad2(month) + "-" + pad2(date);
}

export function addDays(localDate: LocalDate, days: number): LocalDate {
  return formatDay(dayNumber(localDate) + days);
}

/** Same day of the month `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(localDate: LocalDate, months: number): LocalDate {
  dayNumber(localDate);
  const [year, month, date] = localDate.split("-").map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatDay(civilDay(targetYear, targetMonth, Math.min(date, daysInMonth(targetYear, targetMonth))) as number);
}

/** The later of two dates ("YYYY-MM-DD" sorts as text). */
export function laterDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}

/** Monday = 0 … Sunday = 6, the order of the config's `WEEKDAYS`. */
export function weekdayIndex(day: number): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}

export function wallTimeMinutes(wallTime: string): number {
  const match = WALL_TIME.exec(wallTime);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!(minutes >= 0 && minutes <= MINUTES_PER_DAY && Number(match?.[2]) < 60)) {
    throw new RangeError(`expected a time as "HH:MM", got ${JSON.stringify(wallTime)}`);
  }
  return minutes;
}

const WALL_TIMES: readonly string[] = Array.from({ length: MINUTES_PER_DAY + 1 }, (_, m) => pad2(Math.floor(m / 60)) + ":" + pad2(m % 60));

/** "HH:MM" for a minute of the day (1440 gives "24:00"). */
export function formatWallTime(minutes: number): string {
  return WALL_TIMES[minutes] ?? pad2(Math.floor(minutes / 60)) + ":" + pad2(minutes % 60);
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}
