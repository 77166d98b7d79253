import { describe, expect, it } from "vitest";
import { currencyDigits, decimalAmount, percentOf } from "../../src/core/pricing";
import { formatMoney as receiverMoney } from "../../src/server/text";
import { formatMoney as widgetMoney } from "../../src/widget/i18n/money";

/** ICU uses narrow and regular no-break spaces in French; compare their positions as plain spaces. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("currencyDigits", () => {
  it("reads the minor unit from Intl", () => {
    expect(currencyDigits("JPY")).toBe(0);
    expect(currencyDigits("CAD")).toBe(2);
    expect(currencyDigits("EUR")).toBe(2);
    expect(currencyDigits("BHD")).toBe(3);
  });
});

describe("percentOf", () => {
  it("keeps exact results", () => {
    expect(percentOf(8250, 20)).toBe(1650);
    expect(percentOf(8250, 10)).toBe(825);
    expect(percentOf(8250, 100)).toBe(8250);
    expect(percentOf(8250, 0)).toBe(0);
    expect(percentOf(0, 15)).toBe(0);
  });

  it("rounds halves away from zero", () => {
    expect(percentOf(8250, 15)).toBe(1238); // 1,237.5
    expect(percentOf(8230, 15)).toBe(1235); // 1,234.5 (half-even would give 1,234)
    expect(percentOf(1, 50)).toBe(1); // 0.5
    expect(percentOf(5, 50)).toBe(3); // 2.5 (half-even would give 2)
    expect(percentOf(-8250, 15)).toBe(-1238);
  });

  it("rounds other fractions to the nearest unit", () => {
    expect(percentOf(8249, 15)).toBe(1237); // 1,237.35
    expect(percentOf(8251, 15)).toBe(1238); // 1,237.65
    expect(percentOf(6000, 33)).toBe(1980);
    expect(percentOf(999, 33)).toBe(330); // 329.67
    expect(percentOf(101, 1)).toBe(1); // 1.01
    expect(percentOf(149, 1)).toBe(1); // 1.49
    expect(percentOf(150, 1)).toBe(2); // 1.5
  });

  it("stays exact for the largest safe amounts", () => {
    // 9,007,199,254,740,991 × 15 / 100 = 1,351,079,888,211,148.65
    expect(percentOf(Number.MAX_SAFE_INTEGER, 15)).toBe(1_351_079_888_211_149);
  });

  it("rejects fractional amounts and out-of-range percents", () => {
    expect(() => percentOf(82.5, 10)).toThrow(RangeError);
    expect(() => percentOf(8250, 12.5)).toThrow(RangeError);
    expect(() => percentOf(8250, 101)).toThrow(RangeError);
    expect(() => percentOf(8250, -1)).toThrow(RangeError);
  });
});

describe("decimalAmount", () => {
  it("writes minor units as an exact decimal", () => {
    expect(decimalAmount(8250, "CAD")).toBe("82.50");
    expect(decimalAmount(-5, "CAD")).toBe("-0.05");
    expect(decimalAmount(8250, "JPY")).toBe("8250");
    expect(decimalAmount(7, "BHD")).toBe("0.007");
    expect(decimalAmount(Number.MAX_SAFE_INTEGER, "CAD")).toBe("90071992547409.91");
    expect(() => decimalAmount(1.5, "CAD")).toThrow(RangeError);
  });
});

// The widget writes its own countries' prices from a table (held equal to Intl); the receiver's
// emails and inbox go through Intl. Both must read the same.
describe.each([
  ["widget", widgetMoney],
  ["receiver", receiverMoney],
])("formatMoney (%s)", (_, formatMoney) => {
  it("formats yen, which has no minor unit", () => {
    expect(formatMoney(8250, "JPY", "en")).toBe("¥8,250");
    expect(plainSpaces(formatMoney(8250, "JPY", "fr"))).toBe("8 250 JPY");
    expect(plainSpaces(formatMoney(8250, "JPY", "fr-CA"))).toBe("8 250 ¥");
  });

  it("formats Canadian dollars from cents", () => {
    expect(formatMoney(8250, "CAD", "en")).toBe("CA$82.50");
    expect(formatMoney(8250, "CAD", "en-CA")).toBe("$82.50");
    expect(plainSpaces(formatMoney(8250, "CAD", "fr"))).toBe("82,50 $CA");
    expect(plainSpaces(formatMoney(8250, "CAD", "fr-CA"))).toBe("82,50 $");
    expect(plainSpaces(formatMoney(123456705, "CAD", "fr-CA"))).toBe("1 234 567,05 $");
  });

  it("pads amounts smaller than one major unit", () => {
    expect(formatMoney(5, "CAD", "en-CA")).toBe("$0.05");
    expect(formatMoney(0, "CAD", "en-CA")).toBe("$0.00");
    expect(formatMoney(-1238, "CAD", "en-CA")).toBe("-$12.38");
    expect(plainSpaces(formatMoney(7, "BHD", "en"))).toBe("BHD 0.007");
  });

  it("shows amounts beyond float precision digit for digit", () => {
    // 2^53 − 1 cents: dividing by 100 in floating point would print $90,071,992,547,409.90
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "CAD", "en-CA")).toBe("$90,071,992,547,409.91");
  });
});
