import { render } from "preact";
import { App } from "./App";
import { resolveLocale } from "./i18n/locale";
import { newIdempotencyKey } from "./models/idempotency";
import { createWidgetModel } from "./models/widget";
import { adoptWidgetStyles } from "./styles/flow";
import type { StepId, WidgetHandle, WidgetOptions, WidgetPrefill } from "./types";
import { createAnnouncer } from "./ui/announcer";

/**
 * Renders the booking flow into `root` (a shadow root, or an element inside one).
 * Nothing happens at import: every effect starts here and stops in `unmount`.
 */
export function mountWidget(root: ShadowRoot | HTMLElement, options: WidgetOptions): WidgetHandle {
  const { config } = options;
  const locale = resolveLocale([options.locale, options.pageLocale, ...config.locales]);
  const model = createWidgetModel({
    config,
    locale,
    now: options.now ?? (() => new Date()),
    transport: options.transport,
    fetchAvailability: options.fetchAvailability,
    emit: options.emit,
    prefill: options.prefill,
    clientTimeZone: options.clientTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const announcer = createAnnouncer();
  const container = root.ownerDocument.createElement("div");
  container.className = "cb-host";
  root.appendChild(container);
  const dropStyles = adoptWidgetStyles(container);
  const idPrefix = `cb${newIdempotencyKey().slice(0, 8)}`;
  const { resume } = options;
  if (resume?.serviceId) model.service.choose(resume.serviceId, resume.minutes ?? undefined);
  // The message the client saw stays, on the same controls: the choice is checked as Continue did.
  if (resume?.refused && !resume.continued) model.service.validate();
  render(<App model={model} announcer={announcer} idPrefix={idPrefix} navigated={resume?.continued === true} />, container);
  if (resume?.continued) model.continueStep();
  else if (resume?.focus) restoreFocus(container, resume.focus);
  options.emit("ready", { locale: model.locale.value });

  return {
    unmount() {
      model.dispose();
      render(null, container);
      container.remove();
      announcer.dispose();
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

function restoreFocus(container: HTMLElement, focus: string): void {
  const target =
    focus === "heading"
      ? container.querySelector<HTMLElement>(".cb-step__heading")
      : Array.from(container.querySelectorAll<HTMLElement>("input, .cb-button--primary")).find((element) =>
          element instanceof HTMLInputElement ? `input:${element.value}` === focus : focus === "continue",
        );
  target?.focus();
}
