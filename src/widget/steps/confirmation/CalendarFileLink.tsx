import type { Confirmation } from "../../models/confirmation";
import { useT } from "../../ui/context";

/**
 * One .ics with every session, served by the receiver: it imports the whole series at once.
 * A receiver that gives no calendar address gets no link; the add-to-calendar links remain.
 */
export function CalendarFileLink({ confirmation }: { confirmation: Confirmation }) {
  const t = useT();
  if (!confirmation.calendarUrl) return null;
  return (
    <div class="cb-calendar">
      {/* Cross-origin, `download` is ignored; the receiver's Content-Disposition makes it a download. */}
      <a class="cb-button cb-button--secondary" part="button" href={confirmation.calendarUrl} download={`${confirmation.reference}.ics`}>
        {t.t("confirm.ics")}
      </a>
    </div>
  );
}
