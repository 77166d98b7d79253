import { afterEach, describe, expect, it, vi } from "vitest";
import { runBundle, built, CDN, demoConfig, runScript, scriptTag } from "./harness";

const CONFIG_URL = "https://clinic.example/config.json";

function stubFetch() {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
    new Response(JSON.stringify(demoConfig()), { status: 200, headers: { "content-type": "application/json" } }),
  );
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const urlOf = (input: RequestInfo | URL) => (typeof input === "string" ? input : input instanceof URL ? input.href : input.url);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the loader", () => {
  it("requests nothing but the bundle when no widget on the page names a config URL", () => {
    document.body.innerHTML = `<clinic-booking config-id="inline"></clinic-booking><clinic-booking></clinic-booking>`;
    const fetch = stubFetch();
    runScript(built("loader.js"), scriptTag(`${CDN}loader.js`));
    expect(document.head.querySelectorAll("script[src]")).toHaveLength(1);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("downloads a widget's config alongside the bundle, once, as the widget itself would", async () => {
    document.head.replaceChildren();
    Reflect.deleteProperty(window, "ClinicBooking");
    document.body.innerHTML = `<clinic-booking config="${CONFIG_URL}"><p>Loading…</p></clinic-booking>`;
    const fetch = stubFetch();
    const ready: unknown[] = [];
    document.addEventListener("clinic-booking:ready", (event) => ready.push((event as CustomEvent).detail));

    runScript(built("loader.js"), scriptTag(`${CDN}loader.js`));
    // Before the bundle has run: the request is already out.
    expect(fetch).toHaveBeenCalledTimes(1);
    const [input, init] = fetch.mock.calls[0] ?? [];
    expect(urlOf(input ?? "")).toBe(CONFIG_URL);
    expect(init).toMatchObject({ credentials: "omit", referrerPolicy: "no-referrer" });

    await runBundle(document.head.querySelector<HTMLScriptElement>("script[src]"));
    const element = document.querySelector("clinic-booking") as Element;
    await vi.waitFor(() => expect(element.shadowRoot?.querySelector('[part="widget"] h2')?.textContent).toBe("Choose a service"));
    expect(element.shadowRoot?.querySelectorAll('[part="widget"] input[type="radio"]').length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(ready).toHaveLength(1));

    // The widget answered from the loader's download instead of asking again.
    expect(fetch.mock.calls.map(([url]) => urlOf(url))).toEqual([CONFIG_URL]);
  });
});
