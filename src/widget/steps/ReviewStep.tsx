import { useT, useWidget } from "../ui/context";
import { PriceSummary } from "../ui/PriceSummary";
import { StepFrame } from "../ui/StepFrame";
import { ReviewIssues } from "./review/ReviewIssues";
import { ReviewSection } from "./review/ReviewSection";
import { SubmitFailure } from "./review/SubmitFailure";

export function ReviewStep() {
  const { model } = useWidget();
  const t = useT();
  const { service, intake, schedule, price, details, submission, config } = model;
  const isCallback = model.flow.kind.value === "callback";
  const chosen = service.service.value;
  const quote = price.quote.value;
  const sending = submission.status.value === "sending";
  const failed = submission.status.value === "failed";
  const therapist = config.index.therapistById.get(schedule.selected.value?.therapistId ?? "");
  const answered = Object.keys(intake.cleanAnswers.value).length;
  const outcome = intake.triage.value.outcome;

  const submitLabel = sending ? t.t("review.sending") : failed ? t.t("failure.retry") : isCallback ? t.t("review.submitCallback") : t.t("review.submit");
  const actions = (
    <div class="cb-actions">
      <button type="button" class="cb-button cb-button--secondary" part="button" onClick={() => model.back()}>
        {t.t("nav.back")}
      </button>
      <button
        type="button"
        class="cb-button cb-button--primary"
        part="button"
        aria-disabled={sending ? "true" : undefined}
        onClick={() => void model.submit()}
      >
        {submitLabel}
      </button>
    </div>
  );

  return (
    <StepFrame
      title={isCallback ? t.t("review.callbackHeading") : t.t("review.heading")}
      intro={<p>{t.t("review.intro")}</p>}
      actions={actions}
    >
      <ReviewSection step="service">
        {chosen && <p>{t.t("review.service", { service: t.text(chosen.name), minutes: service.minutes.value ?? 0 })}</p>}
      </ReviewSection>
      <ReviewSection step="health">
        <p>
          {intake.isNewClient.value === false ? t.t("review.returning") : t.t("review.firstVisit")} ·{" "}
          {t.plural("review.answered", answered)}
        </p>
        <p>{t.t("review.outcome", { outcome: t.t(`outcome.${outcome}`) })}</p>
      </ReviewSection>
      {!isCallback && (
        <ReviewSection step="time">
          {therapist && <p>{t.t("time.withTherapist", { therapist: therapist.name })}</p>}
          {quote && <PriceSummary quote={quote} />}
        </ReviewSection>
      )}
      <ReviewSection step="details">
        <p>{details.name.value}</p>
        <p>{details.email.value}</p>
        <p>{details.phone.value}</p>
        {isCallback && details.callbackNote.value && <p>{details.callbackNote.value}</p>}
      </ReviewSection>
      <ReviewIssues />
      <SubmitFailure />
    </StepFrame>
  );
}
