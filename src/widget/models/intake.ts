import { computed, signal } from "@preact/signals";
import type { AnswerValue, Answers, ClinicConfig, Question } from "../../core/config";
import {
  questionnaireOf,
  triage as runTriage,
  validateAnswers,
  visibleQuestions,
  type IntakeMode,
} from "../../core/screening";
import type { FlowKind } from "./flow";

export type IntakeModel = ReturnType<typeof createIntakeModel>;

/** What a client facing `clearance` chose to do. */
export type ClearanceChoice = "confirm" | "callback";

/** Error codes shown under a question: the core's answer codes plus the widget's own. */
export type IntakeErrorCode = string;

export const FIRST_VISIT_FIELD = "isNewClient";
export const CLEARANCE_FIELD = "clearance";

/**
 * Health history, screening and what the client can do next. `intakeMode` is the receiver's
 * decision (a verified returning client may get the update; anyone else the full form): what the
 * client says about a first visit only decides what the step offers.
 */
export function createIntakeModel(config: ClinicConfig, today: () => string, intakeMode: () => IntakeMode) {
  const questionnaire = questionnaireOf(config);
  const isNewClient = signal<boolean | null>(null);
  const answers = signal<Readonly<Record<string, AnswerValue>>>({});
  const clearanceChoice = signal<ClearanceChoice | null>(null);
  const clearanceConfirmed = signal(false);
  /** Errors by question id (and the fields above); shown after the first attempt to continue. */
  const errors = signal<Readonly<Record<string, IntakeErrorCode>>>({});
  const attempted = signal(false);

  const mode = computed<IntakeMode>(() => intakeMode());

  const questions = computed<Question[]>(() =>
    isNewClient.value === null ? [] : visibleQuestions(questionnaire, answers.value, mode.value, today()),
  );

  /** Questions grouped by section, in questionnaire order, empty sections left out. */
  const sections = computed(() =>
    questionnaire.sections
      .map((section) => ({ section, questions: questions.value.filter((q) => q.section === section.id) }))
      .filter((group) => group.questions.length > 0),
  );

  const validation = computed(() => validateAnswers(questionnaire, answers.value, mode.value, today()));

  /** What would be sent: answers to visible questions only, cleaned by the core. */
  const cleanAnswers = computed<Answers>(() => {
    const result = validation.value;
    if (result.ok) return result.value;
    const visible = new Set(questions.value.map((q) => q.id));
    return Object.fromEntries(Object.entries(answers.value).filter(([id]) => visible.has(id)));
  });

  const triage = computed(() => runTriage(questionnaire, cleanAnswers.value, today()));

  /** Where the answers lead: null while the client still has to choose (clearance). */
  const path = computed<FlowKind | null>(() => {
    switch (triage.value.outcome) {
      case "contact-clinic":
        return "callback";
      case "clearance":
        if (clearanceChoice.value === "callback") return "callback";
        return clearanceChoice.value === "confirm" && clearanceConfirmed.value ? "booking" : null;
      default:
        return "booking";
    }
  });

  function currentErrors(): Record<string, IntakeErrorCode> {
    const found: Record<string, IntakeErrorCode> = {};
    if (isNewClient.value === null) found[FIRST_VISIT_FIELD] = "required";
    const result = validation.value;
    if (!result.ok) {
      for (const issue of result.errors) found[issue.path.replace(/^answers\./, "")] = issue.code;
    }
    if (isNewClient.value !== null && result.ok && triage.value.outcome === "clearance" && path.value === null) {
      found[CLEARANCE_FIELD] = clearanceChoice.value === "confirm" ? "clearance-unconfirmed" : "clearance-choice";
    }
    return found;
  }

  function refreshErrors(): void {
    if (attempted.value) errors.value = currentErrors();
  }

  function setAnswer(id: string, value: AnswerValue | undefined): void {
    const next = { ...answers.value };
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) delete next[id];
    else next[id] = value;
    // Hidden answers stay in memory so that Back and forth never loses them; only visible ones are sent.
    answers.value = next;
    refreshErrors();
  }

  function setFirstVisit(value: boolean): void {
    isNewClient.value = value;
    refreshErrors();
  }

  function chooseClearance(choice: ClearanceChoice): void {
    clearanceChoice.value = choice;
    refreshErrors();
  }

  function confirmClearance(value: boolean): void {
    clearanceConfirmed.value = value;
    refreshErrors();
  }

  /** Checks the step; the ids of failing fields come back in display order for focus. */
  function validate(): boolean {
    attempted.value = true;
    errors.value = currentErrors();
    return Object.keys(errors.value).length === 0;
  }

  /** Errors the receiver reported (422) for answers, shown like the widget's own. */
  function showServerErrors(byId: Record<string, IntakeErrorCode>): void {
    attempted.value = true;
    errors.value = { ...currentErrors(), ...byId };
  }

  const complete = computed(() => isNewClient.value !== null && Object.keys(currentErrors()).length === 0);

  function reset(): void {
    isNewClient.value = null;
    answers.value = {};
    clearanceChoice.value = null;
    clearanceConfirmed.value = false;
    errors.value = {};
    attempted.value = false;
  }

  return {
    questionnaire,
    isNewClient,
    answers,
    mode,
    questions,
    sections,
    cleanAnswers,
    triage,
    path,
    clearanceChoice,
    clearanceConfirmed,
    errors,
    complete,
    setAnswer,
    setFirstVisit,
    chooseClearance,
    confirmClearance,
    validate,
    showServerErrors,
    reset,
  };
}
