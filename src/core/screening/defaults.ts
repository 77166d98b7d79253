import { QuestionnaireSchema, type QuestionnaireInput } from "../config/questionnaire";
import { compileQuestionnaire, type CompiledQuestionnaire } from "./compiled";
import { conditionsGroup } from "./default-questions/conditions";
import { healthTodayGroup } from "./default-questions/health-today";
import { medicationsAllergiesGroup } from "./default-questions/medications-allergies";
import { preferencesGroup } from "./default-questions/preferences";
import { ONTARIO_SENSITIVE_AREAS } from "./default-questions/shared";
import { visitGroup } from "./default-questions/visit";

export { BODY_AREAS, ONTARIO_SENSITIVE_AREAS } from "./default-questions/shared";

// Order matters: a condition may only refer to an earlier question, and the update gate comes first.
const groups = [visitGroup, healthTodayGroup, conditionsGroup, medicationsAllergiesGroup, preferencesGroup];

/**
 * The questionnaire a clinic gets when its config has none, as a clinic would write it. Built from
 * the usual contraindication classes and time windows; every question has a treatment reason.
 */
export const DEFAULT_QUESTIONNAIRE_INPUT: QuestionnaireInput = {
  sections: groups.flatMap((group) => group.sections),
  questions: groups.flatMap((group) => group.questions),
  // A yearly full review, with the short update in between.
  fullFormEveryMonths: 12,
  postponeDays: 3,
  // Off unless the clinic turns it on (Ontario clinics must); the areas are ready for when it does.
  sensitiveAreaConsent: { enabled: false, areas: ONTARIO_SENSITIVE_AREAS },
};

export const DEFAULT_QUESTIONNAIRE: CompiledQuestionnaire = compileQuestionnaire(QuestionnaireSchema.parse(DEFAULT_QUESTIONNAIRE_INPUT));
