import { formatMoney } from "./money";

/** Dates, times and money in the active locale, always through Intl. */
export interface Formatters {
  money(amount: number, currency: string): string;
  /** A clinic calendar day "YYYY-MM-DD": "Monday, December 7". */
  day(localDate: string): string;
  /** With the year, for end dates that may be months away: "June 30, 2027". */
  date(localDate: string): string;
  /** Short form for dense lists: "Mon, Dec 7". */
  shortDay(localDate: string): string;
  /** Time of an instant on a zone's clock: "2:00 PM" / "14 h 00". */
  time(instant: string, timeZone: string): string;
  /** Day and time of an instant on a zone's clock. */
  dateTime(instant: string, timeZone: string): string;
  /** A readable zone name, e.g. "Atlantic Time". */
  zoneName(timeZone: string, at: string): string;
  list(items: string[]): string;
  number(value: number): string;
}

// A calendar day is a label, not an instant: formatting its noon in UTC shows the same day everywhere.
const dayAsInstant = (localDate: string) => new Date(`${localDate}T12:00:00Z`);

/**
 * English and French write 0–999 with ASCII digits and no separator, so "45 min" and "Step 2 of
 * 5" need no Intl: the first Intl formatter of a page costs its locale data (see money.ts).
 * A locale with an extension (say "-u-nu-arab" for other digits) goes through Intl.
 */
const PLAIN_DIGITS = /^(?:en|fr)(?:-[A-Z]{2})?$/;

/**
 * Intl formatters are built on first use and kept: building one loads locale data and costs
 * far more than formatting (it dominated the first step's paint when all were built up front),
 * and the slot grid formats hundreds of times in one zone.
 */
export function createFormatters(locale: string): Formatters {
  const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
  const dateTimeFormat = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
    const key = JSON.stringify(options);
    let format = dateTimeFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, options);
      dateTimeFormats.set(key, format);
    }
    return format;
  };
  const writesSmallIntegersPlainly = PLAIN_DIGITS.test(locale);
  let listFormat: Intl.ListFormat | undefined;
  let numberFormat: Intl.NumberFormat | undefined;
  return {
    money: (amount, currency) => formatMoney(amount, currency, locale),
    day: (localDate) => dateTimeFormat({ weekday: "long", month: "long", day: "numeric", timeZone: "UTC" }).format(dayAsInstant(localDate)),
    date: (localDate) => dateTimeFormat({ year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(dayAsInstant(localDate)),
    shortDay: (localDate) =>
      dateTimeFormat({ weekday: "short", month: "short", day: "numeric", timeZone: "UTC" }).format(dayAsInstant(localDate)),
    time: (instant, timeZone) => dateTimeFormat({ hour: "numeric", minute: "2-digit", timeZone }).format(new Date(instant)),
    dateTime: (instant, timeZone) =>
      dateTimeFormat({ weekday: "long", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZone }).format(
        new Date(instant),
      ),
    zoneName: (timeZone, at) => {
      const parts = dateTimeFormat({ timeZone, timeZoneName: "longGeneric" }).formatToParts(new Date(at));
      return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
    },
    list: (items) => (listFormat ??= new Intl.ListFormat(locale, { style: "long", type: "conjunction" })).format(items),
    number: (value) =>
      writesSmallIntegersPlainly && Number.isInteger(value) && value < 1000 && (value > 0 || Object.is(value, 0))
        ? String(value)
        : (numberFormat ??= new Intl.NumberFormat(locale)).format(value),
  };
}

/** "-03:00" → "UTC−03:00": tells apart the two 1:30 AMs of a fall-back night. */
export function offsetLabel(offset: string): string {
  return `UTC${offset.replace("-", "\u2212")}`;
}
