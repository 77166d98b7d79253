import { ATTRIBUTE_NAMES, ATTRIBUTES, isDisplayMode, type DisplayMode } from "./attributes";
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

/** Options that place the element rather than set one of its attributes. */
const PLACEMENT = ["target", "id"] as const;

/** `config-id` → `configId`, as the browser names `data-config-id` in `dataset`. */
const datasetKey = (attribute: string): string => attribute.replace(/-([a-z])/g, (_whole, letter: string) => letter.toUpperCase());

/**
 * Init options from a snippet's `data-config`, `data-config-id`, `data-target`, `data-mode`… (every
 * attribute of the element, and `data-target`, `data-id`); null when the script names no config,
 * i.e. the page calls `ClinicBooking('init')` itself.
 */
export function initOptionsFromDataset(dataset: DOMStringMap): InitOptions | null {
  if (!dataset.config && !dataset.configId) return null;
  const options: InitOptions = {};
  for (const key of PLACEMENT) if (dataset[key]) options[key] = dataset[key];
  const prefill: WidgetPrefill = {};
  for (const name of ATTRIBUTE_NAMES) {
    const entry = ATTRIBUTES[name];
    const value = dataset[datasetKey(name)];
    if (!value) continue;
    if ("prefill" in entry) prefill[entry.prefill] = value;
    else if (entry.init !== "mode") options[entry.init] = value;
    else if (isDisplayMode(value)) options.mode = value;
  }
  if (Object.keys(prefill).length > 0) options.prefill = prefill;
  return options;
}
