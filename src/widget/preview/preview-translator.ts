import { enFirstStep } from "../i18n/en-first-step";
import { languageOf } from "../../core/locale";
import { translatorFor, type Translator } from "../i18n/translator";

/**
 * A translator for the early-painted step, with the first step's strings only (its views ask for
 * no other key). A French page downloads its French ones. Null if that fails.
 */
export async function previewTranslator(locale: string, clinicLocales: readonly string[], region: string | undefined): Promise<Translator | null> {
  const language = languageOf(locale) ?? "en";
  const catalogue = language === "fr" ? await import("../i18n/fr-first-step").then((m) => m.frFirstStep, () => null) : enFirstStep;
  return catalogue ? translatorFor(catalogue, locale, clinicLocales, region) : null;
}
