import { z } from "../zod";

/** Lower-case slug used for every id a clinic writes (services, therapists, questions...). */
export const IdSchema = z
  .string({ error: "expected an id string" })
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    error: (iss) => `expected a lower-case id of letters, digits and dashes, got ${JSON.stringify(iss.input)}`,
  });

/** Text a client reads: one string for every locale, or one per locale (`{ "en": "...", "fr": "..." }`). */
export const LocalizedTextSchema = z.union(
  [z.string().min(1), z.record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/), z.string().min(1))],
  { error: 'expected a non-empty string or an object of locale → string, e.g. { "en": "...", "fr": "..." }' },
);
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** An amount in the currency's minor unit (cents; yen has none). */
export const MinorUnitsSchema = z
  .number({ error: (iss) => `expected a whole number of cents, got ${JSON.stringify(iss.input)}` })
  .refine((n) => Number.isSafeInteger(n), {
    error: (iss) => `expected a whole number of cents, got ${String(iss.input)}`,
  })
  .refine((n) => n >= 0, { error: (iss) => `expected an amount of at least 0, got ${String(iss.input)}` });

/** Wall-clock time of day, 24 h: "09:00", "17:30". "24:00" closes at midnight. */
export const WallTimeSchema = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, {
    error: (iss) => `expected a time as "HH:MM" (24 h), got ${JSON.stringify(iss.input)}`,
  });

/** Calendar date "YYYY-MM-DD" in the clinic's zone. */
export const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    error: (iss) => `expected a date as "YYYY-MM-DD", got ${JSON.stringify(iss.input)}`,
  });

export const TimeZoneSchema = z.string().refine(isKnownTimeZone, {
  error: (iss) => `expected an IANA time zone such as "America/Halifax", got ${JSON.stringify(iss.input)}`,
});

export const CurrencySchema = z.string().refine(isKnownCurrency, {
  error: (iss) => `expected an ISO 4217 currency code such as "CAD", got ${JSON.stringify(iss.input)}`,
});

export const LocaleSchema = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, {
  error: (iss) => `expected a locale such as "en" or "fr-CA", got ${JSON.stringify(iss.input)}`,
});

function isKnownTimeZone(zone: string): boolean {
  if (!zone.includes("/") && zone !== "UTC") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
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
