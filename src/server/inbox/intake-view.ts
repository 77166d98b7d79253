import type { AnswerValue, Answers, ClinicConfig, LocalizedText, Question } from "../../core/config";
import { questionnaireOf } from "../../core/screening";
import type { TriageReason } from "../../core/screening";
import { resolveText } from "../../core/locale";

/** One answer as the clinic reads it: the question's own label, the answer in words. */
export interface AnswerLine {
  section: string;
  question: string;
  answer: string;
}

export interface ReasonLine {
  question: string;
  reason: string;
  outcome: string;
}

/** Labels in the clinic's first locale: the inbox is the clinic's tool, not the client's. */
function localeOf(config: ClinicConfig): string {
  return config.locales[0] ?? "en";
}

/** In questionnaire order; answers to questions the config no longer has come last, by id. */
export function answerLines(config: ClinicConfig, answers: Answers): AnswerLine[] {
  const locale = localeOf(config);
  const questionnaire = questionnaireOf(config);
  const text = (value: LocalizedText) => resolveText(value, locale, config.locales);
  const sectionTitle = new Map(questionnaire.sections.map((s) => [s.id, text(s.title)]));
  const lines: AnswerLine[] = [];
  const known = new Set<string>();
  for (const question of questionnaire.questions) {
    known.add(question.id);
    const value = answers[question.id];
    if (value === undefined) continue;
    lines.push({
      section: sectionTitle.get(question.section) ?? question.section,
      question: text(question.label),
      answer: formatAnswer(question, value, text),
    });
  }
  for (const [id, value] of Object.entries(answers)) {
    if (!known.has(id)) lines.push({ section: "", question: id, answer: rawAnswer(value) });
  }
  return lines;
}

export function reasonLines(config: ClinicConfig, reasons: readonly TriageReason[]): ReasonLine[] {
  const locale = localeOf(config);
  const questions = questionnaireOf(config).questions;
  return reasons.map((r) => {
    const question = questions.find((q) => q.id === r.questionId);
    return {
      question: question ? resolveText(question.label, locale, config.locales) : r.questionId,
      reason: r.reason,
      outcome: r.outcome,
    };
  });
}

/** Area values as the body-area questions (or the sensitive-area consent) label them. */
export function areaLabels(config: ClinicConfig, areas: readonly string[]): string[] {
  const locale = localeOf(config);
  const questionnaire = questionnaireOf(config);
  const options = [
    ...questionnaire.questions.flatMap((q) => (q.kind === "body-areas" ? q.options : [])),
    ...questionnaire.sensitiveAreaConsent.areas,
  ];
  const labels = new Map<string, string>();
  for (const option of options) {
    if (!labels.has(option.value)) labels.set(option.value, resolveText(option.label, locale, config.locales));
  }
  return areas.map((area) => labels.get(area) ?? area);
}

function formatAnswer(question: Question, value: AnswerValue, text: (t: LocalizedText) => string): string {
  switch (question.kind) {
    case "yes-no":
      return value === true ? "Yes" : value === false ? "No" : rawAnswer(value);
    case "single-choice":
    case "multi-choice":
    case "body-areas": {
      const labelOf = (v: string) => {
        const option = question.options.find((o) => o.value === v);
        return option ? text(option.label) : v;
      };
      return Array.isArray(value) ? value.map(labelOf).join(", ") : labelOf(String(value));
    }
    case "number":
      return question.unit ? `${rawAnswer(value)} ${text(question.unit)}` : rawAnswer(value);
    case "scale":
      return `${rawAnswer(value)} / ${question.max}`;
    case "text":
    case "date":
      return rawAnswer(value);
  }
}

function rawAnswer(value: AnswerValue): string {
  return Array.isArray(value) ? value.join(", ") : String(value);
}
