import { languageOf, normaliseLocale } from "../../core/locale";

/**
 * The first candidate the widget has a catalogue for, in the caller's order
 * (options, then the page's `lang`, then the clinic's locales). Keeps the region
 * so Intl formats "fr-CA" money and dates the Canadian way.
 */
export function resolveLocale(candidates: ReadonlyArray<string | null | undefined>): string {
  for (const candidate of candidates) {
    const locale = normaliseLocale(candidate);
    if (locale && languageOf(locale)) return locale;
  }
  return "en";
}
