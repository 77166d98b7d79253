import { within } from "@testing-library/preact";
import { readFileSync } from "node:fs";
import { afterEach, beforeAll, beforeEach } from "vitest";
import { resolve } from "node:path";
import { hostEvents } from "../../../embed/host-events";
import type { EmbeddedWidgetOptions } from "../../../embed/widget-code";
import type { ClinicBookingElement } from "../../../embed/element";
import { en } from "../../../src/widget/i18n/en";
import { mountWidget } from "../../../src/widget/mount";
import type { WidgetHandle } from "../../../src/widget/types";
import { NOW } from "./config";

const held = {
  afterPaint: Promise.resolve(),
  mounts: [] as EmbeddedWidgetOptions[],
};

/**
 * Holds the element after its first paint, before it requests the schema and the flow, until
 * the test releases it. The test file mocks embed/after-paint and embed/widget-code with the two
 * factories below, kept synchronous: an import that arrives while an async factory is still
 * running can be handed the real module.
 */
export function holdAfterFirstPaint(): { release: () => void; mounts: EmbeddedWidgetOptions[] } {
  let release = () => {};
  held.afterPaint = new Promise<void>((done) => (release = done));
  held.mounts = [];
  return { release: () => release(), mounts: held.mounts };
}

/** The schema and the flow are imported on first use: that takes a while on a busy machine. */
export const LOADED = { timeout: 15_000, interval: 20 };

/**
 * The hooks every early-paint test file needs: the element defined once, each test held after its
 * first paint, and the page emptied after it. `define` comes from the test file, which imports
 * embed/element only after its mocks are registered; `cleanUp` runs first, for a file's own state.
 */
export function earlyPaintLifecycle(define: () => void, cleanUp: () => void = () => {}): ReturnType<typeof holdAfterFirstPaint> {
  let current = { release: () => {}, mounts: [] as EmbeddedWidgetOptions[] };
  // A function returned from beforeAll is run as its teardown: return nothing.
  beforeAll(() => {
    define();
  });
  beforeEach(() => {
    current = holdAfterFirstPaint();
  });
  afterEach(() => {
    cleanUp();
    current.release();
    document.body.replaceChildren();
    document.documentElement.lang = "";
  });
  return {
    release: () => current.release(),
    get mounts() {
      return current.mounts;
    },
  };
}

/** For `vi.mock("../../embed/after-paint", ...)`. */
export function heldAfterPaint() {
  return { afterNextPaint: () => held.afterPaint };
}

/** For `vi.mock("../../embed/widget-code", ...)`: the real flow, with the network faked so nothing leaves the test. */
export function flowWithoutNetwork() {
  return {
    hostEvents,
    mountEmbeddedWidget(container: HTMLElement, options: EmbeddedWidgetOptions): WidgetHandle {
      held.mounts.push(options);
      return mountWidget(container, {
        ...options,
        now: () => NOW,
        clientTimeZone: "America/Halifax",
        transport: async () => ({ kind: "failed", reason: "offline", retryable: true }),
        fetchAvailability: async () => [],
      });
    },
  };
}

export const demo = (): Record<string, unknown> =>
  JSON.parse(readFileSync(resolve(__dirname, "../../../demo/clinic.json"), "utf8")) as Record<string, unknown>;

export function createElement(attributes: Record<string, string> = {}, config: unknown = demo()): ClinicBookingElement {
  const element = document.createElement("clinic-booking") as ClinicBookingElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.config = config;
  document.body.append(element);
  return element;
}

export function shadowOf(element: Element) {
  const root = element.shadowRoot;
  if (!root) throw new Error("no shadow root");
  return { root, query: within(root as unknown as HTMLElement) };
}

/** The element's shadow root once the early-painted service step is there. */
export async function previewOf(element: Element) {
  const shadow = shadowOf(element);
  await shadow.query.findByRole("heading", { level: 2, name: en["service.heading"] });
  return shadow;
}

/** Whether `message` is the description every service card points to (how a screen reader hears it). */
export function describesCards(root: ShadowRoot, message: HTMLElement): boolean {
  const cards = Array.from(root.querySelectorAll('[part="service-card"]'));
  return cards.length > 0 && message.id !== "" && cards.every((card) => card.getAttribute("aria-describedby")?.split(" ").includes(message.id));
}

/** Every `clinic-booking:<name>` event the element dispatches from now on. */
export function eventsOf(element: Element, name: string): unknown[] {
  const heard: unknown[] = [];
  element.addEventListener(`clinic-booking:${name}`, (event) => heard.push((event as CustomEvent).detail));
  return heard;
}

/** Headings of steps that were ever inserted into the shadow root, even for a moment. */
export function paintedHeadings(element: Element): string[] {
  const seen: string[] = [];
  // Records arrive after the fact: a heading inside an added subtree may also have its own record.
  const counted = new WeakSet<Element>();
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (!(node instanceof Element)) continue;
        for (const heading of node.matches("h2") ? [node] : Array.from(node.querySelectorAll("h2"))) {
          if (counted.has(heading)) continue;
          counted.add(heading);
          seen.push(heading.textContent ?? "");
        }
      }
    }
  });
  if (element.shadowRoot) observer.observe(element.shadowRoot, { childList: true, subtree: true });
  return seen;
}
