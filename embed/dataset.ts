import type { DisplayMode } from "./events";
import type { WidgetPrefill } from "../src/widget/types";

/** What `ClinicBooking('init', options)` accepts. */
export interface InitOptions {
  /** CSS selector or element the widget goes into; popup and floating widgets default to `<body>`. */
  target?: string | Element;
  /** Id of the `<clinic-booking>` element: `data-clinic-booking-open="<id>"` and `open(id)` name it. */
  id?: string;
  /** The config document itself… */
  config?: unknown;
  /** …or its URL… */
  configUrl?: string;
  /** …or the id of a `<script type="application/json">` holding it. */
  configId?: string;
  mode?: DisplayMode;
  locale?: string;
  /** Replaces `submit.endpoint` of the config. */
  endpoint?: string;
  /** Text of the floating button. */
  label?: string;
  prefill?: WidgetPrefill;
}

type StringOption = "target" | "id" | "configUrl" | "configId" | "locale" | "endpoint" | "label";

/** `data-*` attribute of the snippet's script → init option. */
const DATASET_OPTIONS: Record<string, StringOption> = {
  target: "target",
  id: "id",
  config: "configUrl",
  configId: "configId",
  locale: "locale",
  endpoint: "endpoint",
  label: "label",
};

/**
 * Init options from a snippet's `data-config`, `data-config-id`, `data-target`, `data-mode`…;
 * null when the script names no config, i.e. the page calls `ClinicBooking('init')` itself.
 */
export function initOptionsFromDataset(dataset: DOMStringMap): InitOptions | null {
  if (!dataset.config && !dataset.configId) return null;
  const options: InitOptions = {};
  for (const [key, option] of Object.entries(DATASET_OPTIONS)) {
    const value = dataset[key];
    if (value) options[option] = value;
  }
  const mode = dataset.mode;
  if (mode === "inline" || mode === "popup" || mode === "floating") options.mode = mode;
  return options;
}
