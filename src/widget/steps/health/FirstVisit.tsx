import { ChoiceGroup } from "../../ui/ChoiceGroup";
import { useT, useWidget } from "../../ui/context";
import { Field } from "../../ui/Field";
import { FIRST_VISIT_FIELD, LAST_INTAKE_FIELD } from "../../models/intake";

/** Asked first: it decides between the full history and the returning client's short update. */
export function FirstVisit() {
  const { model } = useWidget();
  const t = useT();
  const { intake } = model;
  const errors = intake.errors.value;
  const firstVisitError = errors[FIRST_VISIT_FIELD];
  const lastIntakeError = errors[LAST_INTAKE_FIELD];
  return (
    <div class="cb-section">
      <ChoiceGroup
        legend={t.t("health.firstVisit", { clinic: model.config.clinic.name })}
        type="radio"
        inline
        required
        error={firstVisitError ? (t.maybe(`intakeError.${firstVisitError}`) ?? t.t("intakeError.server")) : undefined}
        options={[
          { value: "yes", label: t.t("common.yes") },
          { value: "no", label: t.t("common.no") },
        ]}
        isChecked={(v) => intake.isNewClient.value === (v === "yes")}
        onChange={(v) => intake.setFirstVisit(v === "yes")}
      />
      {intake.isNewClient.value === false && (
        <Field
          label={t.t("health.lastIntake")}
          hint={t.t("health.lastIntake.help")}
          error={lastIntakeError ? (t.maybe(`intakeError.${lastIntakeError}`) ?? t.t("intakeError.server")) : undefined}
        >
          {(a11y) => (
            <input
              {...a11y}
              class="cb-input cb-input--short"
              type="date"
              max={model.today()}
              value={intake.lastFullIntake.value}
              onInput={(e) => intake.setLastFullIntake(e.currentTarget.value)}
            />
          )}
        </Field>
      )}
      {intake.isNewClient.value !== null && (
        <p class="cb-mode-note">{intake.mode.value === "full" ? t.t("health.mode.full") : t.t("health.mode.update")}</p>
      )}
    </div>
  );
}
