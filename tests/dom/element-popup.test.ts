import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { WidgetHandle, WidgetOptions } from "../../src/widget/types";
import { defineClinicBooking, type ClinicBookingElement } from "../../embed/element";

const prefills = vi.hoisted(() => [] as unknown[]);

vi.mock("../../src/widget/mount", () => ({
  mountWidget: (root: HTMLElement, options: WidgetOptions): WidgetHandle => {
    prefills.push(["at mount", options.prefill]);
    const heading = root.ownerDocument.createElement("h2");
    heading.tabIndex = -1;
    heading.textContent = "Choose a service";
    // Told apart from the early-painted first step, which has the same heading.
    heading.dataset.flow = "";
    root.append(heading);
    return { unmount: () => {}, setLocale: () => {}, prefill: (values) => prefills.push(["later", values]) };
  },
}));

const demo = (): unknown => JSON.parse(readFileSync(resolve(__dirname, "../../demo/clinic.json"), "utf8"));

function create(attributes: Record<string, string>): ClinicBookingElement {
  const element = document.createElement("clinic-booking") as ClinicBookingElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.config = demo();
  document.body.append(element);
  return element;
}

const dialogOf = (element: Element) => element.shadowRoot?.querySelector("dialog") ?? null;

async function ready(element: Element): Promise<HTMLDialogElement> {
  await vi.waitFor(() => expect(dialogOf(element)?.querySelector('[part="widget"] h2[data-flow]') ?? null).not.toBeNull());
  return dialogOf(element) as HTMLDialogElement;
}

beforeAll(() => {
  defineClinicBooking();
});

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = "";
  prefills.length = 0;
});

describe("popup mode", () => {
  it("opens a modal dialog named after the clinic and gives focus back to the opener", async () => {
    const opener = document.createElement("button");
    opener.textContent = "Book online";
    document.body.append(opener);
    const element = create({ mode: "popup" });
    const dialog = await ready(element);

    expect(dialog.open).toBe(false);
    expect(dialog.getAttribute("aria-label")).toBe("Harbourview Clinical Massage");
    opener.focus();
    element.open(opener);
    expect(dialog.open).toBe(true);

    const close = dialog.querySelector<HTMLButtonElement>('button[part="close-button"]');
    expect(close?.getAttribute("aria-label")).toBe("Close");
    close?.click();
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it("opens once the config has loaded when asked before", async () => {
    const element = create({ mode: "popup" });
    element.open();
    const dialog = await ready(element);
    expect(dialog.open).toBe(true);
  });

  it("has no floating button", async () => {
    const element = create({ mode: "popup" });
    await ready(element);
    expect(element.shadowRoot?.querySelector('[part="floating-button"]')).toBeNull();
  });
});

describe("floating mode", () => {
  it("shows a fixed button in the page's language that opens the dialog", async () => {
    document.documentElement.lang = "fr";
    const element = create({ mode: "floating" });
    const dialog = await ready(element);
    const button = element.shadowRoot?.querySelector<HTMLButtonElement>('[part="floating-button"]');
    expect(button?.textContent).toBe("Prendre rendez-vous");
    expect(button?.getAttribute("aria-haspopup")).toBe("dialog");

    button?.click();
    expect(dialog.open).toBe(true);
    dialog.close();
    expect(element.shadowRoot?.activeElement ?? document.activeElement).toBe(button);
  });

  it("takes its label from the label attribute, live", async () => {
    const element = create({ mode: "floating", label: "Book now" });
    await ready(element);
    const button = () => element.shadowRoot?.querySelector('[part="floating-button"]');
    expect(button()?.textContent).toBe("Book now");
    element.setAttribute("label", "Réserver");
    expect(button()?.textContent).toBe("Réserver");
  });
});

describe("prefill before the widget is there", () => {
  it("keeps values given to prefill() until the widget mounts", async () => {
    const element = create({ mode: "popup" });
    element.prefill({ serviceId: "deep-tissue" });
    await ready(element);
    element.prefill({ serviceId: "sports-massage" });
    expect(prefills).toEqual([
      ["at mount", { serviceId: "deep-tissue" }],
      ["later", { serviceId: "sports-massage" }],
    ]);
  });
});

describe("an element set up before the bundle defined it", () => {
  it("uses a config property assigned while it was still unknown", async () => {
    const element = document.createElement("clinic-booking-late") as HTMLElement & { config?: unknown };
    element.setAttribute("mode", "popup");
    element.config = demo();
    document.body.append(element);
    class Late extends (customElements.get("clinic-booking") as typeof HTMLElement) {}
    customElements.define("clinic-booking-late", Late);
    await ready(element);
  });
});
