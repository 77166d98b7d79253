import { z } from "../zod";
import { describeValue, expectedMessage } from "./describe";

/** Lower-case slug used for every id a clinic writes (services, therapists, questions...). */
export const IdSchema = z
  .string({ error: (iss) => expectedMessage("an id string", iss.input) })
  .check(
    z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
      error: (iss) => expectedMessage("a lower-case id of letters, digits and dashes", iss.input),
    }),
  )
  .register(z.globalRegistry, { description: 'Lower-case id of letters, digits and dashes, e.g. "deep-tissue".' });

/** Text a client reads: one string for every locale, or one per locale (`{ "en": "...", "fr": "..." }`). */
export const LocalizedTextSchema = z
  .union(
    [
      z.string().check(z.minLength(1)),
      // An empty object would render as nothing at all.
      z.record(z.string().check(z.regex(/^[a-z]{2}(-[A-Z]{2})?$/)), z.string().check(z.minLength(1))).check(
        z.refine((texts) => Object.keys(texts).length > 0, {
          error: 'expected at least one text, e.g. { "en": "..." }',
        }),
      ),
    ],
    { error: 'expected a non-empty string or an object of locale → string, e.g. { "en": "...", "fr": "..." }' },
  )
  .register(z.globalRegistry, { description: 'One text for every language, or one per locale: { "en": "...", "fr": "..." }.' });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

const wholeCents = (iss: { input: unknown }) => expectedMessage("a whole number of cents", iss.input);

/** An amount in the currency's minor unit (cents; yen has none). */
export const MinorUnitsSchema = z
  .number({ error: wholeCents })
  .check(
    z.int({ error: wholeCents }),
    z.gte(0, { error: (iss) => expectedMessage("an amount of at least 0", iss.input) }),
  )
  .register(z.globalRegistry, { description: "Whole amount in the currency's minor unit: 8500 is $85.00 (yen has no minor unit)." });

const WALL_TIME = 'a time as "HH:MM" (24 h)';
const LOCAL_DATE = 'a date as "YYYY-MM-DD"';
const LOCAL_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Wall-clock time of day, 24 h: "09:00", "17:30". "24:00" closes at midnight. */
export const WallTimeSchema = z
  .string({ error: (iss) => expectedMessage(WALL_TIME, iss.input) })
  .check(z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: (iss) => expectedMessage(WALL_TIME, iss.input) }))
  .register(z.globalRegistry, { description: 'Time on the clinic\'s clock, "HH:MM" (24 h); "24:00" is midnight at the end of the day.' });

/** Calendar date "YYYY-MM-DD" in the clinic's zone. */
export const LocalDateSchema = z
  .string({ error: (iss) => expectedMessage(LOCAL_DATE, iss.input) })
  .check(
    z.regex(LOCAL_DATE_PATTERN, { error: (iss) => expectedMessage(LOCAL_DATE, iss.input) }),
    z.refine(isRealDateOrMalformed, { error: (iss) => expectedMessage("a date that exists on the calendar", iss.input) }),
  )
  .register(z.globalRegistry, { description: 'Calendar date in the clinic\'s time zone, "YYYY-MM-DD".' });

export const TimeZoneSchema = z
  .string()
  .check(
    z.refine((zone) => timeZoneProblem(zone) === null, {
      error: (iss) => timeZoneProblem(String(iss.input)) ?? "expected an IANA time zone",
    }),
  )
  .register(z.globalRegistry, { description: 'IANA time zone of the clinic, e.g. "America/Halifax".' });

export const CurrencySchema = z
  .string()
  .check(
    z.refine((code) => currencyProblem(code) === null, {
      error: (iss) => currencyProblem(String(iss.input)) ?? "expected an ISO 4217 currency code",
    }),
  )
  .register(z.globalRegistry, { description: 'ISO 4217 currency code, e.g. "CAD".' });

export const LocaleSchema = z
  .string()
  .check(z.regex(/^[a-z]{2}(-[A-Z]{2})?$/, { error: (iss) => expectedMessage('a locale such as "en" or "fr-CA"', iss.input) }))
  .register(z.globalRegistry, { description: 'Language, optionally with region: "en", "fr", "fr-CA".' });

// The pattern lets 2026-02-31 through; a closure or deal ending on it would silently mean March.
// A malformed value passes here because the pattern has already reported it.
function isRealDateOrMalformed(value: string): boolean {
  if (!LOCAL_DATE_PATTERN.test(value)) return true;
  const [year, month, day] = value.split("-").map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Null when the zone is usable; otherwise what to write instead. */
function timeZoneProblem(zone: string): string | null {
  const expected = expectedMessage('an IANA time zone such as "America/Halifax"', zone);
  if (!zone.includes("/") && zone !== "UTC") return expected;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return expected;
  }
  // Intl accepts any letter case, but the zone is compared as a string elsewhere
  // (e.g. "is the client in the clinic's zone?"), so only the canonical spelling passes.
  if (resolved !== zone && resolved.toLowerCase() === zone.toLowerCase()) {
    return `expected the time zone spelled "${resolved}", got ${describeValue(zone)}`;
  }
  return null;
}

/** Null when the code is a currency Intl knows; otherwise what to write instead. */
function currencyProblem(code: string): string | null {
  const expected = expectedMessage('an ISO 4217 currency code such as "CAD"', code);
  if (/^[a-z]{3}$/i.test(code) && code !== code.toUpperCase() && isKnownCurrency(code.toUpperCase())) {
    return `expected the currency code in capitals, "${code.toUpperCase()}", got ${describeValue(code)}`;
  }
  return /^[A-Z]{3}$/.test(code) && isKnownCurrency(code) ? null : expected;
}

function isKnownCurrency(code: string): boolean {
  // Intl.NumberFormat accepts any three letters ("ABC" formats as "ABC 1.00"), so the
  // list of currencies the runtime knows is the real test where it exists.
  if (typeof Intl.supportedValuesOf === "function") return Intl.supportedValuesOf("currency").includes(code);
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code });
    return true;
  } catch {
    return false;
  }
}

export function wallTimeToMinutes(time: string): number {
  const [h, m] = time.split(":");
  return Number(h) * 60 + Number(m);
}
