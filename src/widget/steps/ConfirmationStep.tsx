import { useT, useWidget } from "../ui/context";
import { StepFrame } from "../ui/StepFrame";
import { CalendarFileLink } from "./confirmation/CalendarFileLink";
import { SessionList } from "./confirmation/SessionList";

export function ConfirmationStep() {
  const { model } = useWidget();
  const t = useT();
  const confirmation = model.confirmation.value;
  if (!confirmation) return null;
  const { config } = model;
  const service = config.index.serviceById.get(confirmation.serviceId);
  const serviceName = service ? t.text(service.name) : "";
  const isCallback = confirmation.kind === "callback";
  const title = isCallback
    ? t.t("confirm.callbackHeading")
    : confirmation.status === "needs-review"
      ? t.t("confirm.reviewHeading")
      : t.t("confirm.heading");
  const intro = isCallback ? t.t("confirm.callbackIntro") : confirmation.status === "needs-review" ? t.t("confirm.needsReview") : t.t("confirm.intro");
  const { preparation, aftercare } = config.policies;
  const actions = (
    <div class="cb-actions cb-actions--static">
      <button type="button" class="cb-button cb-button--secondary" part="button" onClick={() => model.startOver()}>
        {t.t("confirm.again")}
      </button>
    </div>
  );
  return (
    <StepFrame title={title} intro={<p>{intro}</p>} actions={actions}>
      <div class="cb-confirmation" part="confirmation">
        <p class="cb-reference">
          <span>{t.t("confirm.reference")}</span> <strong>{confirmation.reference}</strong>
        </p>
        {confirmation.sessions.length > 0 && (
          <>
            <h3 class="cb-subheading">{t.t("confirm.sessions")}</h3>
            <SessionList confirmation={confirmation} serviceName={serviceName} />
            <p>{t.t("confirm.total", { amount: t.money(confirmation.total, confirmation.currency) })}</p>
            <CalendarFileLink confirmation={confirmation} />
          </>
        )}
        {!isCallback && preparation && (
          <>
            <h3 class="cb-subheading">{t.t("confirm.preparation")}</h3>
            <p>{t.text(preparation)}</p>
          </>
        )}
        {!isCallback && aftercare && (
          <>
            <h3 class="cb-subheading">{t.t("confirm.aftercare")}</h3>
            <p>{t.text(aftercare)}</p>
          </>
        )}
        <p class="cb-hint">{t.t("confirm.contact", { phone: config.clinic.phone, email: config.clinic.email })}</p>
      </div>
    </StepFrame>
  );
}
