import { languageOf, type Language } from "../src/core/locale";

/** The few words the element shows around the widget; the widget's own live in its catalogue. */
const STRINGS: Record<Language, { open: string; close: string }> = {
  en: { open: "Book an appointment", close: "Close" },
  fr: { open: "Prendre rendez-vous", close: "Fermer" },
};

export function embedStrings(locale: string): { open: string; close: string } {
  return STRINGS[languageOf(locale) ?? "en"];
}
