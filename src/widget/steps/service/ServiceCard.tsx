import type { Deal, Service } from "../../../core/config";
import { useT } from "../../ui/context";
import { DealBadges } from "./DealBadges";

interface ServiceCardProps {
  service: Service;
  /** The deals of this service alone; those every service has are said above the list. */
  deals: readonly Deal[];
  currency: string;
  /** Shared by every card: one radio group across all services and lengths. */
  groupName: string;
  selected: { serviceId: string | null; minutes: number | null };
  invalid: boolean;
  describedBy?: string | undefined;
  onChoose: (serviceId: string, minutes: number) => void;
}

export function ServiceCard({ service, deals, currency, groupName, selected, invalid, describedBy, onChoose }: ServiceCardProps) {
  const t = useT();
  const name = t.text(service.name);
  const isChosen = selected.serviceId === service.id;
  return (
    <fieldset class={`cb-card${isChosen ? " cb-card--chosen" : ""}`} part="service-card" aria-describedby={describedBy}>
      <legend class="cb-card__title">{name}</legend>
      <p class="cb-card__description">{t.text(service.description)}</p>
      {deals.length > 0 && <DealBadges deals={deals} />}
      <div class="cb-durations" role="presentation">
        {service.durations.map((d) => {
          const duration = t.t("service.duration", { minutes: d.minutes });
          const price = t.money(d.price, currency);
          return (
            <label class="cb-duration" key={d.minutes}>
              <input
                type="radio"
                name={groupName}
                value={`${service.id}:${d.minutes}`}
                checked={isChosen && selected.minutes === d.minutes}
                aria-label={`${name}, ${t.t("service.durationPrice", { duration, price })}`}
                aria-invalid={invalid ? "true" : undefined}
                onChange={() => onChoose(service.id, d.minutes)}
              />
              <span class="cb-duration__text">
                <span class="cb-duration__length">{duration}</span>
                <span class="cb-duration__price" part="price">
                  {price}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
