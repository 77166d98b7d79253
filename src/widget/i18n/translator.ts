import type { LocalizedText } from "../../core/config";
import type { MessageKey } from "./en";
import { createFormatters, type Formatters } from "./format";
import { languageOf, resolveText, type Language } from "../../core/locale";

export type { MessageKey };
export type Catalogue = Readonly<Record<MessageKey, string>>;
/** The first step's strings alone, which a page paints that step with before the rest arrives. */
export type PartialCatalogue = Readonly<Partial<Record<MessageKey, string>>>;
export type Params = Readonly<Record<string, string | number>>;

/** Keys with plural forms, without their `.one` / `.other` ending. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey];

export interface Translator extends Formatters {
  locale: string;
  language: Language;
  t(key: MessageKey, params?: Params): string;
  /** For codes that come from the core or a clinic's config, which may have no entry. */
  maybe(key: string, params?: Params): string | undefined;
  plural(key: PluralKey, count: number, params?: Params): string;
  /** A clinic's own text in the active locale. */
  text(value: LocalizedText): string;
}

/**
 * `region` (the clinic's country) completes a bare language for Intl: a Halifax clinic's "en"
 * formats money and dates as "en-CA" ($92.00, not CA$92.00); an explicit "fr-FR" stays as it is.
 */
export function translatorFor(catalogue: PartialCatalogue, locale: string, clinicLocales: readonly string[] = [], region?: string): Translator {
  const language = languageOf(locale) ?? "en";
  const formatLocale = formattingLocale(locale, region);
  const formatters = createFormatters(formatLocale);
  let plurals: Intl.PluralRules | undefined;

  const fill = (template: string, params?: Params) =>
    params
      ? template.replace(/\{(\w+)\}/g, (whole, name: string) => {
          const value = params[name];
          if (value === undefined) return whole;
          return typeof value === "number" ? formatters.number(value) : value;
        })
      : template;

  const lookup = (key: string): string | undefined =>
    Object.hasOwn(catalogue, key) ? catalogue[key as MessageKey] : undefined;

  return {
    ...formatters,
    locale,
    language,
    // A key missing from a partial catalogue shows as itself: visible, and caught by the tests.
    t: (key, params) => fill(catalogue[key] ?? key, params),
    maybe: (key, params) => {
      const template = lookup(key);
      return template === undefined ? undefined : fill(template, params);
    },
    plural: (key, count, params) => {
      const form = (plurals ??= new Intl.PluralRules(formatLocale)).select(count) === "one" ? "one" : "other";
      return fill(lookup(`${key}.${form}`) ?? catalogue[`${key}.other` as MessageKey] ?? key, { count, ...params });
    },
    text: (value) => resolveText(value, locale, clinicLocales),
  };
}

function formattingLocale(locale: string, region: string | undefined): string {
  if (locale.includes("-") || !region) return locale;
  // "CA" needs no Intl to be written "en-CA"; the first Intl call of a page starts up ICU.
  if (/^[a-z]{2}$/i.test(region)) return `${locale}-${region.toUpperCase()}`;
  try {
    return Intl.getCanonicalLocales(`${locale}-${region}`)[0] ?? locale;
  } catch {
    return locale;
  }
}
