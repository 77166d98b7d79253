import { useEffect } from "preact/hooks";
import { useT, useWidget } from "../ui/context";
import { ErrorText } from "../ui/ErrorText";
import { PriceSummary } from "../ui/PriceSummary";
import { StepFrame } from "../ui/StepFrame";
import { PromoField } from "./time/PromoField";
import { SeriesPanel } from "./time/SeriesPanel";
import { SlotList } from "./time/SlotList";
import { TherapistFilter } from "./time/TherapistFilter";

export function TimeStep() {
  const { model, announcer } = useWidget();
  const t = useT();
  const { schedule, price, config } = model;
  const zone = config.timeZone;
  const notice = schedule.notice.value;
  const selected = schedule.selected.value;
  const quote = price.quote.value;
  const error = schedule.error.value;
  const now = model.now().toISOString();

  useEffect(() => {
    if (notice === "slot-taken") announcer.say(t.t("time.slotTaken"));
  }, [notice]);

  const therapistName = config.index.therapistById.get(selected?.therapistId ?? "")?.name ?? "";
  return (
    <StepFrame
      title={t.t("time.heading")}
      intro={
        <p>
          {t.t("time.intro", { zone: t.zoneName(zone, now) })}
          {model.clientTimeZone !== zone && <> {t.t("time.clientZoneNote", { zone: t.zoneName(model.clientTimeZone, now) })}</>}
        </p>
      }
    >
      {notice === "slot-taken" && <p class="cb-notice cb-notice--warning">{t.t("time.slotTaken")}</p>}
      {price.serverError.value === "price-changed" && <p class="cb-notice cb-notice--warning">{t.t("price.changed")}</p>}
      {model.intake.triage.value.postponeUntil && (
        <p class="cb-notice cb-notice--postpone">
          {t.t("triage.postponeUntil", { date: t.day(model.intake.triage.value.postponeUntil) })}
        </p>
      )}
      <TherapistFilter />
      <SlotList />
      {error && <ErrorText text={t.t(`time.error.${error}`)} />}
      {selected && (
        <p class="cb-chosen">
          {t.t("time.chosen", { when: t.dateTime(selected.start, zone), therapist: therapistName })}
        </p>
      )}
      <SeriesPanel />
      {quote && <PriceSummary quote={quote} />}
      {selected && <PromoField />}
    </StepFrame>
  );
}
