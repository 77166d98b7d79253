import { useT, useWidget } from "../../ui/context";

/**
 * A field people never see or reach: off-screen, hidden from assistive technology, out of the tab
 * order, and named like nothing a password manager or autofill would complete. Bots fill it.
 */
export function Honeypot() {
  const { model } = useWidget();
  const t = useT();
  return (
    <div class="cb-hp" aria-hidden="true">
      <label>
        {t.t("details.honeypot")}
        <input
          type="text"
          name="cb-nectar"
          tabIndex={-1}
          autoComplete="off"
          data-1p-ignore
          data-lpignore="true"
          value={model.details.honeypot.value}
          onInput={(e) => model.details.set("honeypot", e.currentTarget.value)}
        />
      </label>
    </div>
  );
}
