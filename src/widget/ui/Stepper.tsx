import type { StepId } from "../types";
import { useT, useWidget } from "./context";

/** Where the client is; steps already reached can be reopened, except after the booking is made. */
export function Stepper() {
  const { model } = useWidget();
  const t = useT();
  const { flow } = model;
  const steps = flow.steps.value;
  const current = flow.current.value;
  const at = flow.index.value;
  const finished = flow.finished.value;
  return (
    <nav class="cb-stepper" part="stepper" aria-label={t.t("stepper.label")}>
      <p class="cb-stepper__progress">
        {t.t("stepper.progress", { current: at + 1, total: steps.length })}
        <span class="cb-stepper__current-name"> · {t.t(`step.${current}`)}</span>
      </p>
      <ol class="cb-stepper__list">
        {steps.map((step: StepId, i) => {
          const isCurrent = step === current;
          const done = i < at;
          const canOpen = !finished && !isCurrent && flow.reached.value.has(step) && step !== "confirmation";
          const label = t.t(`step.${step}`);
          const state = isCurrent ? "current" : done ? "done" : "todo";
          const content = (
            <>
              <span class="cb-stepper__dot" aria-hidden="true">
                {done ? "✓" : i + 1}
              </span>
              <span class="cb-stepper__label">{label}</span>
              {done && <span class="cb-visually-hidden"> ({t.t("stepper.done")})</span>}
            </>
          );
          return (
            <li key={step} class={`cb-stepper__item cb-stepper__item--${state}`} aria-current={isCurrent ? "step" : undefined}>
              {canOpen ? (
                <button type="button" class="cb-stepper__button" onClick={() => model.edit(step)}>
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
