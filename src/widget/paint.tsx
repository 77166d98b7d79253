import { computed, signal } from "@preact/signals";
import { render } from "preact";
import { App, type FlowParts, type Shell } from "./App";
import { languageOf, type Language } from "../core/locale";
import { translatorFor, type PartialCatalogue, type Translator } from "./i18n/translator";
import { createFirstStepModel, type FirstStepModel } from "./models/first-step";
import type { FirstStepConfig } from "./models/first-step-config";
import { adoptBaseStyles } from "./styles/base";
import type { WidgetPrefill } from "./types";
import { createAnnouncer } from "./ui/announcer";

export interface FirstStepOptions {
  /** From the unchecked config (`readFirstStepConfig`) or a checked one (`firstStepConfigOf`). */
  config: FirstStepConfig;
  /** Already resolved. */
  locale: string;
  /** The strings of `locale`'s language: the first step's alone are enough. */
  catalogue: PartialCatalogue;
  prefill?: WidgetPrefill | undefined;
}

/** The service step on screen, waiting for the flow to carry on from it (`mountWidget`'s `painted`). */
export interface PaintedWidget {
  /** Its state, which the flow's model is built on. */
  readonly first: FirstStepModel;
  /** Where it renders, inside the root it was painted into. */
  readonly container: HTMLElement;
  prefill(values: WidgetPrefill): void;
  setLocale(locale: string): void;
  /** Renders on with the flow: every step, every string. The nodes on screen stay. */
  continueWith(flow: FlowParts, catalogues: Readonly<Record<Language, PartialCatalogue>>): void;
  unmount(): void;
}

/**
 * Paints the service step into `root` with the base styles, before the config is checked and
 * before the rest of the flow's code is there. Nothing else is needed to paint it.
 */
export function paintFirstStep(root: ShadowRoot | HTMLElement, options: FirstStepOptions): PaintedWidget {
  const first = createFirstStepModel(options);
  const catalogues = signal<Readonly<Partial<Record<Language, PartialCatalogue>>>>({ [languageOf(options.locale) ?? "en"]: options.catalogue });
  let shown: Translator | null = null;
  const i18n = computed(() => {
    const locale = first.locale.value;
    const { locales, country } = first.config.value;
    const catalogue = catalogues.value[languageOf(locale) ?? "en"];
    // A language whose strings have not arrived yet: the step stays in the one it was painted in.
    if (catalogue || !shown) shown = translatorFor(catalogue ?? options.catalogue, locale, locales, country);
    return shown;
  });
  const announcer = createAnnouncer();
  const shell: Shell = { first, i18n, announcer, idPrefix: `cb${Math.random().toString(36).slice(2, 10)}`, hasNavigated: { current: false } };

  const container = root.ownerDocument.createElement("div");
  container.className = "cb-host";
  root.appendChild(container);
  const dropStyles = adoptBaseStyles(container);
  const draw = (flow: FlowParts | null) => render(<App shell={shell} flow={flow} />, container);
  draw(null);

  return {
    first,
    container,
    prefill: first.applyPrefill,
    setLocale: first.setLocale,
    continueWith(flow, all) {
      catalogues.value = all;
      draw(flow);
    },
    unmount() {
      render(null, container);
      container.remove();
      announcer.dispose();
      dropStyles();
    },
  };
}
