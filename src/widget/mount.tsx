import { effect } from "@preact/signals";
import { CATALOGUES } from "./i18n/t";
import { languageOf } from "../core/locale";
import { resolveLocale } from "./i18n/locale";
import { firstStepConfigOf } from "./models/first-step-config";
import { createWidgetModel } from "./models/widget";
import { paintFirstStep } from "./paint";
import { STEP_COMPONENTS } from "./steps";
import { adoptFlowStyles } from "./styles/flow";
import type { StepId, WidgetHandle, WidgetOptions, WidgetPrefill } from "./types";

/**
 * Renders the booking flow into `root` (a shadow root, or an element inside one), or carries on
 * from the service step `options.painted` already shows. Nothing happens at import: every effect
 * starts here and stops in `unmount`.
 */
export function mountWidget(root: ShadowRoot | HTMLElement, options: WidgetOptions): WidgetHandle {
  const { config } = options;
  const locale = resolveLocale([options.locale, options.pageLocale, ...config.locales]);
  const painted =
    options.painted ?? paintFirstStep(root, { config: firstStepConfigOf(config), locale, catalogue: CATALOGUES[languageOf(locale) ?? "en"] });
  const model = createWidgetModel({
    config,
    locale,
    now: options.now ?? (() => new Date()),
    transport: options.transport,
    clientCodes: options.clientCodes,
    fetchAvailability: options.fetchAvailability,
    emit: options.emit,
    prefill: options.prefill,
    clientTimeZone: options.clientTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    firstStep: painted.first,
  });
  const dropStyles = adoptFlowStyles(painted.container);
  painted.continueWith({ model, steps: STEP_COMPONENTS }, CATALOGUES);
  // A Continue the client pressed while the flow was on its way: the next step opens, its heading focused.
  if (painted.first.continuedEarly()) model.continueStep();
  options.emit("ready", { locale: model.locale.value });
  const stopEffects = model.start();
  const stopWarning = warnBeforeLeaving(painted.container.ownerDocument.defaultView, () => model.dirty.value);

  return {
    unmount() {
      stopWarning();
      stopEffects();
      model.dispose();
      painted.unmount();
      dropStyles();
    },
    setLocale(next: string) {
      model.setLocale(next);
    },
    prefill(values: WidgetPrefill) {
      model.applyPrefill(values);
    },
    goTo(step: StepId) {
      model.flow.goTo(step);
    },
  };
}

/** While answers are unsent, closing or leaving the page asks first; never after the booking is made. */
function warnBeforeLeaving(view: Window | null, dirty: () => boolean): () => void {
  return effect(() => {
    if (!view || !dirty()) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    view.addEventListener("beforeunload", warn);
    return () => view.removeEventListener("beforeunload", warn);
  });
}
