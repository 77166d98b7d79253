import type { ComponentType } from "preact";
import { useMemo } from "preact/hooks";
import type { WidgetModel } from "./models/widget";
import { ServiceStep } from "./steps/ServiceStep";
import type { StepId } from "./types";
import { WidgetContext, type WidgetContextValue } from "./ui/context";
import { Stepper } from "./ui/Stepper";
import { WidgetLayout } from "./ui/WidgetLayout";

/** What the flow's code brings when it arrives. */
export interface FlowParts {
  model: WidgetModel;
  steps: Readonly<Record<StepId, ComponentType>>;
}

export type Shell = Omit<WidgetContextValue, "model">;

/**
 * The widget on screen: the live region, the stepper and the current step. Until the flow is there
 * (`flow` null) the service step is all there is; when it comes, the same tree renders on, so the
 * step's nodes, the client's choice and the focus stay where they are.
 */
export function App({ shell, flow }: { shell: Shell; flow: FlowParts | null }) {
  const model = flow?.model ?? null;
  const context = useMemo<WidgetContextValue>(() => ({ ...shell, model }), [shell, model]);

  const step = shell.first.flow.current.value;
  const Step = flow ? flow.steps[step] : ServiceStep;
  return (
    <WidgetContext.Provider value={context}>
      <WidgetLayout clinicName={shell.first.config.value.clinicName} stepper={<Stepper />} status={shell.announcer.message.value}>
        <Step key={step} />
      </WidgetLayout>
    </WidgetContext.Provider>
  );
}
