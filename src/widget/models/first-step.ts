import { signal } from "@preact/signals";
import { resolveLocale } from "../i18n/locale";
import type { StepId, WidgetPrefill } from "../types";
import type { FirstStepConfig } from "./first-step-config";
import { createFlow } from "./flow";
import { createServiceModel } from "./service";

export type FirstStepModel = ReturnType<typeof createFirstStepModel>;

export interface FirstStepModelOptions {
  config: FirstStepConfig;
  /** Already resolved (options, page, clinic). */
  locale: string;
  prefill?: WidgetPrefill | undefined;
}

/**
 * The part of the client's flow that exists before the config is checked: where they are, which
 * service and length they chose, their language. The widget model is built on this same object
 * once the schema and the flow's code are there, so nothing the client did has to be handed over.
 */
export function createFirstStepModel(options: FirstStepModelOptions) {
  /** Replaced by the checked config's part when the flow takes over. */
  const config = signal(options.config);
  const locale = signal(options.locale);
  const flow = createFlow();
  const service = createServiceModel(() => config.value.services);
  /** Continue was pressed and the choice was complete before the rest of the flow was there. */
  let continued = false;

  if (options.prefill) applyPrefill(options.prefill);

  /** Continue before the flow exists: the choice is checked now, the step is left once the flow is there. */
  function continueEarly(): boolean {
    if (!service.validate()) return false;
    continued = true;
    return true;
  }

  function edit(step: StepId): void {
    flow.goTo(step, { fromReview: flow.current.value === "review" });
  }

  /** The service the page names, taken only while none is chosen: the page never overrides the client. */
  function applyPrefill(values: WidgetPrefill): void {
    if (values.serviceId && service.serviceId.value === null) service.choose(values.serviceId);
  }

  function setLocale(next: string): void {
    locale.value = resolveLocale([next, locale.value]);
  }

  return {
    config,
    locale,
    flow,
    service,
    continueEarly,
    /** True once an early Continue was accepted; the flow then opens the next step. */
    continuedEarly: () => continued,
    edit,
    back: () => flow.back(),
    applyPrefill,
    setLocale,
  };
}
