import { useWidget } from "./context";
import { StepperView } from "./StepperView";

/** The stepper of the running flow. */
export function Stepper() {
  const { model } = useWidget();
  const { flow } = model;
  return (
    <StepperView
      steps={flow.steps.value}
      current={flow.current.value}
      reached={flow.reached.value}
      finished={flow.finished.value}
      onOpen={(step) => model.edit(step)}
    />
  );
}
