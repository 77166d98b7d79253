import { useT, useWidget } from "../ui/context";
import { ErrorText } from "../ui/Field";
import { useIds } from "../ui/ids";
import { StepFrame } from "../ui/StepFrame";
import { ServiceCard } from "./ServiceCard";

export function ServiceStep() {
  const { model } = useWidget();
  const t = useT();
  const id = useIds();
  const { service, config } = model;
  const error = service.error.value;
  const errorId = error ? id("error") : undefined;
  return (
    <StepFrame title={t.t("service.heading")} intro={<p>{t.t("service.intro")}</p>} noBack>
      <div class="cb-cards">
        {config.services.map((s) => (
          <ServiceCard
            key={s.id}
            service={s}
            deals={service.dealsFor(s.id)}
            currency={config.currency}
            groupName={id("duration")}
            selected={{ serviceId: service.serviceId.value, minutes: service.minutes.value }}
            invalid={error !== null}
            describedBy={errorId}
            onChoose={(serviceId, minutes) => service.choose(serviceId, minutes)}
          />
        ))}
      </div>
      {error && <ErrorText id={errorId} text={t.t(`service.error.${error}`)} />}
    </StepFrame>
  );
}
