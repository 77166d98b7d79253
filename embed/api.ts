import { ATTRIBUTE_NAMES, ATTRIBUTES } from "./attributes";
import type { InitOptions } from "./dataset";
import { TAG_NAME, type ClinicBookingElement } from "./element";
import {
  dispatchClinicEvent,
  EVENT_PREFIX,
  isEventName,
  type ClinicBookingEventDetail,
  type ClinicBookingEventMap,
  type ClinicBookingEventName,
} from "./events";

export type ClinicBookingListener<N extends ClinicBookingEventName> = (
  detail: ClinicBookingEventDetail<N>,
  event: ClinicBookingEventMap[`clinic-booking:${N}`],
) => void;

/** The page's one global, `window.ClinicBooking`. Calls made before the bundle loads are queued. */
export interface ClinicBookingApi {
  (command: "init", options: InitOptions): ClinicBookingElement | null;
  /** Opens the widget with this id; without one, the first popup or floating widget on the page. */
  (command: "open", widgetId?: string): void;
  (command: "close", widgetId?: string): void;
  /** Listens to every widget on the page; returns a function that stops listening. */
  <N extends ClinicBookingEventName>(command: "on", event: N, listener: ClinicBookingListener<N>): () => void;
  /** Calls queued by the loader's stub before the bundle arrived. */
  q?: ArrayLike<unknown>[];
  /** Set once the bundle has been requested, so a second loader does not request it again. */
  l?: number;
  /** Config documents the loader started downloading, by absolute URL. */
  c?: Record<string, Promise<Response>>;
  /** Present on the real API only. */
  version?: string;
}

export const API_VERSION = "1";
export const OPENER_ATTRIBUTE = "data-clinic-booking-open";

export function isRealApi(value: unknown): value is ClinicBookingApi {
  return typeof value === "function" && (value as ClinicBookingApi).version !== undefined;
}

/** The real `ClinicBooking(...)`. Mistakes are reported as `clinic-booking:error` on the document, never thrown. */
export function createApi(doc: Document): ClinicBookingApi {
  /** The widget of the last init without a target (a popup or floating button on `<body>`). */
  let bodyWidget: ClinicBookingElement | null = null;

  function run(args: readonly unknown[]): unknown {
    const [command, first, second] = args;
    switch (command) {
      case "init":
        return init(first);
      case "open":
        findWidget(doc, first)?.open();
        return undefined;
      case "close":
        findWidget(doc, first)?.close();
        return undefined;
      case "on":
        return on(first, second);
      default:
        return usage(`unknown command ${JSON.stringify(command)}; expected "init", "open", "close" or "on"`);
    }
  }

  function init(value: unknown): ClinicBookingElement | null {
    if (typeof value !== "object" || value === null) return usage('ClinicBooking("init", options) needs an options object');
    const options = value as InitOptions;
    const existing = existingFor(options);
    if (!existing && !parentFor(options) && doc.readyState === "loading") {
      // An async script may run before the part of the page holding its target is parsed.
      doc.addEventListener("DOMContentLoaded", () => init(options), { once: true });
      return null;
    }
    const element = existing ?? create(options);
    if (element) configure(element, options);
    return element;
  }

  /**
   * A second init for the same place (the snippet pasted twice) reuses the widget there
   * instead of stacking another one. With an id, only the widget of that id is the same.
   */
  function existingFor(options: InitOptions): ClinicBookingElement | null {
    const target = options.target === undefined ? null : resolveTarget(options.target);
    const pointedAt = asWidget(target);
    if (pointedAt) return pointedAt;
    if (options.id) return asWidget(doc.getElementById(options.id));
    const previous = target ? asWidget(target.querySelector(`:scope > ${TAG_NAME}`)) : bodyWidget;
    return previous?.isConnected && !previous.id ? previous : null;
  }

  /** Where a new widget goes: the target, or `<body>` for a popup or floating one. */
  function parentFor(options: InitOptions): Element | null {
    if (options.target !== undefined) return resolveTarget(options.target);
    return (options.mode ?? "inline") === "inline" ? null : doc.body;
  }

  function create(options: InitOptions): ClinicBookingElement | null {
    const parent = parentFor(options);
    if (!parent) {
      const where = options.target === undefined ? "an inline widget needs a target" : `no element matches target ${JSON.stringify(options.target)}`;
      return usage(`ClinicBooking("init"): ${where}`);
    }
    const element = doc.createElement(TAG_NAME) as ClinicBookingElement;
    parent.append(element);
    if (options.target === undefined) bodyWidget = element;
    return element;
  }

  /** Sets the attribute of every option given (an option left out leaves its attribute as it is). */
  function configure(element: ClinicBookingElement, options: InitOptions): void {
    if (options.id !== undefined) element.id = options.id;
    for (const name of ATTRIBUTE_NAMES) {
      const entry = ATTRIBUTES[name];
      const value = "prefill" in entry ? options.prefill?.[entry.prefill] : options[entry.init];
      if (value !== undefined) element.setAttribute(name, value);
    }
    if (options.config !== undefined) element.config = options.config;
  }

  function resolveTarget(target: string | Element): Element | null {
    if (typeof target !== "string") return target;
    try {
      return doc.querySelector(target);
    } catch {
      return null;
    }
  }

  function on(name: unknown, listener: unknown): () => void {
    if (!isEventName(name) || typeof listener !== "function") {
      usage('ClinicBooking("on", name, listener): name is "ready", "step", "submitted" or "error"');
      return () => {};
    }
    const handler = (event: Event) => {
      if (event instanceof CustomEvent) (listener as (detail: unknown, event: Event) => void)(event.detail, event);
    };
    doc.addEventListener(`${EVENT_PREFIX}${name}`, handler);
    return () => doc.removeEventListener(`${EVENT_PREFIX}${name}`, handler);
  }

  function usage(message: string): null {
    dispatchClinicEvent(doc, "error", { kind: "usage", message });
    return null;
  }

  const api = ((...args: unknown[]) => run(args)) as ClinicBookingApi;
  api.version = API_VERSION;
  api.l = 1;
  return api;
}

/** `open` from a click on any `[data-clinic-booking-open]`, present now or added later. */
export function bindOpeners(doc: Document): void {
  doc.addEventListener("click", (event) => {
    const opener = event.target instanceof Element ? event.target.closest(`[${OPENER_ATTRIBUTE}]`) : null;
    const widget = opener ? findWidget(doc, opener.getAttribute(OPENER_ATTRIBUTE)) : null;
    if (!opener || !widget) return;
    // An opener may be a link to a booking page for visitors without script: stay on this page.
    event.preventDefault();
    const serviceId = opener.getAttribute("data-service");
    if (serviceId) widget.prefill({ serviceId });
    widget.open(opener);
  });
}

/** The widget with this id; without one, the first popup or floating widget, else the first widget. */
export function findWidget(doc: Document, widgetId: unknown): ClinicBookingElement | null {
  if (typeof widgetId === "string" && widgetId !== "") return asWidget(doc.getElementById(widgetId));
  const all = Array.from(doc.querySelectorAll(TAG_NAME), asWidget).filter((w) => w !== null);
  return all.find((w) => w.mode !== "inline") ?? all[0] ?? null;
}

function asWidget(element: Element | null): ClinicBookingElement | null {
  return element?.localName === TAG_NAME && typeof (element as ClinicBookingElement).open === "function"
    ? (element as ClinicBookingElement)
    : null;
}
