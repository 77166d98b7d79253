import { formatMoney } from "../../core/pricing/money";

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

export function createFormatters(locale: string): Formatters {
  const dayFormat = new Intl.DateTimeFormat(locale, { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" });
  const dateFormat = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  const shortDayFormat = new Intl.DateTimeFormat(locale, { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });
  const listFormat = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  const numberFormat = new Intl.NumberFormat(locale);
  return {
    money: (amount, currency) => formatMoney(amount, currency, locale),
    day: (localDate) => dayFormat.format(dayAsInstant(localDate)),
    date: (localDate) => dateFormat.format(dayAsInstant(localDate)),
    shortDay: (localDate) => shortDayFormat.format(dayAsInstant(localDate)),
    time: (instant, timeZone) =>
      new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone }).format(new Date(instant)),
    dateTime: (instant, timeZone) =>
      new Intl.DateTimeFormat(locale, {
        weekday: "long",
        month: "long",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZone,
      }).format(new Date(instant)),
    zoneName: (timeZone, at) => {
      const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "longGeneric" }).formatToParts(new Date(at));
      return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
    },
    list: (items) => listFormat.format(items),
    number: (value) => numberFormat.format(value),
  };
}

/** "-03:00" → "UTC−03:00": tells apart the two 1:30 AMs of a fall-back night. */
export function offsetLabel(offset: string): string {
  return `UTC${offset.replace("-", "\u2212")}`;
}
