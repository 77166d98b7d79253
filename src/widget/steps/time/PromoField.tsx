import { useT, useWidget } from "../../ui/context";
import { ErrorText } from "../../ui/ErrorText";
import { useIds } from "../../ui/ids";

/** A promo code only changes the price once applied; the quote says what became of it. */
export function PromoField() {
  const { model } = useWidget();
  const t = useT();
  const id = useIds();
  const { price } = model;
  const status = price.quote.value?.promo ?? "none";
  const applied = price.promoCode.value !== "";
  const problem =
    price.serverError.value === "unknown-promo"
      ? t.t("promo.unknown")
      : applied && (status === "unknown" || status === "not-applicable")
        ? t.t(`promo.${status}`)
        : undefined;
  const note = applied && status === "applied" ? t.t("promo.applied") : applied && status === "not-best" ? t.t("promo.not-best") : null;
  return (
    <div class="cb-field cb-promo" part="field">
      <label class="cb-label" for={id("input")}>
        {t.t("promo.label")} <span class="cb-optional">({t.t("common.optional")})</span>
      </label>
      <div class="cb-inline">
        <input
          id={id("input")}
          class="cb-input cb-input--short"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          value={price.promoInput.value}
          aria-invalid={problem ? "true" : undefined}
          aria-describedby={problem ? id("error") : note ? id("note") : undefined}
          onInput={(e) => (price.promoInput.value = e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              price.applyPromo();
            }
          }}
        />
        <button type="button" class="cb-button cb-button--secondary" part="button" onClick={() => price.applyPromo()}>
          {t.t("promo.apply")}
        </button>
        {applied && (
          <button type="button" class="cb-button cb-button--link" part="button" onClick={() => price.clearPromo()}>
            {t.t("promo.remove")}
          </button>
        )}
      </div>
      {problem && <ErrorText id={id("error")} text={problem} />}
      {note && (
        <p class="cb-hint" id={id("note")} role="status">
          {note}
        </p>
      )}
    </div>
  );
}
