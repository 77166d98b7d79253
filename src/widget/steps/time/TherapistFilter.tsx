import { useT, useWidget } from "../../ui/context";
import { Field } from "../../ui/Field";

export function TherapistFilter() {
  const { model } = useWidget();
  const t = useT();
  const { schedule } = model;
  const therapists = schedule.therapists.value;
  if (therapists.length < 2) return null;
  return (
    <Field label={t.t("time.therapist")} required>
      {(a11y) => (
        <select
          {...a11y}
          class="cb-input"
          value={schedule.therapistFilter.value}
          onChange={(e) => schedule.filterTherapist(e.currentTarget.value)}
        >
          <option value="">{t.t("time.anyTherapist")}</option>
          {therapists.map((th) => (
            <option key={th.id} value={th.id}>
              {th.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
