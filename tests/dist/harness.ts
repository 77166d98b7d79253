import { cpSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ClinicBookingApi } from "../../embed/api";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export const CDN = "https://widget.clinic.example/embed/";

export function built(file: "clinic-booking.js" | "loader.js"): string {
  return readFileSync(resolve(ROOT, "dist/embed", file), "utf8");
}

/** A `<script>` tag as a clinic pastes it; happy-dom neither fetches nor runs it. */
export function scriptTag(src: string, data: Record<string, string> = {}): HTMLScriptElement {
  const tag = document.createElement("script");
  tag.src = src;
  for (const [name, value] of Object.entries(data)) tag.setAttribute(`data-${name}`, value);
  document.body.append(tag);
  return tag;
}

/** Runs built code as a classic script: global scope, `document.currentScript` set to its tag. */
export function runScript(code: string, tag: HTMLScriptElement | null): void {
  Object.defineProperty(document, "currentScript", { configurable: true, get: () => tag });
  try {
    new Function(code)();
  } finally {
    Reflect.deleteProperty(document, "currentScript");
  }
}

let copies = 0;

/**
 * Runs the ES-module bundle as the page's `<script type="module">` would, from `tag` when given
 * (its src becomes the module's URL, so the bundle finds its own tag). Every call loads a fresh
 * copy of dist/embed from its own folder: a second call is a second copy of the widget on the page,
 * as a browser would see one at another URL.
 */
export async function runBundle(tag: HTMLScriptElement | null): Promise<void> {
  // Inside the project: the test runner only loads modules from under its root.
  const folder = resolve(ROOT, "test-results/bundles", `${String(process.pid)}-${String(++copies)}`);
  rmSync(folder, { recursive: true, force: true });
  cpSync(resolve(ROOT, "dist/embed"), folder, { recursive: true });
  const file = join(folder, "clinic-booking.js");
  if (tag) tag.src = pathToFileURL(file).href;
  await import(/* @vite-ignore */ file);
}

export function clinicBookingGlobal(): ClinicBookingApi | undefined {
  return (window as Window & { ClinicBooking?: ClinicBookingApi }).ClinicBooking;
}

export function demoConfig(): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(ROOT, "demo/clinic.json"), "utf8")) as Record<string, unknown>;
}

/** `<script type="application/json" id>` holding a config, as the inline-config snippet has it. */
export function inlineConfig(id: string, json: string): void {
  const block = document.createElement("script");
  block.type = "application/json";
  block.id = id;
  block.textContent = json;
  document.body.append(block);
}

export function widgetIn(element: Element): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>('[part="widget"]') ?? null;
}
