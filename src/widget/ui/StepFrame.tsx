import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useT, useWidget } from "./context";
import { focusFirstProblem } from "./focus";
import { useIds } from "./ids";

interface StepFrameProps {
  title: string;
  intro?: ComponentChildren;
  children: ComponentChildren;
  /** Replaces the default Back / Continue row. */
  actions?: ComponentChildren;
  /** Hides Back (first step, confirmation). */
  noBack?: boolean;
}

/** A step's heading (focused on arrival), its content and the Back / Continue buttons. */
export function StepFrame({ title, intro, children, actions, noBack = false }: StepFrameProps) {
  const { model, announcer, hasNavigated } = useWidget();
  const t = useT();
  const id = useIds();
  const heading = useRef<HTMLHeadingElement>(null);
  const section = useRef<HTMLElement>(null);

  useEffect(() => {
    // The first step appears with the page: taking focus there would yank the host page's reader.
    if (hasNavigated.current) heading.current?.focus();
    hasNavigated.current = true;
  }, []);

  function onContinue(): void {
    if (model.continueStep()) return;
    focusFirstProblem(section.current, (count, firstError) =>
      announcer.say(count > 0 ? t.plural("errors.summary", count) : (firstError ?? t.plural("errors.summary", 1))),
    );
  }

  const returning = model.flow.returnToReview.value;
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
            <button type="button" class="cb-button cb-button--secondary" part="button" onClick={() => model.back()}>
              {t.t("nav.back")}
            </button>
          )}
          <button type="button" class="cb-button cb-button--primary" part="button" onClick={onContinue}>
            {returning ? t.t("nav.backToReview") : t.t("nav.continue")}
          </button>
        </div>
      )}
    </section>
  );
}
