import type { Deal } from "../../core/config";
import { useT, useWidgetContext } from "../ui/context";
import { ErrorText } from "../ui/ErrorText";
import { useIds } from "../ui/ids";
import { StepFrame } from "../ui/StepFrame";
import { ServiceCard } from "./service/ServiceCard";

const noDeals = (): Deal[] => [];

/**
 * The first step: every service with its lengths and prices, one radio group across them all.
 * It paints before the config is checked; deal badges need the checked config and come with the flow.
 */
export function ServiceStep() {
  const { first, model } = useWidgetContext();
  const t = useT();
  const id = useIds();
  const { service } = first;
  const config = first.config.value;
  const dealsFor = model?.dealsFor ?? noDeals;
  const error = service.error.value;
  const errorId = error ? id("error") : undefined;
  const selected = { serviceId: service.serviceId.value, minutes: service.minutes.value };
  return (
    <StepFrame title={t.t("service.heading")} intro={<p>{t.t("service.intro")}</p>} noBack>
      <div class="cb-cards">
        {config.services.map((s) => (
          <ServiceCard
            key={s.id}
            service={s}
            deals={dealsFor(s.id)}
            currency={config.currency}
            groupName={id("duration")}
            selected={selected}
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
