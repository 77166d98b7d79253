import type { AnswerValue, Question } from "../config/questionnaire";
import { dayNumberOrNull } from "../time/local-date";
import { isUnanswered, listOf } from "./match";

export type AnswerIssueCode =
  | "required"
  | "invalid-type"
  | "invalid-option"
  | "too-long"
  | "out-of-range"
  | "not-integer"
  | "invalid-date"
  | "future-date";

/** `value` undefined: left blank, so nothing is kept. */
export type CheckedAnswer = { value: AnswerValue | undefined } | { code: AnswerIssueCode; message: string };

const problem = (code: AnswerIssueCode, message: string): CheckedAnswer => ({ code, message });

/** Checks one answer against its question; the messages are English fallbacks, the widget translates codes. */
export function checkAnswer(question: Question, raw: unknown, todayDay: number): CheckedAnswer {
  if (isUnanswered(raw)) {
    return question.required ? problem("required", "Please answer this question.") : { value: undefined };
  }
  switch (question.kind) {
    case "yes-no":
      return typeof raw === "boolean" ? { value: raw } : problem("invalid-type", "Answer yes or no.");
    case "single-choice":
      return typeof raw === "string" && question.options.some((o) => o.value === raw)
        ? { value: raw }
        : problem("invalid-option", "Choose one of the listed options.");
    case "multi-choice":
    case "body-areas":
      return checkSelection(question.options, raw);
    case "text":
      return checkText(raw, question.maxLength);
    case "date":
      return checkDate(raw, todayDay);
    case "number":
      return checkNumber(raw, question.min, question.max, false);
    case "scale":
      return checkNumber(raw, question.min, question.max, true);
  }
}

function checkSelection(options: { value: string }[], raw: unknown): CheckedAnswer {
  const items = listOf(raw);
  if (items === null) return problem("invalid-type", "Choose from the listed options.");
  const known = new Set(options.map((o) => o.value));
  const isKnown = (item: unknown): item is string => typeof item === "string" && known.has(item);
  const chosen = items.filter(isKnown);
  if (chosen.length < items.length) {
    const unknown = items.filter((item) => !isKnown(item));
    const shown = unknown.slice(0, 3).map((item) => JSON.stringify(item)).join(", ");
    return problem("invalid-option", `Choose only from the listed options (not ${shown}).`);
  }
  // Ticking the same box twice means nothing more than ticking it once.
  return { value: [...new Set(chosen)] };
}

function checkText(raw: unknown, maxLength: number): CheckedAnswer {
  if (typeof raw !== "string") return problem("invalid-type", "Enter text.");
  const text = raw.trim();
  if (text.length > maxLength) {
    return problem("too-long", `Use at most ${maxLength} characters (this answer has ${text.length}).`);
  }
  return { value: text };
}

function checkDate(raw: unknown, todayDay: number): CheckedAnswer {
  const day = dayNumberOrNull(raw);
  if (day === null) return problem("invalid-date", "Enter a real date as YYYY-MM-DD.");
  // Every date the form asks about has already happened (surgery, injury...).
  if (day > todayDay) return problem("future-date", "The date cannot be after today.");
  return { value: raw as string };
}

function checkNumber(raw: unknown, min: number | undefined, max: number | undefined, whole: boolean): CheckedAnswer {
  if (typeof raw !== "number" || !Number.isFinite(raw)) return problem("invalid-type", "Enter a number.");
  if (whole && !Number.isInteger(raw)) return problem("not-integer", "Choose a whole number.");
  if ((min !== undefined && raw < min) || (max !== undefined && raw > max)) {
    return problem("out-of-range", rangeMessage(min, max));
  }
  return { value: raw };
}

function rangeMessage(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `Enter a number from ${min} to ${max}.`;
  if (min !== undefined) return `Enter a number of at least ${min}.`;
  return `Enter a number of at most ${String(max)}.`;
}
