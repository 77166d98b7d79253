import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currencyDigits } from "../../src/core/pricing";
import { MONEY_PATTERNS, formatMoney, formatWithPattern, moneyPattern } from "../../src/widget/i18n/money";
import { createFormatters } from "../../src/widget/i18n/format";

const pairs = Object.keys(MONEY_PATTERNS).map((key) => key.split("|") as [string, string]);

/** What Intl writes for `amount` minor units, given as an exact decimal string. */
function intlMoney(amount: number, currency: string, locale: string): string {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const magnitude = String(Math.abs(amount)).padStart(digits + 1, "0");
  const decimal = `${amount < 0 ? "-" : ""}${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(decimal as `${number}`);
}

describe("prices written without Intl", () => {
  it("covers the clinic's own currency in each country it lists", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    expect(moneyPattern("en-CA", "CAD")).not.toBeNull();
    expect(moneyPattern("fr-CA", "CAD")).not.toBeNull();
    // A bare language or a foreign currency is Intl's to write ("CA$", "$CA", "US$").
    expect(moneyPattern("en", "CAD")).toBeNull();
    expect(moneyPattern("en-US", "CAD")).toBeNull();
  });

  it("match Intl, character for character, for any amount", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger().map((n) => Math.floor(n / 7)), fc.constantFrom(0, -0, 5, 95, 100, 99_999)),
        ([locale, currency], amount) => {
          expect(formatMoney(amount, currency, locale)).toBe(intlMoney(amount, currency, locale));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("write the examples a clinic sees", () => {
    expect(formatWithPattern(9500, moneyPattern("en-CA", "CAD")!)).toBe("$95.00");
    expect(formatWithPattern(123450, moneyPattern("fr-CA", "CAD")!)).toBe("1\u00a0234,50\u00a0$");
    expect(formatWithPattern(-5, moneyPattern("fr-FR", "EUR")!)).toBe("-0,05\u00a0€");
  });

  it("give the same minor unit as Intl", () => {
    for (const [, currency] of pairs) {
      const intl = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
      expect(currencyDigits(currency)).toBe(intl);
    }
  });

  it("leave every other pair to Intl", () => {
    expect(formatMoney(9500, "CAD", "en-US")).toBe("CA$95.00");
    expect(formatMoney(1234, "JPY", "ja-JP")).toBe(new Intl.NumberFormat("ja-JP", { style: "currency", currency: "JPY" }).format(1234));
  });
});

describe("small whole numbers written without Intl", () => {
  it("match Intl in English and French, and other numbers still go through Intl", () => {
    for (const locale of ["en", "en-CA", "fr", "fr-CA", "fr-FR", "fr-CH"]) {
      const formatters = createFormatters(locale);
      const intl = new Intl.NumberFormat(locale);
      fc.assert(
        fc.property(fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: -100_000, max: 100_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), (value) => {
          expect(formatters.number(value)).toBe(intl.format(value));
        }),
        { numRuns: 300 },
      );
    }
  });

  it("other digits are Intl's to write", () => {
    expect(createFormatters("ar-EG").number(45)).toBe(new Intl.NumberFormat("ar-EG").format(45));
    expect(createFormatters("en-u-nu-arab").number(45)).toBe("٤٥");
  });
});
