import type { LocalizedText } from "./config/primitives";

/** Languages the product writes in (widget, calendar files, emails); any other reads English. */
export const SUPPORTED_LANGUAGES = ["en", "fr"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** "fr-ca" → "fr-CA", "EN" → "en"; null when the tag is not a plain language(-REGION) tag. */
export function normaliseLocale(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const match = /^([a-zA-Z]{2})(?:[-_]([a-zA-Z]{2}))?(?:[-_].*)?$/.exec(tag.trim());
  if (!match?.[1]) return null;
  const language = match[1].toLowerCase();
  return match[2] ? `${language}-${match[2].toUpperCase()}` : language;
}

/** The supported language of a locale tag, or null when it is none of them. */
export function languageOf(locale: string | null | undefined): Language | null {
  const language = normaliseLocale(locale)?.slice(0, 2);
  return SUPPORTED_LANGUAGES.find((l) => l === language) ?? null;
}

/** A clinic's text in a locale: exact tag, then its language, then the clinic's locales, then any. */
export function resolveText(text: LocalizedText, locale: string, clinicLocales: readonly string[]): string {
  if (typeof text === "string") return text;
  const language = locale.slice(0, 2);
  const tries = [locale, language, ...clinicLocales, ...clinicLocales.map((l) => l.slice(0, 2)), "en"];
  for (const key of tries) {
    const value = text[key];
    if (value) return value;
  }
  return Object.values(text).find((v) => v.length > 0) ?? "";
}
