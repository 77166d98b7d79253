import type { AnswerValue, Question } from "../../../core/config";
import { ChoiceGroup } from "../../ui/ChoiceGroup";
import { useT } from "../../ui/context";
import { Field } from "../../ui/Field";

interface QuestionFieldProps {
  question: Question;
  value: AnswerValue | undefined;
  error: string | undefined;
  today: string;
  onAnswer: (value: AnswerValue | undefined) => void;
}

/** One config-driven question, drawn by its kind. */
export function QuestionField({ question: q, value, error, today, onAnswer }: QuestionFieldProps) {
  const t = useT();
  const label = t.text(q.label);
  const help = q.help ? t.text(q.help) : undefined;
  const common = { error, required: q.required };

  switch (q.kind) {
    case "yes-no":
      return (
        <ChoiceGroup
          {...common}
          legend={label}
          hint={help}
          type="radio"
          inline
          options={[
            { value: "yes", label: t.t("common.yes") },
            { value: "no", label: t.t("common.no") },
          ]}
          isChecked={(v) => value === (v === "yes")}
          onChange={(v) => onAnswer(v === "yes")}
        />
      );
    case "single-choice":
      return (
        <ChoiceGroup
          {...common}
          legend={label}
          hint={help}
          type="radio"
          options={q.options.map((o) => ({ value: o.value, label: t.text(o.label) }))}
          isChecked={(v) => value === v}
          onChange={(v) => onAnswer(v)}
        />
      );
    case "multi-choice":
    case "body-areas": {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <ChoiceGroup
          {...common}
          legend={label}
          hint={help ?? t.t("question.chooseAny")}
          type="checkbox"
          options={q.options.map((o) => ({ value: o.value, label: t.text(o.label) }))}
          isChecked={(v) => chosen.includes(v)}
          onChange={(v, on) => onAnswer(on ? [...chosen.filter((c) => c !== v), v] : chosen.filter((c) => c !== v))}
        />
      );
    }
    case "scale": {
      const steps = Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
      const ends = [q.minLabel ? `${q.min}: ${t.text(q.minLabel)}` : null, q.maxLabel ? `${q.max}: ${t.text(q.maxLabel)}` : null];
      const hint = [help, ends.filter(Boolean).join(" · ") || t.t("question.scale.range", { min: q.min, max: q.max })]
        .filter(Boolean)
        .join(" ");
      return (
        <ChoiceGroup
          {...common}
          legend={label}
          hint={hint}
          type="radio"
          inline
          options={steps.map((n) => ({ value: String(n), label: String(n) }))}
          isChecked={(v) => value === Number(v)}
          onChange={(v) => onAnswer(Number(v))}
        />
      );
    }
    case "text":
      return (
        <Field {...common} label={label} hint={help}>
          {(a11y) =>
            q.multiline ? (
              <textarea
                {...a11y}
                class="cb-input cb-input--multiline"
                rows={3}
                maxLength={q.maxLength}
                value={typeof value === "string" ? value : ""}
                onInput={(e) => onAnswer(e.currentTarget.value)}
              />
            ) : (
              <input
                {...a11y}
                class="cb-input"
                type="text"
                maxLength={q.maxLength}
                value={typeof value === "string" ? value : ""}
                onInput={(e) => onAnswer(e.currentTarget.value)}
              />
            )
          }
        </Field>
      );
    case "date":
      return (
        <Field {...common} label={label} hint={help}>
          {(a11y) => (
            <input
              {...a11y}
              class="cb-input cb-input--short"
              type="date"
              max={today}
              value={typeof value === "string" ? value : ""}
              onInput={(e) => onAnswer(e.currentTarget.value)}
            />
          )}
        </Field>
      );
    case "number": {
      const unit = q.unit ? t.t("question.number.unit", { unit: t.text(q.unit) }) : undefined;
      return (
        <Field {...common} label={label} hint={[help, unit].filter(Boolean).join(" ") || undefined}>
          {(a11y) => (
            <input
              {...a11y}
              class="cb-input cb-input--short"
              type="number"
              inputMode="decimal"
              min={q.min}
              max={q.max}
              value={typeof value === "number" ? String(value) : typeof value === "string" ? value : ""}
              onInput={(e) => onAnswer(parseNumber(e.currentTarget.value))}
            />
          )}
        </Field>
      );
    }
  }
}

/** Keeps what the client typed when it is not a number, so validation can say so. */
function parseNumber(raw: string): AnswerValue | undefined {
  if (raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : raw;
}
