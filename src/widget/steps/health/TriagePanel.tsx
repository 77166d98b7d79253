import { useEffect } from "preact/hooks";
import type { Question } from "../../../core/config";
import type { TriageResult } from "../../../core/screening";
import type { Translator } from "../../i18n/t";
import { ChoiceGroup } from "../../ui/ChoiceGroup";
import { useT, useWidget } from "../../ui/context";
import { CheckboxField } from "../../ui/CheckboxField";
import { CLEARANCE_FIELD } from "../../models/intake";

/** The screening outcome in plain words, why, and what the client can do next. Never a diagnosis. */
export function TriagePanel({ result }: { result: TriageResult }) {
  const { model, announcer } = useWidget();
  const t = useT();
  const { intake } = model;
  const outcome = result.outcome;

  useEffect(() => {
    if (outcome !== "ok") announcer.say(t.maybe(result.explanationKey) ?? t.t(`triage.${outcome}`));
  }, [outcome]);

  if (outcome === "ok") return null;
  const explanation = t.maybe(result.explanationKey) ?? t.t(`triage.${outcome}`);
  const reasons = [...new Set(result.reasons.map((r) => r.reason))].map(
    (code) => t.maybe(`triage.reason.${code}`) ?? t.t("triage.reason.other"),
  );
  const areas = areaLabels(model.intake.questionnaire.questions, result.areasToAvoid, t.text);
  const clearanceError = intake.errors.value[CLEARANCE_FIELD];

  return (
    <div class={`cb-notice cb-notice--${outcome}`} part="triage">
      <h3 class="cb-notice__title">{t.t("triage.heading")}</h3>
      <p>{explanation}</p>
      {reasons.length > 0 && (
        <>
          <p>{t.t("triage.reasons")}</p>
          <ul class="cb-notice__list">
            {[...new Set(reasons)].map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
      {result.postponeUntil && <p>{t.t("triage.postponeUntil", { date: t.day(result.postponeUntil) })}</p>}
      {areas.length > 0 && <p>{t.t("triage.areasToAvoid", { areas: t.list(areas) })}</p>}
      {outcome === "clearance" && (
        <div class="cb-notice__next">
          <ChoiceGroup
            legend={t.t("triage.clearance.choice")}
            type="radio"
            required
            error={clearanceError === "clearance-choice" ? t.t("intakeError.clearance-choice") : undefined}
            options={[
              { value: "confirm", label: t.t("triage.clearance.confirm") },
              { value: "callback", label: t.t("triage.clearance.callback") },
            ]}
            isChecked={(v) => intake.clearanceChoice.value === v}
            onChange={(v) => intake.chooseClearance(v === "callback" ? "callback" : "confirm")}
          />
          {intake.clearanceChoice.value === "confirm" && (
            <ClearanceCheckbox error={clearanceError === "clearance-unconfirmed" || clearanceError === "clearance-required"} />
          )}
        </div>
      )}
      {(outcome === "contact-clinic" || (outcome === "clearance" && intake.clearanceChoice.value === "callback")) && (
        <p class="cb-notice__next">{t.t("triage.callbackNext")}</p>
      )}
      <p class="cb-notice__small">{t.t("triage.notDiagnosis")}</p>
    </div>
  );
}

function ClearanceCheckbox({ error }: { error: boolean }) {
  const { model } = useWidget();
  const t = useT();
  return (
    <CheckboxField
      label={t.t("triage.clearance.checkbox")}
      required
      checked={model.intake.clearanceConfirmed.value}
      onChange={(checked) => model.intake.confirmClearance(checked)}
      error={error ? t.t("intakeError.clearance-unconfirmed") : undefined}
    />
  );
}

function areaLabels(questions: readonly Question[], values: string[], text: Translator["text"]): string[] {
  const labels = new Map<string, string>();
  for (const q of questions) {
    if (q.kind !== "body-areas") continue;
    for (const o of q.options) if (!labels.has(o.value)) labels.set(o.value, text(o.label));
  }
  return values.map((v) => labels.get(v) ?? v);
}
