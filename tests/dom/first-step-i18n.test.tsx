import { afterEach, describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import demo from "../../demo/clinic.json";
import { en } from "../../src/widget/i18n/en";
import { fr } from "../../src/widget/i18n/fr";
import { enFirstStep } from "../../src/widget/i18n/en-first-step";
import { frFirstStep } from "../../src/widget/i18n/fr-first-step";
import type { PartialCatalogue } from "../../src/widget/i18n/translator";
import { readFirstStepConfig, type FirstStepConfig } from "../../src/widget/models/first-step-config";
import { paintFirstStep, type PaintedWidget } from "../../src/widget/paint";
import type { WidgetPrefill } from "../../src/widget/types";

let painted: PaintedWidget[] = [];

function cleanup(): void {
  for (const widget of painted) widget.unmount();
  painted = [];
  document.body.replaceChildren();
}

afterEach(cleanup);

function firstStepConfig(): FirstStepConfig {
  const config = readFirstStepConfig(structuredClone(demo));
  if (!config) throw new Error("demo/clinic.json cannot be painted early");
  return config;
}

/** The catalogue, recording every key a view asks it for. */
function recording(catalogue: PartialCatalogue): { catalogue: PartialCatalogue; keys: Set<string> } {
  const keys = new Set<string>();
  const proxy = new Proxy(catalogue, {
    get(target, key, receiver) {
      if (typeof key === "string") keys.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === "string") keys.add(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
  return { catalogue: proxy, keys };
}

/** Paints the first step as the bundle does, then makes it show its error, so every string it has is on screen once. */
async function paintEverything(catalogue: PartialCatalogue, locale: string, prefill: WidgetPrefill): Promise<HTMLElement> {
  const container = document.createElement("div");
  document.body.append(container);
  painted.push(paintFirstStep(container, { config: firstStepConfig(), locale, catalogue, prefill }));
  const user = userEvent.setup({ delay: null });
  await user.click(screen.getByRole("button", { name: catalogue["nav.continue"] }));
  return container;
}

/** Every piece of text a person or a screen reader gets: text nodes and the attributes read aloud. */
function everythingShown(container: HTMLElement): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? "");
  for (const element of Array.from(container.querySelectorAll("*"))) {
    for (const name of ["aria-label", "title", "alt", "placeholder"]) {
      const value = element.getAttribute(name);
      if (value !== null) texts.push(value);
    }
  }
  return texts.filter((text) => text.trim() !== "");
}

const KEY_LIKE = /\b(widget|stepper|step|service|nav|confirm|details|health|time|review)\.[a-zA-Z-]+/;

describe("the early-painted step's strings", () => {
  const nothingChosen: WidgetPrefill = {};
  const serviceOnly: WidgetPrefill = { serviceId: "deep-tissue" };

  it("come only from keys English and French's first-step strings both have", async () => {
    const { catalogue, keys } = recording(en);
    await paintEverything(catalogue, "en", nothingChosen);
    cleanup();
    await paintEverything(catalogue, "en", serviceOnly);

    expect(keys).toContain("service.heading");
    expect(keys).toContain("service.error.choose-service");
    expect(keys).toContain("service.error.choose-duration");
    const asked = [...keys].filter((key) => /^[a-z]+\.[\w.-]+$/.test(key));
    expect(asked.filter((key) => !Object.hasOwn(en, key))).toEqual([]);
    // The bundle paints with only these; a key missing here would show as the key.
    expect(asked.filter((key) => !Object.hasOwn(enFirstStep, key))).toEqual([]);
    expect(asked.filter((key) => !Object.hasOwn(frFirstStep, key))).toEqual([]);
    expect(Object.entries(frFirstStep).filter(([key, text]) => fr[key as keyof typeof fr] !== text)).toEqual([]);
  });

  it.each([
    ["en", enFirstStep],
    ["fr-CA", frFirstStep],
  ] as const)("show no key, placeholder or missing text in %s", async (locale, catalogue) => {
    for (const initial of [nothingChosen, serviceOnly]) {
      const container = await paintEverything(catalogue, locale, initial);
      const shown = everythingShown(container);
      expect(shown.length).toBeGreaterThan(10);
      expect(shown.filter((text) => KEY_LIKE.test(text))).toEqual([]);
      expect(shown.filter((text) => /\{\w+\}|undefined|NaN/.test(text))).toEqual([]);
      expect(screen.getByRole("heading", { level: 2 }).textContent).toBe(catalogue["service.heading"]);
      const error = initial.serviceId ? "service.error.choose-duration" : "service.error.choose-service";
      const errorText = screen.getByText(catalogue[error]);
      expect(container.querySelector('[part="service-card"]')?.getAttribute("aria-describedby")?.split(" ")).toContain(errorText.id);
      cleanup();
    }
  });

  it("name the clinic's services in the page's language", async () => {
    await paintEverything(fr, "fr-CA", nothingChosen);
    const group = screen.getByRole("group", { name: demo.services[0]?.name.fr });
    expect(within(group).getByRole("radio", { name: new RegExp(`^${demo.services[0]?.name.fr ?? "?"}, 30 min, 70,00\\s\\$$`) }).getAttribute("type")).toBe("radio");
  });
});
