import type { Question, Questionnaire } from "../config/questionnaire";
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
  q: Questionnaire,
  answers: AnswersInput,
  mode: IntakeMode,
  today?: LocalDate,
): Question[] {
  if (today !== undefined) dayNumber(today);
  const byId = questionsById(q.questions);
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
    const parent = byId.get(condition.question);
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
export function screenedQuestions(q: Questionnaire, answers: AnswersInput, today: LocalDate): Question[] {
  const inFull = visibleQuestions(q, answers, "full", today);
  const inUpdate = visibleQuestions(q, answers, "update", today);
  const ids = new Set([...inFull, ...inUpdate].map((question) => question.id));
  return q.questions.filter((question) => ids.has(question.id));
}

interface QuestionIndex {
  questions: Question[];
  ids: string[];
  byId: Map<string, Question>;
}

// Built once per questions array rather than on every call (a booking check makes three), and
// remembered with the questions and ids it was built from: an array edited in place since, or a
// question given another id, is indexed afresh. Only read here, never handed out.
const indexes = new WeakMap<readonly Question[], QuestionIndex>();

function questionsById(questions: readonly Question[]): Map<string, Question> {
  const cached = indexes.get(questions);
  if (cached && indexMatches(cached, questions)) return cached.byId;
  const byId = new Map(questions.map((question) => [question.id, question]));
  indexes.set(questions, { questions: [...questions], ids: questions.map((question) => question.id), byId });
  return byId;
}

function indexMatches(index: QuestionIndex, questions: readonly Question[]): boolean {
  if (index.questions.length !== questions.length) return false;
  for (let i = 0; i < questions.length; i++) {
    const question = questions[i] as Question;
    if (question !== index.questions[i] || question.id !== index.ids[i]) return false;
  }
  return true;
}
