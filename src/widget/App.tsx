import { computed } from "@preact/signals";
import { useEffect, useMemo, useRef } from "preact/hooks";
import { createTranslator } from "./i18n/t";
import type { WidgetModel } from "./models/widget";
import { ConfirmationStep } from "./steps/ConfirmationStep";
import { DetailsStep } from "./steps/DetailsStep";
import { HealthStep } from "./steps/HealthStep";
import { ReviewStep } from "./steps/ReviewStep";
import { ServiceStep } from "./steps/ServiceStep";
import { TimeStep } from "./steps/TimeStep";
import type { StepId } from "./types";
import type { Announcer } from "./ui/announcer";
import { WidgetContext, type WidgetContextValue } from "./ui/context";
import { Stepper } from "./ui/Stepper";

const STEP_COMPONENTS: Record<StepId, () => preact.JSX.Element | null> = {
  service: ServiceStep,
  health: HealthStep,
  time: TimeStep,
  details: DetailsStep,
  review: ReviewStep,
  confirmation: ConfirmationStep,
};

/** Owns the model's lifetime on screen: its effects, the live region and the unsaved-form warning. */
export function App({ model, announcer, idPrefix }: { model: WidgetModel; announcer: Announcer; idPrefix: string }) {
  const hasNavigated = useRef(false);
  const context = useMemo<WidgetContextValue>(
    () => ({
      model,
      announcer,
      hasNavigated,
      idPrefix,
      i18n: computed(() => createTranslator(model.locale.value, model.config.locales, model.config.clinic.address.country)),
    }),
    [model, announcer, idPrefix],
  );
  useEffect(() => model.start(), [model]);
  useLeaveWarning(model.dirty.value);

  const t = context.i18n.value;
  const step = model.flow.current.value;
  const Step = STEP_COMPONENTS[step];
  return (
    <WidgetContext.Provider value={context}>
      <div class="cb-root" lang={t.locale} role="region" aria-label={t.t("widget.label", { clinic: model.config.clinic.name })}>
        <div class="cb-header">
          <p class="cb-header__clinic">{model.config.clinic.name}</p>
        </div>
        <Stepper />
        <div class="cb-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {announcer.message.value}
        </div>
        <Step key={step} />
      </div>
    </WidgetContext.Provider>
  );
}

/** While answers are unsent, closing or leaving the page asks first; never after the booking is made. */
function useLeaveWarning(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}
