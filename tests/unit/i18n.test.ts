import { describe, expect, it } from "vitest";
import { TRIAGE_OUTCOMES } from "../../src/core/config";
import { DEFAULT_QUESTIONNAIRE } from "../../src/core/screening";
import { en } from "../../src/widget/i18n/en";
import { fr } from "../../src/widget/i18n/fr";
import { resolveText } from "../../src/core/locale";
import { resolveLocale } from "../../src/widget/i18n/locale";
import { CATALOGUES, createTranslator } from "../../src/widget/i18n/t";

const keysOf = (catalogue: object) => Object.keys(catalogue).sort();
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("catalogues", () => {
  it("every catalogue has exactly the English keys", () => {
    for (const [language, catalogue] of Object.entries(CATALOGUES)) {
      const missing = keysOf(en).filter((k) => !Object.hasOwn(catalogue, k));
      const extra = keysOf(catalogue).filter((k) => !Object.hasOwn(en, k));
      expect({ language, missing, extra }).toEqual({ language, missing: [], extra: [] });
    }
  });

  it("no entry is empty and translations use the same placeholders", () => {
    for (const key of keysOf(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe("");
      expect(fr[key].trim(), key).not.toBe("");
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("explains every triage outcome", () => {
    for (const outcome of TRIAGE_OUTCOMES) {
      expect(Object.hasOwn(en, `triage.${outcome}`), outcome).toBe(true);
      expect(Object.hasOwn(en, `outcome.${outcome}`), outcome).toBe(true);
    }
  });

  it("translates every reason code of the default questionnaire", () => {
    const reasons = new Set(DEFAULT_QUESTIONNAIRE.questions.flatMap((q) => q.triage.map((rule) => rule.reason)));
    for (const reason of reasons) {
      expect(Object.hasOwn(en, `triage.reason.${reason}`), reason).toBe(true);
      expect(Object.hasOwn(fr, `triage.reason.${reason}`), reason).toBe(true);
    }
  });
});

describe("translator", () => {
  it("fills parameters and formats numbers in the locale", () => {
    const t = createTranslator("fr", ["en", "fr"], "CA");
    expect(t.t("stepper.progress", { current: 2, total: 6 })).toBe("Étape 2 sur 6");
    expect(t.plural("errors.summary", 1)).toBe("Veuillez vérifier 1 réponse ci-dessous.");
    expect(t.plural("errors.summary", 3)).toBe("Veuillez vérifier 3 réponses ci-dessous.");
    expect(t.money(9200, "CAD")).toMatch(/^92,00\s\$$/);
  });

  it("completes a bare language with the clinic's country, however the country is written", () => {
    for (const region of ["CA", "ca", "Ca"]) expect(createTranslator("en", [], region).money(9200, "CAD"), region).toBe("$92.00");
    // Without the region, Intl writes Canadian dollars for an English page as "CA$".
    expect(createTranslator("en").money(9200, "CAD")).toBe("CA$92.00");
    expect(createTranslator("en-GB", [], "CA").locale).toBe("en-GB");
    // A UN M.49 region goes through Intl; one it refuses leaves the language alone.
    expect(createTranslator("en", [], "150").money(9200, "EUR")).toBe(new Intl.NumberFormat("en-150", { style: "currency", currency: "EUR" }).format(92));
    expect(createTranslator("en", [], "not a region").money(9200, "CAD")).toBe("CA$92.00");
  });

  it("returns undefined for codes it does not know, so callers can fall back", () => {
    const t = createTranslator("en");
    expect(t.maybe("triage.reason.some-clinic-rule")).toBeUndefined();
    expect(t.maybe("triage.reason.blood-clot")).toBe("a blood clot or a suspected blood clot");
  });
});

describe("locale resolution", () => {
  it("prefers options, then the page, then the clinic, and only languages it has", () => {
    expect(resolveLocale([undefined, "fr-ca", "en"])).toBe("fr-CA");
    expect(resolveLocale(["de", "es-MX", "fr"])).toBe("fr");
    expect(resolveLocale([null, ""])).toBe("en");
  });

  it("resolves a clinic's text by locale, language, clinic locales, then anything", () => {
    expect(resolveText({ en: "Hello", fr: "Bonjour" }, "fr-CA", ["en"])).toBe("Bonjour");
    expect(resolveText({ en: "Hello" }, "fr", ["en"])).toBe("Hello");
    expect(resolveText({ de: "Hallo" }, "fr", ["en"])).toBe("Hallo");
    expect(resolveText("Same", "fr", ["en"])).toBe("Same");
  });
});
