/**
 * Money is a whole number of the currency's minor unit (cents; yen has none).
 * Nothing here produces a float: rounding is done on integers, and display goes
 * through a decimal string so `Intl.NumberFormat` never sees a binary fraction.
 */

const digitsByCurrency = new Map<string, number>();

/** Digits after the decimal point in the currency's minor unit (JPY 0, CAD 2, BHD 3). */
export function currencyDigits(currency: string): number {
  const known = digitsByCurrency.get(currency);
  if (known !== undefined) return known;
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
  // Always set for style "currency"; the typings allow undefined for other styles.
  if (digits === undefined) throw new Error(`no minor unit known for currency ${currency}`);
  digitsByCurrency.set(currency, digits);
  return digits;
}

/**
 * `percent`% of `amount`, rounded half away from zero to a whole minor unit.
 *
 * The amount is split as `100·hundreds + rest` so that no intermediate product
 * exceeds the amount itself: `hundreds·percent` is exact, and `rest·percent` is
 * below 10,000, which keeps the arithmetic exact for every safe integer amount.
 *
 * @throws RangeError when the amount is not a safe integer or the percent is not
 *   a whole number from 0 to 100 (config validation rules both out, so it is a bug).
 */
export function percentOf(amount: number, percent: number): number {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`expected an integer amount, got ${amount}`);
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw new RangeError(`expected a whole percent from 0 to 100, got ${percent}`);
  }
  const magnitude = Math.abs(amount);
  const hundreds = Math.trunc(magnitude / 100);
  const rest = magnitude % 100;
  const restTimesPercent = rest * percent;
  const wholePart = hundreds * percent + Math.trunc(restTimesPercent / 100);
  const remainder = restTimesPercent % 100;
  const rounded = remainder * 2 >= 100 ? wholePart + 1 : wholePart;
  // Rounding the magnitude then restoring the sign is what makes it "away from zero".
  return amount < 0 ? -rounded : rounded;
}

/** 8250 CAD → "82.50": an exact decimal, for Intl to format without float error and for spreadsheets. */
export function decimalAmount(amount: number, currency: string): `${number}` {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`expected an integer amount, got ${amount}`);
  const digits = currencyDigits(currency);
  const sign = amount < 0 ? "-" : "";
  const text = String(Math.abs(amount)).padStart(digits + 1, "0");
  if (digits === 0) return `${sign}${text}` as `${number}`;
  const units = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  return `${sign}${units}.${fraction}` as `${number}`;
}
