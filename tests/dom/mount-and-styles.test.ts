import { afterEach, describe, expect, it } from "vitest";
import { mountWidget } from "../../src/widget/mount";
import { NOW, demoConfig, fakeTransport } from "./support/widget";

const hosts: HTMLElement[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.remove();
});

function shadowHost(): ShadowRoot {
  const host = document.createElement("div");
  document.body.append(host);
  hosts.push(host);
  return host.attachShadow({ mode: "open" });
}

const options = () => ({
  config: demoConfig(),
  now: () => NOW,
  transport: fakeTransport().transport,
  fetchAvailability: async () => [],
  emit: () => {},
});

describe("mountWidget", () => {
  it("renders into a shadow root with adopted stylesheets (the base and the flow's) and no style element", () => {
    const root = shadowHost();
    const handle = mountWidget(root, options());
    expect(root.adoptedStyleSheets).toHaveLength(2);
    expect(root.querySelector("style")).toBeNull();
    expect(root.querySelector("[style]")).toBeNull();
    expect(root.querySelector("h2")?.textContent).toBe("Choose a service");
    handle.unmount();
    expect(root.adoptedStyleSheets).toHaveLength(0);
    expect(root.childNodes).toHaveLength(0);
  });

  it("two widgets on one page keep their ids apart", () => {
    const a = shadowHost();
    const b = shadowHost();
    const first = mountWidget(a, options());
    const second = mountWidget(b, options());
    const ids = (root: ShadowRoot) => [...root.querySelectorAll("[id]")].map((el) => el.id);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    first.unmount();
    second.unmount();
  });

  it("resolves the locale from options, then the page, then the clinic", () => {
    const root = shadowHost();
    const emitted: object[] = [];
    const handle = mountWidget(root, { ...options(), pageLocale: "fr-CA", emit: (_name, detail) => emitted.push(detail) });
    expect(root.querySelector(".cb-root")?.getAttribute("lang")).toBe("fr-CA");
    expect(emitted[0]).toEqual({ locale: "fr-CA" });
    handle.unmount();
    const other = mountWidget(shadowHost(), { ...options(), locale: "en", pageLocale: "fr" });
    other.unmount();
  });

  it("prefills name, email and service, and goTo only reaches visited steps", () => {
    const root = shadowHost();
    const handle = mountWidget(root, { ...options(), prefill: { name: "Ana", serviceId: "sports-massage" } });
    // Three lengths: the service is preselected, the length is the client's choice.
    expect(root.querySelector(".cb-card--chosen legend")?.textContent).toBe("Sports massage");
    expect(root.querySelector('input[type="radio"]:checked')).toBeNull();
    handle.goTo?.("review");
    expect(root.querySelector("h2")?.textContent).toBe("Choose a service");
    handle.unmount();
  });
});
