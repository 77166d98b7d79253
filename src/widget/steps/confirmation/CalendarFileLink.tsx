import { useEffect, useMemo } from "preact/hooks";
import { calendarFile, type Confirmation } from "../../models/confirmation";
import { useT, useWidget } from "../../ui/context";

/** One .ics with every session: imports the whole series at once. */
export function CalendarFileLink({ confirmation, serviceName }: { confirmation: Confirmation; serviceName: string }) {
  const { model } = useWidget();
  const t = useT();
  const fileUrl = useMemo(() => {
    const ics = calendarFile({ config: model.config, confirmation, serviceName, locale: t.locale }, model.now());
    if (!ics || typeof URL.createObjectURL !== "function") return null;
    return URL.createObjectURL(new Blob([ics], { type: "text/calendar;charset=utf-8" }));
  }, [confirmation, serviceName, t.locale]);
  useEffect(() => () => (fileUrl ? URL.revokeObjectURL(fileUrl) : undefined), [fileUrl]);
  if (!fileUrl) return null;
  return (
    <div class="cb-calendar">
      <a class="cb-button cb-button--secondary" part="button" href={fileUrl} download={`${confirmation.reference}.ics`}>
        {t.t("confirm.ics")}
      </a>
    </div>
  );
}
