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
import { ViewContext, WidgetContext, type ViewContextValue, type WidgetContextValue } from "./ui/context";
import { WidgetLayout } from "./ui/WidgetLayout";
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
export function App(props: { model: WidgetModel; announcer: Announcer; idPrefix: string; navigated?: boolean }) {
  const { model, announcer, idPrefix } = props;
  // True when the client already pressed Continue on the early-painted step: the next heading takes focus.
  const hasNavigated = useRef(props.navigated === true);
  const i18n = useMemo(
    () => computed(() => createTranslator(model.locale.value, model.config.locales, model.config.clinic.address.country)),
    [model],
  );
  const view = useMemo<ViewContextValue>(() => ({ translator: () => i18n.value, idPrefix, hasNavigated }), [i18n, idPrefix]);
  const context = useMemo<WidgetContextValue>(() => ({ model, announcer, i18n }), [model, announcer, i18n]);
  useEffect(() => model.start(), [model]);
  useLeaveWarning(model.dirty.value);

  const step = model.flow.current.value;
  const Step = STEP_COMPONENTS[step];
  return (
    <ViewContext.Provider value={view}>
      <WidgetContext.Provider value={context}>
        <WidgetLayout clinicName={model.config.clinic.name} stepper={<Stepper />} status={announcer.message.value}>
          <Step key={step} />
        </WidgetLayout>
      </WidgetContext.Provider>
    </ViewContext.Provider>
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
