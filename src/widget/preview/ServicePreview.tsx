import { useMemo, useState } from "preact/hooks";
import type { Translator } from "../i18n/translator";
import { choiceError, lengthAfterChoosing, type ServiceError } from "../models/service-choice";
import { focusFirstProblem } from "../ui/focus";
import { stepsFor } from "../models/steps";
import { StepperView } from "../ui/StepperView";
import { ViewContext, type ViewContextValue } from "../ui/context";
import { WidgetLayout } from "../ui/WidgetLayout";
import { ServiceStepView } from "../steps/service/ServiceStepView";
import type { PreviewConfig } from "./preview-config";

export interface PreviewChoice {
  serviceId: string | null;
  minutes: number | null;
}

export interface ServicePreviewProps {
  config: PreviewConfig;
  translator: Translator;
  idPrefix: string;
  initial: PreviewChoice;
  onChoose: (choice: PreviewChoice) => void;
  onContinue: () => void;
  /** Continue was refused: its message is on screen until the next choice. */
  onRefuse: () => void;
}

const REACHED: ReadonlySet<"service"> = new Set(["service"]);
const noDeals = () => [];

/**
 * The first step exactly as the flow draws it, from the unchecked config, before the flow's
 * code is there. Choices are kept and handed to the flow; Continue waits for it. Deal badges
 * need the checked config and appear with the flow.
 */
export function ServicePreview({ config, translator, idPrefix, initial, onChoose, onContinue, onRefuse }: ServicePreviewProps) {
  const [choice, setChoice] = useState(initial);
  const [error, setError] = useState<ServiceError | null>(null);
  // The polite live region, as the flow's announcer fills it: emptied, then refilled, so a repeat is heard.
  const [status, setStatus] = useState("");
  const view = useMemo<ViewContextValue>(() => ({ translator: () => translator, idPrefix, hasNavigated: { current: false } }), [translator, idPrefix]);
  function choose(serviceId: string, minutes: number): void {
    const service = config.services.find((s) => s.id === serviceId);
    if (!service) return;
    const next = { serviceId, minutes: lengthAfterChoosing(service, minutes, choice.minutes) };
    setChoice(next);
    setError(null);
    onChoose(next);
  }
  function continueStep(section: HTMLElement | null): void {
    const problem = choiceError(choice.serviceId !== null, choice.minutes !== null);
    setError(problem);
    setStatus("");
    if (!problem) return onContinue();
    onRefuse();
    focusFirstProblem(section, (count, first) => setStatus(count > 0 ? translator.plural("errors.summary", count) : (first ?? "")));
  }
  return (
    <ViewContext.Provider value={view}>
      <WidgetLayout
        clinicName={config.clinicName}
        stepper={<StepperView steps={stepsFor("booking")} current="service" reached={REACHED} finished={false} onOpen={() => {}} />}
        status={status}
      >
        <ServiceStepView
          services={config.services}
          currency={config.currency}
          dealsFor={noDeals}
          selected={choice}
          error={error}
          onChoose={choose}
          onContinue={continueStep}
        />
      </WidgetLayout>
    </ViewContext.Provider>
  );
}
