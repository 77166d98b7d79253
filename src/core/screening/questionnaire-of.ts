import type { ClinicConfig } from "../config/compiled";
import type { CompiledQuestionnaire } from "./compiled";

/** The clinic's own questionnaire, or the default one when its config has none. */
export function questionnaireOf(config: ClinicConfig): CompiledQuestionnaire {
  return config.index.questionnaire;
}
