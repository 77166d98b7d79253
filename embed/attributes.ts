import type { WidgetPrefill } from "../src/widget/types";

export const DISPLAY_MODES = ["inline", "popup", "floating"] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];

export const isDisplayMode = (value: unknown): value is DisplayMode => DISPLAY_MODES.some((mode) => mode === value);

/**
 * Every attribute of `<clinic-booking>`, in one place: the element observes these, the snippet's
 * script takes each as `data-<name>`, and `ClinicBooking('init', options)` sets them from the
 * option named here (`init`) or the prefill field (`prefill`). `change` is what a new value does:
 * `remount` (a new config or frame), `locale`, `label`, or `prefill` (values the page knows about the client).
 */
export const ATTRIBUTES = {
  config: { init: "configUrl", change: "remount" },
  "config-id": { init: "configId", change: "remount" },
  endpoint: { init: "endpoint", change: "remount" },
  mode: { init: "mode", change: "remount" },
  locale: { init: "locale", change: "locale" },
  label: { init: "label", change: "label" },
  name: { prefill: "name", change: "prefill" },
  email: { prefill: "email", change: "prefill" },
  service: { prefill: "serviceId", change: "prefill" },
} as const satisfies Record<string, { init: string; change: "remount" | "locale" | "label" } | { prefill: keyof WidgetPrefill; change: "prefill" }>;

export type AttributeName = keyof typeof ATTRIBUTES;
export type AttributeChange = (typeof ATTRIBUTES)[AttributeName]["change"];

export const ATTRIBUTE_NAMES = Object.keys(ATTRIBUTES) as AttributeName[];

export function isAttributeName(name: string): name is AttributeName {
  return Object.hasOwn(ATTRIBUTES, name);
}

/** What the page says about the client through attributes, over what it said through `prefill()`. */
export function prefillFrom(element: Element, pending: WidgetPrefill = {}): WidgetPrefill {
  const values: WidgetPrefill = { ...pending };
  for (const name of ATTRIBUTE_NAMES) {
    const entry = ATTRIBUTES[name];
    const value = element.getAttribute(name);
    if ("prefill" in entry && value) values[entry.prefill] = value;
  }
  return values;
}

/** Where `config-id` is looked up: the tree the element lives in (a document or a shadow root). */
export function lookupRoot(element: Element): Document | ShadowRoot {
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root : element.ownerDocument;
}
