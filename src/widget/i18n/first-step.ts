import { enFirstStep } from "./en-first-step";
import { languageOf } from "../../core/locale";
import type { PartialCatalogue } from "./translator";

/**
 * The first step's strings in the locale's language, which the bundle paints that step with
 * before the rest of the catalogue arrives: English is in the bundle, French downloads (null if
 * that fails). They are the same objects the full catalogues are built from.
 */
export async function firstStepCatalogue(locale: string): Promise<PartialCatalogue | null> {
  if (languageOf(locale) !== "fr") return enFirstStep;
  return import("./fr-first-step").then(
    (m) => m.frFirstStep,
    () => null,
  );
}
