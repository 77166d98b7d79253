import type { ComponentChildren } from "preact";
import { useT } from "./context";

/** The widget's outer frame: clinic name, stepper, the polite live region, then the step. */
export function WidgetLayout({ clinicName, stepper, status, children }: { clinicName: string; stepper: ComponentChildren; status: string; children: ComponentChildren }) {
  const t = useT();
  return (
    <div class="cb-root" lang={t.locale} role="region" aria-label={t.t("widget.label", { clinic: clinicName })}>
      <div class="cb-header">
        <p class="cb-header__clinic">{clinicName}</p>
      </div>
      {stepper}
      <div class="cb-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </div>
      {children}
    </div>
  );
}
