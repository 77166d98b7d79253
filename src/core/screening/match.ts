import type { AnswerMatcher } from "../config/questionnaire";
import { dayNumber, dayNumberOrNull, type LocalDate } from "../time/local-date";

/**
 * Answers as they arrive: from the widget's state or from the wire. Values are `unknown` because
 * screening must cope with anything a client sends without crashing.
 */
export type AnswersInput = Readonly<Record<string, unknown>>;

export function answerOf(answers: AnswersInput, questionId: string): unknown {
  // Own properties only: a question id such as "constructor" must not read Object.prototype.
  if (typeof answers !== "object" || answers === null) return undefined;
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

/** `Array.isArray` alone would type the items as `any`. */
export function listOf(value: unknown): readonly unknown[] | null {
  return Array.isArray(value) ? (value as readonly unknown[]) : null;
}

/** Empty text and empty selections count as "not answered", like a field left blank. */
export function isUnanswered(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/**
 * Whether an answer satisfies a matcher. A malformed answer simply does not match.
 * `withinDays` keeps future dates matching: a later date is never "less recent", which keeps
 * triage monotone (a worse answer never gives a milder outcome).
 * Without `today`, a `withinDays` test only checks that the answer is a date.
 */
export function answerMatches(matcher: AnswerMatcher, answer: unknown, today?: LocalDate): boolean {
  if (matcher.equals !== undefined) return answer === matcher.equals;
  if (matcher.includesAny !== undefined) {
    const wanted = new Set(matcher.includesAny);
    return listOf(answer)?.some((item) => typeof item === "string" && wanted.has(item)) ?? false;
  }
  if (matcher.atLeast !== undefined) {
    return typeof answer === "number" && Number.isFinite(answer) && answer >= matcher.atLeast;
  }
  if (matcher.withinDays !== undefined) {
    const answered = dayNumberOrNull(answer);
    if (answered === null) return false;
    if (today === undefined) return true;
    return dayNumber(today) - answered <= matcher.withinDays;
  }
  return false;
}
