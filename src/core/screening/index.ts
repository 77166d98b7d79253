export {
  DEFAULT_QUESTIONNAIRE,
  DEFAULT_QUESTIONNAIRE_INPUT,
  BODY_AREAS,
  ONTARIO_SENSITIVE_AREAS,
} from "./defaults";
export { compileQuestionnaire, type CompiledQuestionnaire } from "./compiled";
export { questionnaireOf } from "./questionnaire-of";
export { answerMatches, type AnswersInput } from "./match";
export { needsFullForm, type FullFormContext, type IntakeMode } from "./mode";
export { visibleQuestions, screenedQuestions } from "./visibility";
export { validateAnswers } from "./validate";
export type { AnswerIssueCode } from "./answer-checks";
export {
  triage,
  mostSevere,
  severityOf,
  nextStepsFor,
  type NextStep,
  type TriageReason,
  type TriageResult,
} from "./triage";
