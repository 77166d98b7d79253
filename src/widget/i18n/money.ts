import { decimalAmount } from "../../core/pricing/money";

/**
 * How Intl writes a price in a clinic's own currency for its own country, for the countries
 * clinics use this widget in most, so such a price can be written without Intl.
 *
 * Why: the first Intl formatter a page builds makes the browser load its locale data, which
 * costs about 100 ms on a slow phone (4x CPU throttle), and the service step, the first thing a
 * client sees, is all prices. With these the step paints without touching Intl.
 *
 * Each entry is the exact output of Intl (CLDR 48) for that locale and currency; tests compare
 * them with Intl for any amount, in Node (tests/unit/money-patterns.test.ts) and in Chromium
 * (tests/e2e/intl-free-paint.test.ts). Any other locale and currency goes through Intl.
 */
export interface MoneyPattern {
  symbol: string;
  /** "95,00 $" rather than "$95.00". */
  symbolAfter: boolean;
  decimal: string;
  group: string;
  /** Digits of the minor unit; every currency here has cents. */
  digits: 2;
}

const NBSP = "\u00a0";
const NARROW_NBSP = "\u202f";

const english = (symbol: string): MoneyPattern => ({ symbol, symbolAfter: false, decimal: ".", group: ",", digits: 2 });
const french = (symbol: string, group: string, decimal = ","): MoneyPattern => ({ symbol, symbolAfter: true, decimal, group, digits: 2 });

/** By "locale|currency". */
export const MONEY_PATTERNS: Readonly<Record<string, MoneyPattern>> = {
  "en-CA|CAD": english("$"),
  "fr-CA|CAD": french("$", NBSP),
  "en-US|USD": english("$"),
  "en-GB|GBP": english("£"),
  "en-IE|EUR": english("€"),
  "en-AU|AUD": english("$"),
  "en-NZ|NZD": english("$"),
  "fr-FR|EUR": french("€", NARROW_NBSP),
  "fr-BE|EUR": french("€", NARROW_NBSP),
  "fr-CH|CHF": french("CHF", NARROW_NBSP, "."),
};

/** The pattern for this locale and currency, or null when only Intl knows how to write it. */
export function moneyPattern(locale: string, currency: string): MoneyPattern | null {
  return MONEY_PATTERNS[`${locale}|${currency}`] ?? null;
}

/** `amount` minor units written as Intl writes them with `pattern`, e.g. 123450 → "1 234,50 $". */
export function formatWithPattern(amount: number, pattern: MoneyPattern): string {
  const magnitude = String(Math.abs(amount)).padStart(pattern.digits + 1, "0");
  const units = magnitude.slice(0, -pattern.digits);
  const grouped = units.replace(/\B(?=(\d{3})+$)/g, pattern.group);
  const number = `${grouped}${pattern.decimal}${magnitude.slice(-pattern.digits)}`;
  const sign = amount < 0 ? "-" : "";
  return pattern.symbolAfter ? `${sign}${number}${NBSP}${pattern.symbol}` : `${sign}${pattern.symbol}${number}`;
}

/** Minor units for display, e.g. `formatMoney(8250, "CAD", "fr-CA")` → "82,50 $". */
export function formatMoney(amount: number, currency: string, locale: string): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`expected an integer amount, got ${amount}`);
  const pattern = moneyPattern(locale, currency);
  if (pattern) return formatWithPattern(amount, pattern);
  return moneyFormat(locale, currency).format(decimalAmount(amount, currency));
}

// Building an Intl formatter costs far more than using one (it loads locale data), and a price
// list formats the same currency dozens of times: one formatter per locale and currency.
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
    moneyFormats.set(key, format);
  }
  return format;
}
