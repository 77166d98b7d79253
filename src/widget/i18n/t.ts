import { en } from "./en";
import { fr } from "./fr";
import { languageOf, type Language } from "../../core/locale";
import { translatorFor, type Catalogue, type Translator } from "./translator";

export type { Catalogue, MessageKey, Params, PluralKey, Translator } from "./translator";

export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { en, fr };

/** A translator with every catalogue at hand, for the flow once its code is loaded. */
export function createTranslator(locale: string, clinicLocales: readonly string[] = [], region?: string): Translator {
  return translatorFor(CATALOGUES[languageOf(locale) ?? "en"], locale, clinicLocales, region);
}
