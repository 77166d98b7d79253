import { useWidget } from "../ui/context";
import { useStepContinue } from "../ui/StepFrame";
import { ServiceStepView } from "./service/ServiceStepView";

export function ServiceStep() {
  const { model } = useWidget();
  const onContinue = useStepContinue();
  const { service, config } = model;
  return (
    <ServiceStepView
      services={config.services}
      currency={config.currency}
      dealsFor={service.dealsFor}
      selected={{ serviceId: service.serviceId.value, minutes: service.minutes.value }}
      error={service.error.value}
      onChoose={(serviceId, minutes) => service.choose(serviceId, minutes)}
      returning={model.flow.returnToReview.value}
      onContinue={onContinue}
    />
  );
}
