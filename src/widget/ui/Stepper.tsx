import { useT, useWidgetContext } from "./context";

/** Where the client is, as a list of the steps with the current one marked. */
export function Stepper() {
  const { first } = useWidgetContext();
  const { flow } = first;
  const t = useT();
  const steps = flow.steps.value;
  const current = flow.current.value;
  const at = steps.indexOf(current);
  return (
    <nav class="cb-stepper" part="stepper" aria-label={t.t("stepper.label")}>
      <p class="cb-stepper__progress">
        {t.t("stepper.progress", { current: at + 1, total: steps.length })}
        <span class="cb-stepper__current-name"> · {t.t(`step.${current}`)}</span>
      </p>
      <ol class="cb-stepper__list">
        {steps.map((step, i) => {
          const isCurrent = step === current;
          const done = i < at;
          // Only steps already opened, and never after the booking.
          const canOpen = !flow.finished.value && !isCurrent && flow.reached.value.has(step) && step !== "confirmation";
          const state = isCurrent ? "current" : done ? "done" : "todo";
          const content = (
            <>
              <span class="cb-stepper__dot" aria-hidden="true">
                {done ? "✓" : i + 1}
              </span>
              <span class="cb-stepper__label">{t.t(`step.${step}`)}</span>
              {done && <span class="cb-visually-hidden"> ({t.t("stepper.done")})</span>}
            </>
          );
          return (
            <li key={step} class={`cb-stepper__item cb-stepper__item--${state}`} aria-current={isCurrent ? "step" : undefined}>
              {canOpen ? (
                <button type="button" class="cb-stepper__button" onClick={() => first.edit(step)}>
                  {content}
                </button>
              ) : (
                <span class="cb-stepper__button">{content}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
