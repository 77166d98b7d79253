import type { Deal, Service } from "../../../core/config";
import type { ServiceError } from "../../models/service-choice";
import { useT } from "../../ui/context";
import { ErrorText } from "../../ui/Field";
import { useIds } from "../../ui/ids";
import { StepFrameView } from "../../ui/StepFrameView";
import { ServiceCard } from "./ServiceCard";

export interface ServiceStepViewProps {
  services: readonly Service[];
  currency: string;
  dealsFor: (serviceId: string) => Deal[];
  selected: { serviceId: string | null; minutes: number | null };
  error: ServiceError | null;
  onChoose: (serviceId: string, minutes: number) => void;
  /** After "Edit" on the review. */
  returning?: boolean;
  onContinue: (section: HTMLElement | null) => void;
}

/** The first step: every service with its lengths and prices, one radio group across them all. */
export function ServiceStepView({ services, currency, dealsFor, selected, error, onChoose, returning, onContinue }: ServiceStepViewProps) {
  const t = useT();
  const id = useIds();
  const errorId = error ? id("error") : undefined;
  return (
    <StepFrameView title={t.t("service.heading")} intro={<p>{t.t("service.intro")}</p>} noBack returning={returning} onContinue={onContinue}>
      <div class="cb-cards">
        {services.map((s) => (
          <ServiceCard
            key={s.id}
            service={s}
            deals={dealsFor(s.id)}
            currency={currency}
            groupName={id("duration")}
            selected={selected}
            invalid={error !== null}
            describedBy={errorId}
            onChoose={onChoose}
          />
        ))}
      </div>
      {error && <ErrorText id={errorId} text={t.t(`service.error.${error}`)} />}
    </StepFrameView>
  );
}
