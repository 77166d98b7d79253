import { useT, useWidget } from "../../ui/context";
import { SlotGrid } from "./SlotGrid";
import { WINDOW_DAYS } from "../../models/schedule";

/** The slot grid with its loading, error and empty states and the date window controls. */
export function SlotList() {
  const { model } = useWidget();
  const t = useT();
  const { schedule } = model;
  const status = schedule.status.value;
  const from = schedule.windowFrom.value;
  const to = schedule.windowTo.value;
  const days = schedule.days.value;

  const windowNav = (
    <div class="cb-window">
      <p class="cb-window__range">{t.t("time.range", { from: t.shortDay(from), to: t.shortDay(to) })}</p>
      <button
        type="button"
        class="cb-button cb-button--secondary"
        part="button"
        disabled={!schedule.hasEarlierDates.value}
        onClick={() => schedule.moveWindow(-1)}
      >
        {t.t("time.earlierDates")}
      </button>
      <button
        type="button"
        class="cb-button cb-button--secondary"
        part="button"
        disabled={!schedule.hasLaterDates.value}
        onClick={() => schedule.moveWindow(1)}
      >
        {t.t("time.laterDates")}
      </button>
    </div>
  );

  if (status === "loading" || status === "idle") {
    return (
      <>
        {windowNav}
        <p class="cb-loading" role="status">
          <span class="cb-spinner" aria-hidden="true" /> {t.t("time.loading")}
        </p>
      </>
    );
  }
  if (status === "error") {
    return (
      <div class="cb-notice cb-notice--warning">
        <p>{t.t("time.loadError")}</p>
        <button type="button" class="cb-button cb-button--secondary" part="button" onClick={() => void schedule.ensureLoaded()}>
          {t.t("time.retry")}
        </button>
      </div>
    );
  }
  return (
    <>
      {windowNav}
      {days.length === 0 ? (
        <div class="cb-empty" role="status">
          <p>
            {schedule.hasEarlierDates.value
              ? t.t("time.emptyLater", { from: t.shortDay(from), to: t.shortDay(to) })
              : t.t("time.empty", { days: WINDOW_DAYS })}
          </p>
          {schedule.hasLaterDates.value && (
            <button type="button" class="cb-button cb-button--primary" part="button" onClick={() => schedule.moveWindow(1)}>
              {t.t("time.laterDates")}
            </button>
          )}
        </div>
      ) : (
        <SlotGrid
          days={days}
          selectedStart={schedule.selected.value?.start ?? null}
          clinicZone={model.config.timeZone}
          clientZone={model.clientTimeZone}
          onSelect={(slot) => schedule.select(slot)}
        />
      )}
    </>
  );
}
