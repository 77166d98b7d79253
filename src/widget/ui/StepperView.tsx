import type { StepId } from "../types";
import { useT } from "./context";

export interface StepperViewProps {
  steps: readonly StepId[];
  current: StepId;
  /** Steps opened at least once; only these (and never after the booking) can be reopened. */
  reached: ReadonlySet<StepId>;
  finished: boolean;
  onOpen: (step: StepId) => void;
}

/** Where the client is, as a list of the steps with the current one marked. */
export function StepperView({ steps, current, reached, finished, onOpen }: StepperViewProps) {
  const t = useT();
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
          const canOpen = !finished && !isCurrent && reached.has(step) && step !== "confirmation";
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
                <button type="button" class="cb-stepper__button" onClick={() => onOpen(step)}>
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
