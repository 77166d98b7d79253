import { en } from "../i18n/en";
import { languageOf } from "../i18n/locale";
import { translatorFor, type Translator } from "../i18n/translator";

/** A translator for the early-painted step; French is downloaded only for French pages. Null if that fails. */
export async function previewTranslator(locale: string, clinicLocales: readonly string[], region: string | undefined): Promise<Translator | null> {
  const language = languageOf(locale) ?? "en";
  const catalogue = language === "fr" ? await import("../i18n/fr").then((m) => m.fr, () => null) : en;
  return catalogue ? translatorFor(catalogue, locale, clinicLocales, region) : null;
}
