import { TRIAGE_OUTCOMES, type Question, type TriageOutcome } from "../config/questionnaire";
import type { CompiledQuestionnaire } from "./compiled";
import { addDays, dayNumber, type LocalDate } from "../time/local-date";
import { answerMatches, answerOf, listOf, type AnswersInput } from "./match";
import { screenedQuestions } from "./visibility";

export type NextStep = "book" | "book-after-postpone" | "confirm-clearance" | "request-callback";

export interface TriageReason {
  questionId: string;
  /** The rule's stable code ("blood-clot", "contagious-illness"), translated by the widget. */
  reason: string;
  outcome: TriageOutcome;
}

export interface TriageResult {
  /** The most severe outcome of all matched rules; "ok" when none matched. */
  outcome: TriageOutcome;
  reasons: TriageReason[];
  /** "triage.<outcome>": the widget's catalogue key for the plain-words explanation. */
  explanationKey: string;
  /** What the client can do next; never empty, so no client is left without a way forward. */
  nextSteps: NextStep[];
  /** First day slots may be shown, whenever any rule postpones (even if a more severe outcome wins). */
  postponeUntil: LocalDate | null;
  /** Body-area option values the therapist must not treat, in the order first recorded. */
  areasToAvoid: string[];
}

const NEXT_STEPS: Record<TriageOutcome, readonly NextStep[]> = {
  ok: ["book"],
  caution: ["book"],
  postpone: ["book-after-postpone"],
  clearance: ["confirm-clearance", "request-callback"],
  "contact-clinic": ["request-callback"],
};

export function nextStepsFor(outcome: TriageOutcome): NextStep[] {
  return [...NEXT_STEPS[outcome]];
}

export function severityOf(outcome: TriageOutcome): number {
  return TRIAGE_OUTCOMES.indexOf(outcome);
}

export function mostSevere(outcomes: Iterable<TriageOutcome>): TriageOutcome {
  let worst: TriageOutcome = "ok";
  for (const outcome of outcomes) if (severityOf(outcome) > severityOf(worst)) worst = outcome;
  return worst;
}

/**
 * Screens the answers: every rule of every question the client could see is tested against its
 * answer, and the booking takes the most severe outcome. Missing or malformed answers match nothing.
 */
export function triage(q: CompiledQuestionnaire, answers: AnswersInput, today: LocalDate): TriageResult {
  dayNumber(today);
  const reasons: TriageReason[] = [];
  const areasToAvoid = new Set<string>();
  for (const question of screenedQuestions(q, answers, today)) {
    const answer = answerOf(answers, question.id);
    const matched = question.triage.filter((rule) => answerMatches(rule.when, answer, today));
    for (const rule of matched) reasons.push({ questionId: question.id, reason: rule.reason, outcome: rule.outcome });
    const recordsAreas = question.kind === "body-areas" && question.marksAreasToAvoid === true;
    if (recordsAreas || matched.some((rule) => rule.outcome === "caution")) {
      for (const area of chosenAreas(question, answer)) areasToAvoid.add(area);
    }
  }
  const outcome = mostSevere(reasons.map((r) => r.outcome));
  const postpones = reasons.some((r) => r.outcome === "postpone");
  return {
    outcome,
    reasons,
    explanationKey: `triage.${outcome}`,
    nextSteps: nextStepsFor(outcome),
    postponeUntil: postpones ? addDays(today, q.postponeDays) : null,
    areasToAvoid: [...areasToAvoid],
  };
}

/** Known body-area values of an answer; anything else in it is ignored. */
function chosenAreas(question: Question, answer: unknown): string[] {
  if (question.kind !== "body-areas") return [];
  const known = new Set(question.options.map((o) => o.value));
  return (listOf(answer) ?? []).filter((item): item is string => typeof item === "string" && known.has(item));
}
