import type { ClinicConfig } from "../src/core/config";
import { resolveLocale } from "../src/widget/i18n/locale";
import type { WidgetHandle, WidgetPrefill } from "../src/widget/types";
import { codeUnavailable, loadValidator, readClinicConfig, validateClinicConfig, type ConfigFailure, type ConfigSources } from "./config-source";
import { mountPreview, previewTranslator, readPreviewConfig, type PreviewHandle } from "../src/widget/preview";
import { afterNextPaint } from "./after-paint";
import { renderConfigFailure } from "./error-panel";
import { lookupRoot, prefillFrom } from "./attributes";
import { dispatchClinicEvent, hostDetail, type ClinicBookingEventMap, type DisplayMode } from "./events";
import { buildFrame, type Frame, type FrameLabels } from "./frame";
import { embedStrings } from "./strings";
import { adoptElementStyles } from "./styles";

export const TAG_NAME = "clinic-booking";

const DISPLAY_MODES: readonly DisplayMode[] = ["inline", "popup", "floating"];
/** Attributes whose change means a new config or frame: the widget is mounted again. */
const REMOUNT_ATTRIBUTES = ["config", "config-id", "endpoint", "mode"] as const;
const PREFILL_ATTRIBUTES = ["name", "email", "service"] as const;

// Importing this module on a server (SSR of the host page) must not throw.
const ElementBase: typeof HTMLElement =
  typeof HTMLElement === "undefined" ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

/**
 * `<clinic-booking>`: validates a clinic's config, mounts the booking widget in an open
 * shadow root and reports to the host page with `clinic-booking:*` events.
 */
export class ClinicBookingElement extends ElementBase {
  static readonly observedAttributes = [...REMOUNT_ATTRIBUTES, ...PREFILL_ATTRIBUTES, "locale", "label"];

  #configValue: unknown = undefined;
  #config: ClinicConfig | null = null;
  #handle: WidgetHandle | null = null;
  #frame: Frame | null = null;
  /** The first step painted from the unchecked config, until the flow takes over. */
  #preview: PreviewHandle | null = null;
  /** The clinic's name and locales as painted early: the frame's labels until the config is checked. */
  #painted: { clinicName: string; locales: readonly string[] } | null = null;
  #loading: AbortController | null = null;
  #scheduled = false;
  /** `open()` called before the config arrived: honoured once the widget is mounted. */
  #pendingOpener: Element | null | undefined = undefined;
  /** `prefill()` called before the widget was mounted. */
  #pendingPrefill: WidgetPrefill = {};

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
    return DISPLAY_MODES.find((m) => m === value) ?? "inline";
  }

  /** The clinic's config once validated and mounted; null while loading or when invalid. */
  get clinicConfig(): ClinicConfig | null {
    return this.#config;
  }

  connectedCallback(): void {
    this.#shadow();
    if (!this.#handle && !this.#loading) this.#schedule();
  }

  disconnectedCallback(): void {
    // Moving the element (page builders do) disconnects and reconnects it in one task; only
    // a real removal ends the widget, so the client's answers survive a move.
    queueMicrotask(() => {
      if (!this.isConnected) this.#teardown();
    });
  }

  attributeChangedCallback(name: string, previous: string | null, next: string | null): void {
    if (previous === next || !this.isConnected) return;
    if ((REMOUNT_ATTRIBUTES as readonly string[]).includes(name)) {
      this.#schedule();
    } else if (name === "locale") {
      this.#handle?.setLocale(this.#locale());
      this.#relabel();
    } else if (name === "label") {
      this.#relabel();
    } else if (this.#handle) {
      this.#handle.prefill(this.#prefill());
    } else if (name === "service" && next) {
      this.#preview?.prefill(next);
    }
  }

  /** Shows the widget: opens the dialog in popup and floating modes, scrolls to it inline. */
  open(opener?: Element | null): void {
    // The frame is there as soon as the first step is painted, before the rest of the flow.
    if (this.#frame) this.#frame.open(opener);
    else this.#pendingOpener = opener ?? null;
  }

  close(): void {
    this.#pendingOpener = undefined;
    this.#frame?.close();
  }

  /** Values the page knows about the client; never health answers. */
  prefill(values: WidgetPrefill): void {
    if (this.#handle) return this.#handle.prefill(values);
    this.#pendingPrefill = { ...this.#pendingPrefill, ...values };
    if (values.serviceId) this.#preview?.prefill(values.serviceId);
  }

  #shadow(): ShadowRoot {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    adoptElementStyles(root);
    return root;
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
    const loading = new AbortController();
    this.#loading = loading;
    const stale = () => this.#loading !== loading;
    const root = this.#shadow();
    // Until the widget is there, the element's own content (a "loading… or call us" line) shows.
    root.replaceChildren(this.ownerDocument.createElement("slot"));
    const read = await readClinicConfig(this.#sources(), {
      getElementById: (id) => lookupRoot(this).getElementById(id),
      baseUrl: this.ownerDocument.baseURI,
      signal: loading.signal,
    });
    if (stale()) return;
    if (!read.ok) return this.#fail(root, read);
    const preview = await this.#paintEarly(root, read.raw, stale);
    // The schema and the flow are most of the code: running it before the first step is on
    // screen would only delay that step. It downloads once the step has painted.
    if (preview) await afterNextPaint();
    const validator = loadValidator();
    const widget = import("./widget-code").catch(() => null);
    const checked = stale() ? null : await validateClinicConfig(read.raw, validator);
    const code = checked?.ok ? await widget : null;
    if (stale() || !checked) return preview?.unmount();
    this.#loading = null;
    if (!checked.ok || !code) {
      preview?.unmount();
      this.#preview = null;
      this.#frame?.close(); // an open dialog gives focus back to its opener
      this.#frame = null;
      return this.#fail(root, checked.ok ? codeUnavailable() : checked);
    }
    const resume = preview?.handOver();
    this.#preview = null;
    this.#config = checked.config;
    if (!this.#frame) {
      // Nothing was painted early: the element's own loading content still fills the root.
      root.replaceChildren();
      this.#frame = buildFrame(root, this.mode, this.#labels());
    }
    this.#frame.setLabels(this.#labels());
    const mode = this.mode;
    this.#handle = code.mountEmbeddedWidget(this.#frame.container, {
      config: checked.config,
      locale: this.getAttribute("locale") ?? undefined,
      pageLocale: this.ownerDocument.documentElement.lang || undefined,
      prefill: this.#prefill(),
      ...(resume ? { resume } : {}),
      emit: (name, detail) => {
        const safe = hostDetail(name, detail, mode);
        if (safe) dispatchClinicEvent(this, name, safe);
      },
    });
    this.#pendingPrefill = {};
    this.#openIfAsked();
  }

  #openIfAsked(): void {
    if (this.#frame && this.#pendingOpener !== undefined) {
      this.#frame.open(this.#pendingOpener);
      this.#pendingOpener = undefined;
    }
  }

  /**
   * Paints the service step from the unchecked config while the schema and the flow download.
   * Null when the config does not even have the shape to paint it; the schema then says why.
   */
  async #paintEarly(root: ShadowRoot, raw: unknown, stale: () => boolean): Promise<PreviewHandle | null> {
    const config = readPreviewConfig(raw);
    if (!config) return null;
    const translator = await previewTranslator(this.#locale(config.locales), config.locales, config.country);
    // A remount while French was downloading has painted its own config by now.
    if (!translator || stale() || !this.isConnected) return null;
    root.replaceChildren();
    this.#painted = config;
    this.#frame = buildFrame(root, this.mode, this.#labels());
    this.#preview = mountPreview(this.#frame.container, {
      config,
      translator,
      idPrefix: `cb${Math.random().toString(36).slice(2, 10)}`,
      serviceId: this.#prefill().serviceId,
    });
    this.#openIfAsked();
    return this.#preview;
  }

  #fail(root: ShadowRoot, failure: ConfigFailure): void {
    renderConfigFailure(root, failure);
    dispatchClinicEvent(this, "error", failure.error);
    // Offline is not a setup mistake: back online, the widget tries again unless something else has.
    if (failure.error.kind !== "config-unavailable") return;
    const retry = () => this.#handle || this.#loading || this.#schedule();
    this.ownerDocument.defaultView?.addEventListener("online", retry, { once: true });
  }

  #teardown(): void {
    this.#loading?.abort();
    this.#loading = null;
    // Now, not when the abandoned load next wakes: its tree and stylesheet leave with the root's content.
    this.#preview?.unmount();
    this.#preview = null;
    this.#handle?.unmount();
    this.#handle = null;
    this.#frame = null;
    this.#config = null;
    this.#painted = null;
    this.shadowRoot?.replaceChildren();
  }

  #sources(): ConfigSources {
    return {
      value: this.#configValue,
      configId: this.getAttribute("config-id"),
      configUrl: this.getAttribute("config"),
      endpoint: this.getAttribute("endpoint"),
    };
  }

  /** Attribute, then the page's `<html lang>`, then the clinic's first locale. */
  #locale(clinicLocales: readonly string[] = this.#config?.locales ?? this.#painted?.locales ?? []): string {
    return resolveLocale([this.getAttribute("locale"), this.ownerDocument.documentElement.lang, ...clinicLocales]);
  }

  #labels(clinicName = this.#config?.clinic.name ?? this.#painted?.clinicName): FrameLabels {
    const strings = embedStrings(this.#locale());
    return { title: clinicName ?? strings.open, open: this.getAttribute("label") ?? strings.open, close: strings.close };
  }

  #relabel(): void {
    this.#frame?.setLabels(this.#labels());
  }

  #prefill(): WidgetPrefill {
    return prefillFrom(this, this.#pendingPrefill);
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
