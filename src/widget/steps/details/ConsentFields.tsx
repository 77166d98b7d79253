import { ChoiceGroup } from "../../ui/ChoiceGroup";
import { CheckboxField } from "../../ui/CheckboxField";
import { useT, useWidget } from "../../ui/context";
import { useIds } from "../../ui/ids";

/** Health-data consent (separate, unticked), the cancellation policy, and sensitive areas when asked. */
export function ConsentFields() {
  const { model } = useWidget();
  const t = useT();
  const id = useIds();
  const { details, config } = model;
  const errors = details.errors.value;
  const sensitive = model.intake.questionnaire.sensitiveAreaConsent;
  const isBooking = model.flow.kind.value === "booking";
  return (
    <fieldset class="cb-fieldset cb-consents">
      <legend class="cb-label cb-label--section">{t.t("details.consentHeading")}</legend>
      <details class="cb-policy">
        <summary>{t.t("details.privacy")}</summary>
        <p id={id("privacy")}>{t.text(config.policies.privacy)}</p>
      </details>
      <CheckboxField
        label={t.t("details.healthConsent", { clinic: config.clinic.name })}
        required
        checked={details.healthConsent.value}
        onChange={(on) => details.setConsent("health", on)}
        describedById={id("privacy")}
        error={errors.healthConsent ? t.t(`detailsError.${errors.healthConsent}`) : undefined}
      />
      <div class="cb-policy">
        <h3 class="cb-policy__title">{t.t("details.policy")}</h3>
        <p id={id("policy")}>{t.text(config.policies.cancellation)}</p>
      </div>
      <CheckboxField
        label={t.t("details.policyConsent")}
        required
        checked={details.policyConsent.value}
        onChange={(on) => details.setConsent("policy", on)}
        describedById={id("policy")}
        error={errors.policyConsent ? t.t(`detailsError.${errors.policyConsent}`) : undefined}
      />
      {isBooking && sensitive.enabled && sensitive.areas.length > 0 && (
        <ChoiceGroup
          legend={t.t("details.sensitiveAreas")}
          hint={t.t("details.sensitiveAreas.help")}
          type="checkbox"
          options={sensitive.areas.map((a) => ({ value: a.value, label: t.text(a.label) }))}
          isChecked={(v) => details.sensitiveAreas.value.includes(v)}
          onChange={(v, on) => details.toggleSensitiveArea(v, on)}
        />
      )}
    </fieldset>
  );
}
