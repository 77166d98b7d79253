/**
 * The first Intl formatter a page builds loads the browser's locale data (about 100 ms at the
 * paint bench's 4x throttle), so the service step is painted without one: its prices come from
 * src/widget/i18n/money.ts. These tests hold both halves of that in Chromium: nothing
 * builds a formatter before the step is laid out, and the patterns write what Chromium's Intl writes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MONEY_PATTERNS, formatWithPattern } from "../../src/widget/i18n/money";
import { openPage, startE2E, type E2E } from "./support/browser";
import { flowCodeHold, waitForFlow, waitForStep, widget } from "./support/flow";

let env: E2E;
beforeAll(async () => {
  env = await startE2E();
});
afterAll(async () => {
  await env?.close();
});

/** Runs before the page's scripts: notes when the step is first laid out and when Intl is first used. */
const INTL_WATCH = `
(() => {
  const seen = (window.__intl = { firstUse: null, firstName: null, stepLaidOut: null });
  const note = (name) => { if (seen.firstUse === null) { seen.firstUse = performance.now(); seen.firstName = name; } };
  const watch = (owner, name) => {
    const original = owner[name];
    if (typeof original !== "function") return;
    owner[name] = new Proxy(original, {
      construct(target, args, newTarget) { note(name); return Reflect.construct(target, args, newTarget); },
      apply(target, self, args) { note(name); return Reflect.apply(target, self, args); },
    });
  };
  // getCanonicalLocales builds no formatter, but its first call also starts up ICU (a few ms at 4x).
  for (const name of ["NumberFormat", "DateTimeFormat", "PluralRules", "ListFormat", "RelativeTimeFormat", "DisplayNames", "Collator", "Segmenter", "getCanonicalLocales"]) watch(Intl, name);
  watch(Number.prototype, "toLocaleString");
  for (const name of ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"]) watch(Date.prototype, name);
  watch(String.prototype, "localeCompare");
  const tick = () => {
    const host = document.querySelector("clinic-booking");
    const heading = host && host.shadowRoot && host.shadowRoot.querySelector("h2");
    if (heading && heading.getBoundingClientRect().height > 0) seen.stepLaidOut = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
`;

interface IntlWatch {
  firstUse: number | null;
  firstName: string | null;
  stepLaidOut: number | null;
}

const AMOUNTS = [0, 5, 95, 7000, 9500, 123_450, -9500, 100_000_000, 987_654_321_01];

describe("the service step paints without Intl", () => {
  for (const [page, heading] of [
    ["index.html", "Choose a service"],
    ["fr.html", "Choisissez un service"],
  ] as const) {
    it(`${page}: no Intl formatter is built before the step is laid out, and its prices are the flow's`, async () => {
      // The flow's code waits, so the labels read first are the early step's own.
      const hold = flowCodeHold();
      const { context, page: tab, problems } = await openPage(env, page, { initScript: INTL_WATCH, prepare: hold.install });
      try {
        const w = widget(tab);
        await waitForStep(w, heading);
        const labelsOf = () => w.getByRole("radio").evaluateAll((radios) => radios.map((r) => r.getAttribute("aria-label") ?? ""));
        const early = await labelsOf();
        hold.release();
        await waitForFlow(w);
        const watch = await tab.evaluate(() => (window as unknown as { __intl: IntlWatch }).__intl);
        expect(watch.stepLaidOut).not.toBeNull();
        expect(watch.firstUse === null || watch.firstUse > (watch.stepLaidOut ?? 0), `${String(watch.firstName)} used at ${String(watch.firstUse)} ms, step laid out at ${String(watch.stepLaidOut)} ms`).toBe(true);
        // Every early label has its price, and the flow, which takes over, writes the same ones.
        expect(early.length).toBeGreaterThan(0);
        expect(early.every((label) => /\d+,? .*\d/.test(label))).toBe(true);
        expect(await labelsOf()).toEqual(early);
        expect(problems.pageErrors).toEqual([]);
      } finally {
        hold.release();
        await context.close();
      }
    });
  }

  it("each price pattern writes exactly what Chromium's Intl writes", async () => {
    const { context, page } = await openPage(env, "about:blank");
    try {
      const cases = Object.keys(MONEY_PATTERNS).flatMap((key) => {
        const [locale, currency] = key.split("|") as [string, string];
        return AMOUNTS.map((amount) => ({ locale, currency, amount, ours: formatWithPattern(amount, MONEY_PATTERNS[key]!) }));
      });
      const chromium = await page.evaluate(
        (list) =>
          list.map(({ locale, currency, amount }) => {
            const sign = amount < 0 ? "-" : "";
            const digits = String(Math.abs(amount)).padStart(3, "0");
            return new Intl.NumberFormat(locale, { style: "currency", currency }).format(`${sign}${digits.slice(0, -2)}.${digits.slice(-2)}` as unknown as number);
          }),
        cases,
      );
      expect(cases.map((c) => c.ours)).toEqual(chromium);
    } finally {
      await context.close();
    }
  });
});
