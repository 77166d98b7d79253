import type { Question } from "../config/questionnaire";
import type { CompiledQuestionnaire } from "./compiled";
import { dayNumber, type LocalDate } from "../time/local-date";
import { answerMatches, answerOf, type AnswersInput } from "./match";
import type { IntakeMode } from "./mode";

/**
 * The questions the client sees, in questionnaire order.
 *
 * - "full" asks every question except `onlyInUpdate` ones; a condition on an `onlyInUpdate` question
 *   counts as met, because the full form asks everything an update gate could open.
 * - "update" asks `askEveryVisit` and `onlyInUpdate` questions, plus the follow-ups their answers open.
 * - A question whose condition refers to a hidden, later or unknown question is hidden.
 *
 * `today` is needed only to evaluate `withinDays` conditions; without it they match any date.
 */
export function visibleQuestions(
  q: CompiledQuestionnaire,
  answers: AnswersInput,
  mode: IntakeMode,
  today?: LocalDate,
): Question[] {
  if (today !== undefined) dayNumber(today);
  const shown = new Set<string>();
  const visible: Question[] = [];
  for (const question of q.questions) {
    if (!isShown(question)) continue;
    shown.add(question.id);
    visible.push(question);
  }
  return visible;

  function isShown(question: Question): boolean {
    if (mode === "full" && question.onlyInUpdate === true) return false;
    const condition = question.visibleIf;
    if (condition === undefined) return mode === "full" || question.askEveryVisit || question.onlyInUpdate === true;
    const parent = q.questionById.get(condition.question);
    if (parent === undefined) return false;
    if (mode === "full" && parent.onlyInUpdate === true) return true;
    // Questions are walked in order, so a parent not yet shown is hidden or comes later.
    if (!shown.has(parent.id)) return false;
    return answerMatches(condition, answerOf(answers, parent.id), today);
  }
}

/**
 * The questions whose answers triage takes into account: those the client could be shown in either
 * mode. The server cannot know which form the client filled, and a stale answer that the update gate
 * would hide is safer counted than ignored.
 */
export function screenedQuestions(q: CompiledQuestionnaire, answers: AnswersInput, today: LocalDate): Question[] {
  const inFull = visibleQuestions(q, answers, "full", today);
  const inUpdate = visibleQuestions(q, answers, "update", today);
  const ids = new Set([...inFull, ...inUpdate].map((question) => question.id));
  return q.questions.filter((question) => ids.has(question.id));
}
