import { describe, expect, it, vi } from "vitest";
import { defineClinicBooking } from "../../embed/element";
import { en } from "../../src/widget/i18n/en";
import { fr } from "../../src/widget/i18n/fr";
import { createElement, demo, earlyPaintLifecycle, eventsOf, LOADED, paintedHeadings, shadowOf } from "./support/early-paint";

const support = await vi.hoisted(() => import("./support/early-paint"));
vi.mock("../../embed/after-paint", () => support.heldAfterPaint());
vi.mock("../../embed/widget-code", () => support.flowWithoutNetwork());

/** The French catalogue as the first paint gets it: held back, or not downloadable at all. */
const french = vi.hoisted(() => ({ held: null as Promise<void> | null, unavailable: false }));

vi.mock("../../src/widget/i18n/first-step", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/widget/i18n/first-step")>();
  return {
    async firstStepCatalogue(locale: string) {
      if (french.unavailable) return null;
      if (french.held && locale.startsWith("fr")) await french.held;
      return actual.firstStepCatalogue(locale);
    },
  };
});

vi.setConfig({ testTimeout: 20_000 });

const code = earlyPaintLifecycle(defineClinicBooking, () => {
  french.held = null;
  french.unavailable = false;
});

describe("a config replaced while French is downloading", () => {
  it("paints only the newer config, not the one it replaced", async () => {
    let releaseFrench = () => {};
    french.held = new Promise<void>((done) => (releaseFrench = done));
    const frenchConfig = demo();
    frenchConfig.locales = ["fr"];
    const element = createElement({}, frenchConfig);
    const painted = paintedHeadings(element);
    // Let the first mount reach the French download before the config changes.
    await new Promise((done) => setTimeout(done, 20));
    const english = demo();
    english.locales = ["en"];
    element.config = english;
    const { query } = shadowOf(element);
    await query.findByRole("heading", { level: 2, name: en["service.heading"] });

    releaseFrench();
    await new Promise((done) => setTimeout(done, 50));
    expect(painted).toEqual([en["service.heading"]]);
    expect(query.getByRole("heading", { level: 2 }).textContent).toBe(en["service.heading"]);
    expect(element.shadowRoot?.querySelectorAll('[part="widget"]')).toHaveLength(1);

    code.release();
    await vi.waitFor(() => expect(code.mounts).toHaveLength(1), LOADED);
    expect(code.mounts[0]?.config.locales).toEqual(["en"]);
    expect(painted).not.toContain(fr["service.heading"]);
  });
});

describe("a first step that could not be painted early", () => {
  it("gives way to the flow: the element's loading content does not stay beside it", async () => {
    french.unavailable = true;
    const element = document.createElement("clinic-booking");
    element.textContent = "Loading… or call us at 902 555 0100";
    (element as HTMLElement & { config: unknown }).config = demo();
    const ready = eventsOf(element, "ready");
    document.body.append(element);
    const painted = paintedHeadings(element);
    const root = element.shadowRoot as ShadowRoot;

    await vi.waitFor(() => expect(ready).toHaveLength(1), LOADED);
    expect(painted).toEqual([en["service.heading"]]);
    expect(code.mounts).toHaveLength(1);
    expect(code.mounts[0]?.painted).toBeUndefined();
    expect(root.querySelector("slot")).toBeNull();
    expect(root.querySelectorAll('[part="widget"]')).toHaveLength(1);
  });
});
