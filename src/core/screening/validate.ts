import type { Answers } from "../config/questionnaire";
import type { CompiledQuestionnaire } from "./compiled";
import { fail, ok, type Issue, type Result } from "../result";
import { checkAnswer } from "./answer-checks";
import { dayNumber, type LocalDate } from "../time/local-date";
import { answerOf, type AnswersInput } from "./match";
import type { IntakeMode } from "./mode";
import { visibleQuestions } from "./visibility";

/**
 * Checks every visible question at once and returns the answers worth keeping: those of visible
 * questions, cleaned (text trimmed, repeated choices merged). Answers to hidden or unknown questions
 * are dropped, so they are never sent or stored. On failure only the issues are returned: the widget
 * keeps the client's own answers while they fix them.
 */
export function validateAnswers(
  q: CompiledQuestionnaire,
  answers: AnswersInput,
  mode: IntakeMode,
  today: LocalDate,
): Result<Answers> {
  const todayDay = dayNumber(today);
  const issues: Issue[] = [];
  const kept: Answers = {};
  for (const question of visibleQuestions(q, answers, mode, today)) {
    const checked = checkAnswer(question, answerOf(answers, question.id), todayDay);
    if ("code" in checked) {
      issues.push({ path: `answers.${question.id}`, code: checked.code, message: checked.message });
    } else if (checked.value !== undefined) {
      kept[question.id] = checked.value;
    }
  }
  return issues.length > 0 ? fail(issues) : ok(kept);
}
