import { useT, useWidget } from "./context";
import { focusFirstProblem } from "./focus";
import { StepFrameView, type StepFrameViewProps } from "./StepFrameView";

type StepFrameProps = Omit<StepFrameViewProps, "returning" | "onBack" | "onContinue">;

/** Continue of the running flow: a refused step gets focus on its first problem and a spoken count. */
export function useStepContinue(): (section: HTMLElement | null) => void {
  const { model, announcer } = useWidget();
  const t = useT();
  return (section) => {
    if (model.continueStep()) return;
    focusFirstProblem(section, (count, firstError) =>
      announcer.say(count > 0 ? t.plural("errors.summary", count) : (firstError ?? t.plural("errors.summary", 1))),
    );
  };
}

/** The frame of a step of the flow, its buttons driving the model. */
export function StepFrame(props: StepFrameProps) {
  const { model } = useWidget();
  const onContinue = useStepContinue();
  return <StepFrameView {...props} returning={model.flow.returnToReview.value} onBack={() => model.back()} onContinue={onContinue} />;
}
