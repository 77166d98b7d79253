import { render } from "preact";
import type { Translator } from "../i18n/translator";
import { lengthAfterChoosing } from "../models/service-choice";
import { adoptBaseStyles } from "../styles/base";
import type { ResumeState } from "../types";
import { ServicePreview, type PreviewChoice } from "./ServicePreview";
import type { PreviewConfig } from "./preview-config";

export interface PreviewHandle {
  /** Unmounts the preview and says where the client was, for the flow to carry on from there. */
  handOver(): ResumeState;
  /** A service the page asks for while the step is on screen (a "Book this" button); like the flow, only while none is chosen. */
  prefill(serviceId: string): void;
  unmount(): void;
}

export interface PreviewOptions {
  config: PreviewConfig;
  translator: Translator;
  idPrefix: string;
  /** A service the page asked for (the `service` attribute). */
  serviceId?: string | undefined;
}

/** Paints the service step into `container`, with the widget's styles, until the flow takes over. */
export function mountPreview(container: HTMLElement, options: PreviewOptions): PreviewHandle {
  const { config } = options;
  const asked = config.services.find((s) => s.id === options.serviceId);
  let choice: PreviewChoice = { serviceId: asked?.id ?? null, minutes: asked ? lengthAfterChoosing(asked, undefined, null) : null };
  let continued = false;
  let refused = false;
  // The preview keeps its choice in its own state: a choice made by the page is painted afresh.
  let generation = 0;
  const dropStyles = adoptBaseStyles(container);
  const paint = () =>
    render(
      <ServicePreview
        key={generation}
        config={config}
        translator={options.translator}
        idPrefix={options.idPrefix}
        initial={choice}
        onChoose={(next) => {
          choice = next;
          refused = false;
        }}
        onContinue={() => (continued = true)}
        onRefuse={() => (refused = true)}
      />,
      container,
    );
  paint();

  function unmount(): void {
    render(null, container);
    dropStyles();
  }

  return {
    handOver() {
      const focus = focusedControl(container);
      unmount();
      return { ...choice, continued, ...(refused ? { refused } : {}), focus };
    },
    prefill(serviceId) {
      const service = config.services.find((s) => s.id === serviceId);
      if (!service || choice.serviceId !== null) return;
      choice = { serviceId, minutes: lengthAfterChoosing(service, undefined, null) };
      // Painted afresh, the step shows no message.
      refused = false;
      generation++;
      paint();
    },
    unmount,
  };
}

/**
 * The focused radio's value or "continue", so focus can be put back on the same control; "heading"
 * for anything else inside the step, so focus stays in the widget (and in an open dialog).
 */
function focusedControl(container: HTMLElement): string | null {
  const root = container.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  if (!active || !container.contains(active)) return null;
  if (active instanceof HTMLInputElement) return `input:${active.value}`;
  return active.classList.contains("cb-button--primary") ? "continue" : "heading";
}
