import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { WidgetHandle, WidgetOptions } from "../../src/widget/types";
import type { ClinicBookingElement } from "../../embed/element";
import type { ClinicBookingErrorDetail } from "../../embed/events";

interface Mounted {
  root: ShadowRoot | HTMLElement;
  options: WidgetOptions;
  handle: { unmount: ReturnType<typeof vi.fn>; setLocale: ReturnType<typeof vi.fn>; prefill: ReturnType<typeof vi.fn> };
}

const mounted = vi.hoisted(() => [] as Mounted[]);

// The element's job ends where the widget starts: a stand-in records what it was given.
vi.mock("../../src/widget/mount", () => ({
  mountWidget: (root: ShadowRoot | HTMLElement, options: WidgetOptions): WidgetHandle => {
    const handle = { unmount: vi.fn(), setLocale: vi.fn(), prefill: vi.fn() };
    const heading = root.ownerDocument.createElement("h2");
    heading.textContent = "Choose a service";
    root.append(heading);
    mounted.push({ root, options, handle });
    return handle;
  },
}));

const demo = (): Record<string, unknown> =>
  JSON.parse(readFileSync(resolve(__dirname, "../../demo/clinic.json"), "utf8")) as Record<string, unknown>;

/** `config: null` leaves the property unset, for the attribute sources. */
function create(attributes: Record<string, string> = {}, config: unknown = demo()): ClinicBookingElement {
  const element = document.createElement("clinic-booking") as ClinicBookingElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (config !== null) element.config = config;
  document.body.append(element);
  return element;
}

async function mountedFor(element: Element): Promise<Mounted> {
  await vi.waitFor(() => expect(mounted.some((m) => m.root.getRootNode() === element.shadowRoot)).toBe(true));
  return mounted.find((m) => m.root.getRootNode() === element.shadowRoot) as Mounted;
}

const errorLines = (element: Element) =>
  Array.from(element.shadowRoot?.querySelectorAll(".config-error li") ?? [], (li) => li.textContent);

beforeAll(async () => {
  const module = await import("../../embed/index");
  // Importing the package defines nothing and installs no global.
  expect(customElements.get("clinic-booking")).toBeUndefined();
  expect("ClinicBooking" in window).toBe(false);
  expect(module.defineClinicBooking()).toBe(module.ClinicBookingElement);
  expect(module.defineClinicBooking()).toBe(module.ClinicBookingElement);
});

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = "";
  mounted.length = 0;
  vi.unstubAllGlobals();
});

describe("<clinic-booking>", () => {
  it("mounts the widget inside an open shadow root with the validated config", async () => {
    document.documentElement.lang = "fr-CA";
    const element = create({ name: "Sam", email: "sam@example.com", service: "sports-massage" });
    const { root, options } = await mountedFor(element);

    expect(element.shadowRoot?.mode).toBe("open");
    expect(element.shadowRoot?.adoptedStyleSheets.length).toBeGreaterThan(0);
    expect(element.shadowRoot?.querySelector("style")).toBeNull();
    expect((root as HTMLElement).getAttribute("part")).toBe("widget");
    expect(options.config.clinic.name).toBe((demo().clinic as { name: string }).name);
    expect(options.config.booking.slotStepMinutes).toBeTypeOf("number");
    expect(options.locale).toBeUndefined();
    expect(options.pageLocale).toBe("fr-CA");
    expect(options.prefill).toEqual({ name: "Sam", email: "sam@example.com", serviceId: "sports-massage" });
    expect(options.transport).toBeTypeOf("function");
    expect(options.fetchAvailability).toBeTypeOf("function");
  });

  it("passes locale changes and prefill changes to the mounted widget", async () => {
    const element = create({ locale: "en" });
    const { options, handle } = await mountedFor(element);
    expect(options.locale).toBe("en");
    element.setAttribute("locale", "fr");
    expect(handle.setLocale).toHaveBeenCalledWith("fr");
    element.setAttribute("email", "new@example.com");
    expect(handle.prefill).toHaveBeenLastCalledWith({ email: "new@example.com" });
  });

  it("shows each config problem as path: message and reports it in an event", async () => {
    const config = demo();
    (config.clinic as Record<string, unknown>).phone = "1";
    config.currency = "dollars";
    const events: ClinicBookingErrorDetail[] = [];
    document.addEventListener("clinic-booking:error", (e) => events.push((e as CustomEvent<ClinicBookingErrorDetail>).detail), {
      once: true,
    });
    const element = create({}, config);

    await vi.waitFor(() => expect(errorLines(element).length).toBe(2));
    expect(errorLines(element).map((l) => l?.slice(0, l.indexOf(":")))).toEqual(["clinic.phone", "currency"]);
    expect(element.shadowRoot?.querySelector('[role="alert"] p')?.textContent).toBe("clinic-booking: the configuration is invalid");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "config", issues: [{ path: "clinic.phone" }, { path: "currency" }] });
    expect(mounted).toHaveLength(0);
  });

  it("reads a config from an inline JSON script named by config-id", async () => {
    const block = document.createElement("script");
    block.type = "application/json";
    block.id = "clinic-config";
    block.textContent = JSON.stringify(demo());
    document.body.append(block);
    const { options } = await mountedFor(create({ "config-id": "clinic-config" }, null));
    expect(options.config.timeZone).toBe(demo().timeZone);
  });

  it("says which config-id is missing", async () => {
    const element = create({ "config-id": "nowhere" }, null);
    await vi.waitFor(() => expect(errorLines(element)).toEqual(['(root): config-id: no <script type="application/json" id="nowhere"> on the page']));
  });

  it("fetches a config URL relative to the page, without cookies", async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(demo()), { status: 200 }));
    vi.stubGlobal("fetch", fetch);
    await mountedFor(create({ config: "/clinic.json" }, null));
    expect(fetch).toHaveBeenCalledWith(new URL("/clinic.json", document.baseURI).href, expect.objectContaining({ credentials: "omit" }));
  });

  it("reports a config URL that cannot be loaded", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("missing", { status: 404 })));
    const events: ClinicBookingErrorDetail[] = [];
    document.addEventListener("clinic-booking:error", (e) => events.push((e as CustomEvent<ClinicBookingErrorDetail>).detail), { once: true });
    const element = create({ config: "https://clinic.example/clinic.json" }, null);
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]).toMatchObject({ kind: "config-unavailable", reason: "server" });
    expect(errorLines(element)[0]).toContain("HTTP 404");
  });

  it("lets the endpoint attribute replace submit.endpoint, checked like the config's own", async () => {
    const { options } = await mountedFor(create({ endpoint: "https://staging.clinic.example/api/bookings" }));
    expect(options.config.submit.endpoint).toBe("https://staging.clinic.example/api/bookings");

    const insecure = create({ endpoint: "http://staging.clinic.example/api/bookings" });
    await vi.waitFor(() => expect(errorLines(insecure)[0]).toMatch(/^submit\.endpoint: expected an https:\/\/ URL/));
  });

  it("forwards only the documented fields of widget events, bubbling out of the shadow root", async () => {
    const element = create();
    const { options } = await mountedFor(element);
    const heard: Event[] = [];
    document.addEventListener("clinic-booking:submitted", (e) => heard.push(e), { once: true });

    options.emit("submitted", {
      reference: "CB-7K2Q",
      kind: "booking",
      status: "confirmed",
      sessions: 2,
      email: "sam@example.com",
      answers: { pregnant: true },
    });

    expect(heard).toHaveLength(1);
    const event = heard[0] as CustomEvent;
    expect(event.bubbles && event.composed).toBe(true);
    expect(event.target).toBe(element);
    expect(event.detail).toEqual({ reference: "CB-7K2Q", kind: "booking", status: "confirmed", sessions: 2 });
  });

  /**
   * The element decides whether a disconnection was a move or a removal in a microtask it queues
   * when disconnected; a microtask queued after that runs once the decision is made.
   */
  const elementDecided = () => new Promise<void>((decided) => queueMicrotask(decided));

  it("keeps the widget, and the client's answers, when the element is moved", async () => {
    const element = create();
    const { handle } = await mountedFor(element);
    const elsewhere = document.createElement("section");
    document.body.append(elsewhere);
    elsewhere.append(element);
    await elementDecided();
    expect(handle.unmount).not.toHaveBeenCalled();
    expect(mounted).toHaveLength(1);

    // The same wait sees a real removal end the widget.
    element.remove();
    await elementDecided();
    expect(handle.unmount).toHaveBeenCalledTimes(1);
  });
});
