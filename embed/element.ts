import type { ClinicConfig } from "../src/core/config";
import { firstStepCatalogue } from "../src/widget/i18n/first-step";
import { resolveLocale } from "../src/widget/i18n/locale";
import { readFirstStepConfig } from "../src/widget/models/first-step-config";
import { paintFirstStep, type PaintedWidget } from "../src/widget/paint";
import type { WidgetHandle, WidgetPrefill } from "../src/widget/types";
import { afterNextPaint } from "./after-paint";
import { ATTRIBUTE_NAMES, ATTRIBUTES, isAttributeName, isDisplayMode, lookupRoot, prefillFrom, type DisplayMode } from "./attributes";
import { codeUnavailable, configSources, loadValidator, readClinicConfig, validateClinicConfig, type ConfigFailure } from "./config-source";
import { renderConfigFailure } from "./error-panel";
import { dispatchClinicEvent, type ClinicBookingEventMap } from "./events";
import { buildFrame, type Frame, type FrameLabels } from "./frame";
import { embedStrings } from "./strings";
import { adoptElementStyles } from "./styles";

export const TAG_NAME = "clinic-booking";

/**
 * Where the element is in its life. `loading` has a frame and a painted step once the config had
 * the shape to paint it; `mounted` is the whole flow on the config the schema checked.
 */
type ElementState =
  | { kind: "idle" }
  | Loading
  | { kind: "mounted"; frame: Frame; handle: WidgetHandle; config: ClinicConfig }
  | { kind: "failed" };
type Loading = { kind: "loading"; abort: AbortController; frame: Frame | null; painted: PaintedWidget | null };

/** What the page asked for before there was a widget to ask: honoured when there is one. */
interface PageRequests {
  /** `open()` (with its opener) before the frame existed. */
  opener?: Element | null;
  /** `prefill()` before the flow was mounted. */
  prefill: WidgetPrefill;
}

// Importing this module on a server (SSR of the host page) must not throw.
const ElementBase: typeof HTMLElement =
  typeof HTMLElement === "undefined" ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

/**
 * `<clinic-booking>`: validates a clinic's config, mounts the booking widget in an open
 * shadow root and reports to the host page with `clinic-booking:*` events.
 */
export class ClinicBookingElement extends ElementBase {
  static readonly observedAttributes: readonly string[] = ATTRIBUTE_NAMES;

  #configValue: unknown = undefined;
  #state: ElementState = { kind: "idle" };
  #asked: PageRequests = { prefill: {} };
  #scheduled = false;

  constructor() {
    super();
    // A page script may set `config` before the bundle has defined the element: that value
    // sits on the instance and would hide the accessor, so it is passed through it instead.
    if (Object.hasOwn(this, "config")) {
      const early: unknown = Reflect.get(this, "config");
      Reflect.deleteProperty(this, "config");
      this.config = early;
    }
  }

  /** A config object (validated like any other source); wins over the attributes. */
  get config(): unknown {
    return this.#configValue;
  }

  set config(value: unknown) {
    this.#configValue = value;
    this.#schedule();
  }

  get mode(): DisplayMode {
    const value = this.getAttribute("mode");
    return isDisplayMode(value) ? value : "inline";
  }

  /** The clinic's config once validated and mounted; null while loading or when invalid. */
  get clinicConfig(): ClinicConfig | null {
    return this.#state.kind === "mounted" ? this.#state.config : null;
  }

  connectedCallback(): void {
    this.#shadow();
    if (this.#state.kind === "idle" || this.#state.kind === "failed") this.#schedule();
  }

  disconnectedCallback(): void {
    // Moving the element (page builders do) disconnects and reconnects it in one task; only
    // a real removal ends the widget, so the client's answers survive a move.
    queueMicrotask(() => {
      if (!this.isConnected) this.#teardown();
    });
  }

  attributeChangedCallback(name: string, previous: string | null, next: string | null): void {
    if (previous === next || !this.isConnected || !isAttributeName(name)) return;
    switch (ATTRIBUTES[name].change) {
      case "remount":
        return this.#schedule();
      case "locale":
        this.#widget()?.setLocale(this.#locale());
        return this.#relabel();
      case "label":
        return this.#relabel();
      case "prefill":
        return this.#widget()?.prefill(prefillFrom(this));
    }
  }

  /** Shows the widget: opens the dialog in popup and floating modes, scrolls to it inline. */
  open(opener?: Element | null): void {
    // The frame is there as soon as the first step is painted, before the rest of the flow.
    const frame = this.#frame();
    if (frame) frame.open(opener);
    else this.#asked.opener = opener ?? null;
  }

  close(): void {
    delete this.#asked.opener;
    this.#frame()?.close();
  }

  /** Values the page knows about the client; never health answers. */
  prefill(values: WidgetPrefill): void {
    if (this.#state.kind === "mounted") return this.#state.handle.prefill(values);
    // Kept for the flow, which has the details step; the painted step shows the service meanwhile.
    this.#asked.prefill = { ...this.#asked.prefill, ...values };
    this.#widget()?.prefill(values);
  }

  #shadow(): ShadowRoot {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    adoptElementStyles(root);
    return root;
  }

  #frame(): Frame | null {
    const state = this.#state;
    return state.kind === "loading" || state.kind === "mounted" ? state.frame : null;
  }

  /** What takes the page's prefill and locale now: the flow, or the step painted before it. */
  #widget(): WidgetHandle | PaintedWidget | null {
    const state = this.#state;
    return state.kind === "mounted" ? state.handle : state.kind === "loading" ? state.painted : null;
  }

  /** Coalesces the attribute and property changes of one task into a single mount. */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) void this.#mount();
    });
  }

  async #mount(): Promise<void> {
    this.#teardown();
    const loading: Loading = { kind: "loading", abort: new AbortController(), frame: null, painted: null };
    this.#state = loading;
    const stale = () => this.#state !== loading;
    const root = this.#shadow();
    // Until the widget is there, the element's own content (a "loading… or call us" line) shows.
    root.replaceChildren(this.ownerDocument.createElement("slot"));
    const read = await readClinicConfig(configSources(this, this.#configValue), {
      getElementById: (id) => lookupRoot(this).getElementById(id),
      baseUrl: this.ownerDocument.baseURI,
      signal: loading.abort.signal,
    });
    if (stale()) return;
    if (!read.ok) return this.#fail(root, read);
    // The schema and the flow are most of the code: running it before the first step is on
    // screen would only delay that step. It downloads once the step has painted.
    if (await this.#paintEarly(root, read.raw, loading)) await afterNextPaint();
    const validator = loadValidator();
    const code = import("./widget-code").catch(() => null);
    const checked = stale() ? null : await validateClinicConfig(read.raw, validator);
    const flow = checked?.ok ? await code : null;
    // Whatever made this load stale has taken its painted step down.
    if (stale() || !checked) return;
    if (!checked.ok || !flow) {
      loading.painted?.unmount();
      loading.frame?.close(); // an open dialog gives focus back to its opener
      return this.#fail(root, checked.ok ? codeUnavailable() : checked);
    }
    const { painted } = loading;
    let { frame } = loading;
    if (!frame) {
      // Nothing was painted early: the element's own loading content still fills the root.
      root.replaceChildren();
      frame = buildFrame(root, this.mode, this.#labels(checked.config.clinic.name, checked.config.locales));
    }
    // `ready`, emitted while the flow mounts, reaches the page once the element is mounted too.
    const events = flow.hostEvents(this, this.mode);
    const handle = flow.mountEmbeddedWidget(frame.container, {
      config: checked.config,
      locale: this.getAttribute("locale") ?? undefined,
      pageLocale: this.ownerDocument.documentElement.lang || undefined,
      prefill: prefillFrom(this, this.#asked.prefill),
      ...(painted ? { painted } : {}),
      emit: events.emit,
    });
    this.#asked.prefill = {};
    this.#state = { kind: "mounted", frame, handle, config: checked.config };
    this.#relabel();
    this.#openIfAsked();
    events.release();
  }

  /**
   * Paints the service step from the unchecked config while the schema and the flow download.
   * False when the config does not even have the shape to paint it (the schema then says why), or
   * its language's strings could not be downloaded (the flow then brings them).
   */
  async #paintEarly(root: ShadowRoot, raw: unknown, loading: Loading): Promise<boolean> {
    const config = readFirstStepConfig(raw);
    if (!config) return false;
    const locale = this.#locale(config.locales);
    const catalogue = await firstStepCatalogue(locale);
    // A remount while French was downloading has painted its own config by now.
    if (!catalogue || this.#state !== loading || !this.isConnected) return false;
    root.replaceChildren();
    loading.frame = buildFrame(root, this.mode, this.#labels(config.clinicName, config.locales));
    loading.painted = paintFirstStep(loading.frame.container, { config, locale, catalogue, prefill: prefillFrom(this, this.#asked.prefill) });
    this.#openIfAsked();
    return true;
  }

  #openIfAsked(): void {
    const frame = this.#frame();
    if (frame && "opener" in this.#asked) {
      frame.open(this.#asked.opener);
      delete this.#asked.opener;
    }
  }

  #fail(root: ShadowRoot, failure: ConfigFailure): void {
    this.#state = { kind: "failed" };
    renderConfigFailure(root, failure);
    dispatchClinicEvent(this, "error", failure.error);
    // Offline is not a setup mistake: back online, the widget tries again unless something else has.
    if (failure.error.kind !== "config-unavailable") return;
    const retry = () => this.#state.kind === "failed" && this.#schedule();
    this.ownerDocument.defaultView?.addEventListener("online", retry, { once: true });
  }

  #teardown(): void {
    const state = this.#state;
    // Now, not when the abandoned load next wakes: its tree and stylesheet leave with the root's content.
    if (state.kind === "loading") {
      state.abort.abort();
      state.painted?.unmount();
    }
    if (state.kind === "mounted") state.handle.unmount();
    this.#state = { kind: "idle" };
    this.shadowRoot?.replaceChildren();
  }

  /** The clinic's name and locales as far as they are known: checked, or as painted early. */
  #clinic(): { name: string; locales: readonly string[] } | null {
    const state = this.#state;
    if (state.kind === "mounted") return { name: state.config.clinic.name, locales: state.config.locales };
    const painted = state.kind === "loading" ? state.painted?.first.config.value : undefined;
    return painted ? { name: painted.clinicName, locales: painted.locales } : null;
  }

  /** Attribute, then the page's `<html lang>`, then the clinic's first locale. */
  #locale(clinicLocales: readonly string[] = this.#clinic()?.locales ?? []): string {
    return resolveLocale([this.getAttribute("locale"), this.ownerDocument.documentElement.lang, ...clinicLocales]);
  }

  #labels(clinicName = this.#clinic()?.name, clinicLocales?: readonly string[]): FrameLabels {
    const strings = embedStrings(this.#locale(clinicLocales));
    return { title: clinicName ?? strings.open, open: this.getAttribute("label") ?? strings.open, close: strings.close };
  }

  #relabel(): void {
    this.#frame()?.setLabels(this.#labels());
  }
}

/** Typed `addEventListener` for the element's events. */
export interface ClinicBookingElement {
  addEventListener<K extends keyof ClinicBookingEventMap>(
    type: K,
    listener: (this: ClinicBookingElement, event: ClinicBookingEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ClinicBookingEventMap>(
    type: K,
    listener: (this: ClinicBookingElement, event: ClinicBookingEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** Registers `<clinic-booking>` unless something on the page already did; returns the class in use. */
export function defineClinicBooking(registry: CustomElementRegistry = customElements): CustomElementConstructor {
  const existing = registry.get(TAG_NAME);
  if (existing) return existing;
  registry.define(TAG_NAME, ClinicBookingElement);
  return ClinicBookingElement;
}
