import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useT, useView } from "./context";
import { useIds } from "./ids";

export interface StepFrameViewProps {
  title: string;
  intro?: ComponentChildren;
  children: ComponentChildren;
  /** Replaces the default Back / Continue row. */
  actions?: ComponentChildren;
  /** Hides Back (first step, confirmation). */
  noBack?: boolean;
  /** Continue says "Back to review" after an edit from the review. */
  returning?: boolean;
  onBack?: () => void;
  /** Gets the step's section, to move focus to its first problem. */
  onContinue: (section: HTMLElement | null) => void;
}

/** A step's heading (focused on arrival), its content and the Back / Continue buttons. */
export function StepFrameView({ title, intro, children, actions, noBack = false, returning = false, onBack, onContinue }: StepFrameViewProps) {
  const { hasNavigated } = useView();
  const t = useT();
  const id = useIds();
  const heading = useRef<HTMLHeadingElement>(null);
  const section = useRef<HTMLElement>(null);

  useEffect(() => {
    // The first step appears with the page: taking focus there would yank the host page's reader.
    if (hasNavigated.current) heading.current?.focus();
    hasNavigated.current = true;
  }, []);

  return (
    <section class="cb-step" part="step" aria-labelledby={id("heading")} ref={section}>
      <h2 class="cb-step__heading" id={id("heading")} tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {intro && <div class="cb-step__intro">{intro}</div>}
      <div class="cb-step__body">{children}</div>
      {actions ?? (
        <div class="cb-actions">
          {!noBack && (
            <button type="button" class="cb-button cb-button--secondary" part="button" onClick={onBack}>
              {t.t("nav.back")}
            </button>
          )}
          <button type="button" class="cb-button cb-button--primary" part="button" onClick={() => onContinue(section.current)}>
            {returning ? t.t("nav.backToReview") : t.t("nav.continue")}
          </button>
        </div>
      )}
    </section>
  );
}
