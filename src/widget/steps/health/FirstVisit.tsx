import { useEffect, useRef } from "preact/hooks";
import { ChoiceGroup } from "../../ui/ChoiceGroup";
import { useT, useWidget } from "../../ui/context";
import { afterRender } from "../../ui/focus";
import { FIRST_VISIT_FIELD } from "../../models/intake";
import { ClientCode } from "./ClientCode";

/**
 * Asked first. The answer only decides what is offered: a returning client may verify their email
 * with a one-time code (contact filled in, perhaps the short form), a new one may verify it to get
 * a first-visit offer. Price and form follow the verification, never the answer.
 */
export function FirstVisit() {
  const { model } = useWidget();
  const t = useT();
  const { intake, returning } = model;
  const firstVisitError = intake.errors.value[FIRST_VISIT_FIELD];
  const said = intake.isNewClient.value;
  const verified = returning.verified.value;
  const serviceId = model.service.serviceId.value;
  const offers = model.offers();
  const newClientOffer = [...offers.everyService, ...(serviceId ? offers.own(serviceId) : [])].some((deal) => deal.newClientsOnly);
  const showForm = returning.available && !verified && (said === false || returning.open.value);
  return (
    <div class="cb-section">
      <ChoiceGroup
        legend={t.t("health.firstVisit", { clinic: model.config.clinic.name })}
        type="radio"
        inline
        required
        error={firstVisitError ? (t.maybe(`intakeError.${firstVisitError}`) ?? t.t("intakeError.server")) : undefined}
        options={[
          { value: "yes", label: t.t("common.yes") },
          { value: "no", label: t.t("common.no") },
        ]}
        isChecked={(v) => said === (v === "yes")}
        onChange={(v) => intake.setFirstVisit(v === "yes")}
      />
      {said === false && returning.available && !verified && <p class="cb-hint">{t.t("clientCode.returningIntro")}</p>}
      {said === true && returning.available && !verified && !returning.open.value && newClientOffer && (
        <button type="button" class="cb-button cb-button--link" part="button" onClick={() => returning.start()}>
          {t.t("clientCode.offer")}
        </button>
      )}
      {showForm && <ClientCode />}
      {verified && <VerifiedNote />}
      {said !== null && (
        <p class="cb-mode-note">{intake.mode.value === "full" ? t.t("health.mode.full") : t.t("health.mode.update")}</p>
      )}
    </div>
  );
}

/** Said once the code is accepted; takes the focus from the code field that disappears. */
function VerifiedNote() {
  const { model } = useWidget();
  const t = useT();
  const note = useRef<HTMLParagraphElement>(null);
  const verified = model.returning.verified.value;
  useEffect(() => {
    afterRender(() => note.current?.focus());
  }, []);
  if (!verified) return null;
  return (
    <div class="cb-client-code">
      <p class="cb-client-code__verified" role="status" tabIndex={-1} ref={note}>
        {verified.returning ? t.t("clientCode.verified.returning", { email: verified.email }) : t.t("clientCode.verified.new", { email: verified.email })}
      </p>
      <button type="button" class="cb-button cb-button--link" part="button" onClick={() => model.returning.reset()}>
        {t.t("clientCode.forget")}
      </button>
    </div>
  );
}
