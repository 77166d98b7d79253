import type { Offers } from "../models/offers";
import { useT, useWidgetContext } from "../ui/context";
import { ErrorText } from "../ui/ErrorText";
import { useIds } from "../ui/ids";
import { StepFrame } from "../ui/StepFrame";
import { DealBadges } from "./service/DealBadges";
import { ServiceCard } from "./service/ServiceCard";

const NO_OFFERS: Offers = { everyService: [], own: () => [] };

/**
 * The first step: every service with its lengths and prices, one radio group across them all;
 * the offers every service has are said once above the list. It paints before the config is
 * checked; the offers need the checked config and come with the flow. Continue stays in the flow
 * of the page here: a bar kept over the list would hide the next card while the client reads.
 */
export function ServiceStep() {
  const { first, model } = useWidgetContext();
  const t = useT();
  const id = useIds();
  const { service } = first;
  const config = first.config.value;
  const offers = model?.offers() ?? NO_OFFERS;
  const error = service.error.value;
  const errorId = error ? id("error") : undefined;
  const selected = { serviceId: service.serviceId.value, minutes: service.minutes.value };
  return (
    <StepFrame title={t.t("service.heading")} intro={<p>{t.t("service.intro")}</p>} noBack staticActions>
      {offers.everyService.length > 0 && (
        <div class="cb-offers">
          <h3 class="cb-offers__title" id={id("offers")}>
            {t.t("service.offersEveryService")}
          </h3>
          <DealBadges deals={offers.everyService} labelledBy={id("offers")} />
        </div>
      )}
      <div class="cb-cards">
        {config.services.map((s) => (
          <ServiceCard
            key={s.id}
            service={s}
            deals={offers.own(s.id)}
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
