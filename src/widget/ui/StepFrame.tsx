import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useT, useWidgetContext } from "./context";
import { focusFirstProblem } from "./focus";
import { useIds } from "./ids";

export interface StepFrameProps {
  title: string;
  intro?: ComponentChildren;
  children: ComponentChildren;
  /** Replaces the default Back / Continue row. */
  actions?: ComponentChildren;
  /** Hides Back (first step, confirmation). */
  noBack?: boolean;
  /** Back / Continue stay at the end of the step instead of being kept in view at the bottom. */
  staticActions?: boolean;
}

/**
 * Continue: a refused step gets focus on its first problem and a spoken count. Before the flow is
 * there (the first step painted early) the choice is checked alike and the step is left once it is.
 */
export function useStepContinue(): (section: HTMLElement | null) => void {
  const { first, model, announcer } = useWidgetContext();
  const t = useT();
  return (section) => {
    if (model ? model.continueStep() : first.continueEarly()) return;
    focusFirstProblem(section, (count, firstError) =>
      announcer.say(count > 0 ? t.plural("errors.summary", count) : (firstError ?? t.plural("errors.summary", 1))),
    );
  };
}

/** A step's heading (focused on arrival), its content and the Back / Continue buttons. */
export function StepFrame({ title, intro, children, actions, noBack = false, staticActions = false }: StepFrameProps) {
  const { first, hasNavigated } = useWidgetContext();
  const t = useT();
  const id = useIds();
  const onContinue = useStepContinue();
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
        <div class={staticActions ? "cb-actions cb-actions--static" : "cb-actions"}>
          {!noBack && (
            <button type="button" class="cb-button cb-button--secondary" part="button" onClick={first.back}>
              {t.t("nav.back")}
            </button>
          )}
          <button type="button" class="cb-button cb-button--primary" part="button" onClick={() => onContinue(section.current)}>
            {first.flow.returnToReview.value ? t.t("nav.backToReview") : t.t("nav.continue")}
          </button>
        </div>
      )}
    </section>
  );
}
