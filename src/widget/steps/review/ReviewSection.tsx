import type { ComponentChildren } from "preact";
import type { StepId } from "../../types";
import { useT, useWidget } from "../../ui/context";

/** One block of the review with its "Edit" button, which returns here once the step is done. */
export function ReviewSection({ step, children }: { step: StepId; children: ComponentChildren }) {
  const { model } = useWidget();
  const t = useT();
  const title = t.t(`step.${step}`);
  return (
    <section class="cb-review__section">
      <div class="cb-review__head">
        <h3 class="cb-subheading">{title}</h3>
        <button
          type="button"
          class="cb-button cb-button--link"
          part="button"
          aria-label={t.t("review.editSection", { section: title })}
          onClick={() => model.edit(step)}
        >
          {t.t("review.edit")}
        </button>
      </div>
      {children}
    </section>
  );
}
