import type { SeriesWeek } from "../../../core/slots";
import { ChoiceGroup } from "../../ui/ChoiceGroup";
import { CheckboxField } from "../../ui/CheckboxField";
import { useT, useWidget } from "../../ui/context";
import { Field } from "../../ui/Field";

/** "Repeat weekly × n": each week's availability, and a choice for the weeks that are taken. */
export function SeriesPanel() {
  const { model } = useWidget();
  const t = useT();
  const { series } = model.schedule;
  if (!series.available || !model.schedule.selected.value) return null;
  const counts = Array.from({ length: series.maxCount - 1 }, (_, i) => i + 2);
  return (
    <div class="cb-series">
      <CheckboxField label={t.t("series.toggle")} checked={series.enabled.value} onChange={(on) => series.setEnabled(on)} />
      {series.enabled.value && (
        <>
          <Field label={t.t("series.count")} required>
            {(a11y) => (
              <select
                {...a11y}
                class="cb-input cb-input--short"
                value={String(series.count.value)}
                onChange={(e) => series.setCount(Number(e.currentTarget.value))}
              >
                {counts.map((n) => (
                  <option key={n} value={String(n)}>
                    {t.number(n)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <h3 class="cb-subheading">{t.t("series.heading")}</h3>
          <ol class="cb-weeks">
            {series.weeks.value.map((week) => (
              <WeekRow key={week.index} week={week} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

function WeekRow({ week }: { week: SeriesWeek }) {
  const { model } = useWidget();
  const t = useT();
  const zone = model.config.timeZone;
  const { series } = model.schedule;
  const number = week.index + 1;
  const when = t.dateTime(week.wanted.start, zone);
  if (week.available) {
    return (
      <li class="cb-week cb-week--available">
        <span>{t.t("series.week", { number, when })}</span>
        <span class="cb-week__status">{t.t("series.available")}</span>
      </li>
    );
  }
  const choice = series.choices.value[week.index];
  const options = [
    ...week.alternatives.map((slot) => ({ value: slot.start, label: t.dateTime(slot.start, zone) })),
    { value: "skip", label: t.t("series.skip") },
  ];
  return (
    <li class="cb-week cb-week--taken">
      <p class="cb-week__head">
        <s>{t.t("series.week", { number, when })}</s>
        <span class="cb-week__status cb-week__status--taken">{t.t("series.taken")}</span>
      </p>
      <ChoiceGroup
        legend={t.t("series.alternatives", { number })}
        hint={week.alternatives.length === 0 ? t.t("series.noAlternative") : undefined}
        type="radio"
        required
        error={model.schedule.error.value === "series-incomplete" && choice === undefined ? t.t("time.error.series-incomplete") : undefined}
        options={options}
        isChecked={(v) => choice === v}
        onChange={(v) => series.choose(week.index, v)}
      />
    </li>
  );
}
