import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { WidgetHandle, WidgetOptions } from "../../src/widget/types";
import { bindOpeners, createApi, findWidget } from "../../embed/api";
import { initOptionsFromDataset } from "../../embed/dataset";
import { ClinicBookingElement, defineClinicBooking } from "../../embed/element";
import type { ClinicBookingErrorDetail } from "../../embed/events";

const prefills = vi.hoisted(() => [] as unknown[]);

vi.mock("../../src/widget/mount", () => ({
  mountWidget: (root: HTMLElement, options: WidgetOptions): WidgetHandle => {
    const heading = root.ownerDocument.createElement("h2");
    // Told apart from the early-painted first step, which has an h2 too.
    heading.dataset.flow = "";
    root.append(heading);
    options.emit("ready", { locale: "en" });
    return { unmount: () => {}, setLocale: () => {}, prefill: (values) => prefills.push(values) };
  },
}));

const demo = (): unknown => JSON.parse(readFileSync(resolve(__dirname, "../../demo/clinic.json"), "utf8"));
const api = createApi(document);

function usageErrors(): string[] {
  const messages: string[] = [];
  document.addEventListener("clinic-booking:error", (event) => {
    const detail = (event as CustomEvent<ClinicBookingErrorDetail>).detail;
    if (detail.kind === "usage") messages.push(detail.message);
  });
  return messages;
}

async function mounted(element: Element | null): Promise<ClinicBookingElement> {
  await vi.waitFor(() => expect(element?.shadowRoot?.querySelector('[part="widget"] h2[data-flow]') ?? null).not.toBeNull());
  return element as ClinicBookingElement;
}

beforeAll(() => {
  defineClinicBooking();
  bindOpeners(document);
});

afterEach(() => {
  document.body.replaceChildren();
  prefills.length = 0;
});

describe("ClinicBooking(...)", () => {
  it("creates a widget in the target with every option as an attribute", async () => {
    document.body.innerHTML = `<div id="book"></div>`;
    const element = api("init", {
      target: "#book",
      id: "main",
      config: demo(),
      locale: "fr",
      mode: "inline",
      prefill: { name: "Sam", serviceId: "deep-tissue" },
    });
    expect(element?.parentElement?.id).toBe("book");
    expect(element?.getAttribute("locale")).toBe("fr");
    expect(element?.getAttribute("service")).toBe("deep-tissue");
    await mounted(element);
  });

  it("reuses the widget of a second identical init instead of stacking one", () => {
    document.body.innerHTML = `<div id="book"></div>`;
    const first = api("init", { target: "#book", config: demo() });
    const second = api("init", { target: "#book", config: demo() });
    expect(second).toBe(first);
    expect(document.querySelectorAll("clinic-booking")).toHaveLength(1);

    const popup = api("init", { mode: "popup", config: demo() });
    expect(api("init", { mode: "popup", config: demo() })).toBe(popup);
    expect(popup?.parentElement).toBe(document.body);
  });

  it("reports mistakes as usage errors instead of throwing", () => {
    const messages = usageErrors();
    expect(api("init", { target: "#nowhere", config: demo() })).toBeNull();
    expect(api("init", { config: demo() })).toBeNull();
    (api as (...args: unknown[]) => unknown)("launch");
    expect(messages).toEqual([
      'ClinicBooking("init"): no element matches target "#nowhere"',
      'ClinicBooking("init"): an inline widget needs a target',
      'unknown command "launch"; expected "init", "open", "close" or "on"',
    ]);
  });

  it("calls listeners with the detail until they unsubscribe", async () => {
    const heard: unknown[] = [];
    const stop = api("on", "ready", (detail) => heard.push(detail));
    document.body.innerHTML = `<div id="book"></div>`;
    await mounted(api("init", { target: "#book", config: demo() }));
    stop();
    await mounted(api("init", { target: "#book", id: "other", config: demo() }));
    expect(heard).toEqual([{ mode: "inline", locale: "en" }]);
  });

  it("opens and closes a widget by id", async () => {
    const element = await mounted(api("init", { id: "popup", mode: "popup", config: demo() }));
    api("open", "popup");
    expect(element.shadowRoot?.querySelector("dialog")?.open).toBe(true);
    api("close", "popup");
    expect(element.shadowRoot?.querySelector("dialog")?.open).toBe(false);
  });
});

describe("[data-clinic-booking-open]", () => {
  it("opens the popup rather than an inline widget, preselecting data-service", async () => {
    document.body.innerHTML = `<div id="book"></div><a href="/book" data-clinic-booking-open data-service="sports-massage">Book</a>`;
    await mounted(api("init", { target: "#book", config: demo() }));
    const popup = await mounted(api("init", { id: "popup", mode: "popup", config: demo() }));
    expect(findWidget(document, null)).toBe(popup);

    const link = document.querySelector("a") as HTMLAnchorElement;
    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    link.dispatchEvent(click);

    expect(click.defaultPrevented).toBe(true);
    expect(popup.shadowRoot?.querySelector("dialog")?.open).toBe(true);
    expect(prefills).toEqual([{ serviceId: "sports-massage" }]);
  });

  it("leaves a link alone when there is no widget to open", () => {
    document.body.innerHTML = `<a href="#book" data-clinic-booking-open="missing">Book</a>`;
    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    document.querySelector("a")?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
  });
});

describe("the snippet's data-* attributes", () => {
  it("become init options only when they name a config", () => {
    const script = document.createElement("script");
    expect(initOptionsFromDataset(script.dataset)).toBeNull();
    script.dataset.config = "/api/config";
    script.dataset.mode = "floating";
    script.dataset.label = "Book now";
    script.dataset.src = "https://cdn.example/clinic-booking.js";
    expect(initOptionsFromDataset(script.dataset)).toEqual({ configUrl: "/api/config", mode: "floating", label: "Book now" });
  });

  it("give the element each attribute it has, the client's prefill included", () => {
    document.body.innerHTML = `<div id="book"></div>`;
    const script = document.createElement("script");
    script.dataset.target = "#book";
    script.dataset.id = "main";
    const values: Record<string, string> = {};
    for (const name of ClinicBookingElement.observedAttributes) {
      values[name] = name === "mode" ? "popup" : `${name} value`;
      script.setAttribute(`data-${name}`, values[name]);
    }
    const options = initOptionsFromDataset(script.dataset);
    expect(options?.prefill).toEqual({ name: "name value", email: "email value", serviceId: "service value" });
    const element = api("init", options ?? {});
    expect(element?.id).toBe("main");
    expect(element?.parentElement?.id).toBe("book");
    for (const name of ClinicBookingElement.observedAttributes) expect(element?.getAttribute(name), name).toBe(values[name]);
  });

  it("leave out a display mode the element does not have", () => {
    const script = document.createElement("script");
    script.dataset.config = "/api/config";
    script.dataset.mode = "sidebar";
    expect(initOptionsFromDataset(script.dataset)).toEqual({ configUrl: "/api/config" });
  });
});

describe("an init that runs before its target is parsed", () => {
  it("waits for the document, then creates the widget", async () => {
    const state = vi.spyOn(document, "readyState", "get").mockReturnValue("loading");
    const messages = usageErrors();
    expect(api("init", { target: "#later", config: demo() })).toBeNull();
    document.body.innerHTML = `<div id="later"></div>`;
    state.mockRestore();
    document.dispatchEvent(new Event("DOMContentLoaded"));
    await mounted(document.querySelector("#later > clinic-booking"));
    expect(messages).toEqual([]);
  });
});
