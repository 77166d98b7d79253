import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Window } from "happy-dom";
import { afterAll, describe, expect, it } from "vitest";
import { startDemo } from "../../demo/serve";
import { parseClinicConfig } from "../../src/core/config";
import { LOADER } from "../../src/server/http/cache-policy";
import { encodeSync } from "../../src/server/http/encodings";

/**
 * The demo clinic pages are what a clinic sees first: each one must carry the exact snippet
 * from demo/SNIPPET.md and stay clean under `script-src 'self'; style-src 'self'`, so
 * anything inline (code, style attributes, handlers) is a bug here.
 */

const DEMO = resolve(dirname(fileURLToPath(import.meta.url)), "../../demo");
const PAGES = ["index.html", "services.html", "floating.html", "fr.html", "hostile.html"] as const;
const LOADER_SRC = "/embed/loader.js";
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'";
const MODES = new Set(["inline", "popup", "floating"]);

const window = new Window();
afterAll(() => window.happyDOM.close());

type Doc = ReturnType<InstanceType<typeof window.DOMParser>["parseFromString"]>;

function read(file: string): string {
  return readFileSync(join(DEMO, file), "utf8");
}

const parsed = new Map<string, Doc>();
function page(file: string): Doc {
  let doc = parsed.get(file);
  if (!doc) {
    doc = new window.DOMParser().parseFromString(read(file), "text/html");
    parsed.set(file, doc);
  }
  return doc;
}

function attrs(doc: Doc, selector: string, name: string): string[] {
  return Array.from(doc.querySelectorAll(selector)).map((el) => el.getAttribute(name) ?? "");
}

function clinicJson(): unknown {
  return JSON.parse(read("clinic.json"));
}

interface DemoService {
  id: string;
  durations: { minutes: number; price: number }[];
}

function services(): DemoService[] {
  const config = parseClinicConfig(clinicJson());
  if (!config.ok) throw new Error("demo/clinic.json is invalid");
  return config.value.services;
}

/** A widget the page asks for: a `<clinic-booking>` element, or a loader tag with `data-config*`. */
interface Embed {
  via: "element" | "loader";
  mode: string;
  configUrl: string | null;
  configId: string | null;
  locale: string | null;
}

function widgets(doc: Doc): Embed[] {
  const elements = Array.from(doc.querySelectorAll("clinic-booking")).map(
    (el): Embed => ({
      via: "element",
      mode: el.getAttribute("mode") ?? "inline",
      configUrl: el.getAttribute("config"),
      configId: el.getAttribute("config-id"),
      locale: el.getAttribute("locale"),
    }),
  );
  const loaders = Array.from(doc.querySelectorAll(`script[src="${LOADER_SRC}"]`))
    .filter((s) => s.hasAttribute("data-config") || s.hasAttribute("data-config-id"))
    .map(
      (s): Embed => ({
        via: "loader",
        mode: s.getAttribute("data-mode") ?? "inline",
        configUrl: s.getAttribute("data-config"),
        configId: s.getAttribute("data-config-id"),
        locale: s.getAttribute("data-locale"),
      }),
    );
  return [...elements, ...loaders];
}

/** Splits a same-site link into the demo file it points at and its fragment, or null when it leaves the site. */
function localTarget(href: string, from: string): { file: string; fragment: string } | null {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) return null; // mailto:, tel:, https://, protocol-relative
  const [path = "", fragment = ""] = href.split("#", 2);
  return { file: path === "" ? from : path.replace(/^\//, "").replace(/^$/, "index.html"), fragment };
}

describe.each(PAGES)("demo/%s", (file) => {
  const doc = page(file);

  it("is a complete document with a language, a title and a viewport", () => {
    expect(read(file).trimStart().toLowerCase().startsWith("<!doctype html>")).toBe(true);
    expect(doc.documentElement.getAttribute("lang")).toMatch(/^(en|fr)$/);
    expect(doc.title.trim()).not.toBe("");
    expect(doc.querySelector('meta[name="viewport"]')).not.toBeNull();
    expect(doc.querySelector("meta[charset]")).not.toBeNull();
  });

  it("includes the loader as an external script", () => {
    const loaders = Array.from(doc.querySelectorAll("script[src]")).filter((s) => s.getAttribute("src") === LOADER_SRC);
    expect(loaders.length).toBeGreaterThan(0);
    for (const script of loaders) {
      expect(script.textContent?.trim()).toBe("");
      expect(script.hasAttribute("async")).toBe(true);
    }
  });

  it("has no inline code: every script is external or a JSON data block", () => {
    for (const script of Array.from(doc.querySelectorAll("script"))) {
      if (script.hasAttribute("src")) {
        expect(script.getAttribute("src")).toBe(LOADER_SRC);
        continue;
      }
      expect(script.getAttribute("type")).toBe("application/json");
      expect(() => JSON.parse(script.textContent ?? "")).not.toThrow();
    }
  });

  it("has no inline styles, event handlers or javascript: URLs", () => {
    expect(doc.querySelectorAll("style").length).toBe(0);
    expect(doc.querySelectorAll("[style]").length).toBe(0);
    for (const el of Array.from(doc.querySelectorAll("*"))) {
      for (const name of el.getAttributeNames()) {
        expect(name.startsWith("on"), `${el.tagName.toLowerCase()}[${name}]`).toBe(false);
        expect(el.getAttribute(name) ?? "").not.toMatch(/^\s*javascript:/i);
      }
    }
  });

  it("loads only same-site resources (no third-party calls)", () => {
    const urls = [...attrs(doc, "[src]", "src"), ...attrs(doc, "link[href]", "href")];
    for (const url of urls) expect(url).not.toMatch(/^(?:[a-z]+:)?\/\//i);
    const sheets = attrs(doc, 'link[rel="stylesheet"]', "href");
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toBe(file === "hostile.html" ? "hostile.css" : "site.css");
  });

  it("has unique ids", () => {
    const ids = attrs(doc, "[id]", "id");
    expect(ids.length).toBe(new Set(ids).size);
  });

  it("links every demo page from its navigation", () => {
    const hrefs = new Set(attrs(doc, "nav a[href]", "href"));
    for (const target of PAGES) expect(hrefs, `nav link to ${target}`).toContain(target);
  });

  it("has links and anchors that resolve to existing files and ids", () => {
    const refs = [...attrs(doc, "a[href]", "href"), ...attrs(doc, "link[href]", "href")];
    expect(refs.length).toBeGreaterThan(0);
    for (const href of refs) {
      const target = localTarget(href, file);
      if (!target) {
        // `data:,` is an empty icon: no favicon request, no image.
        expect(href).toMatch(/^(?:mailto:|tel:|data:,$)/);
        continue;
      }
      expect(existsSync(join(DEMO, target.file)), `${href} from ${file}`).toBe(true);
      if (target.fragment && target.file.endsWith(".html")) {
        expect(page(target.file).getElementById(target.fragment), `${href} from ${file}`).not.toBeNull();
      }
    }
  });

  it("embeds the widget with a config source and a known mode", () => {
    const found = widgets(doc);
    expect(found.length).toBeGreaterThan(0);
    for (const widget of found) {
      expect(MODES.has(widget.mode), widget.mode).toBe(true);
      expect(Boolean(widget.configUrl) !== Boolean(widget.configId), "exactly one of config / config-id").toBe(true);
      if (widget.configUrl) expect(widget.configUrl).toBe("/api/config");
      if (widget.configId) {
        const block = doc.getElementById(widget.configId);
        expect(block?.tagName.toLowerCase()).toBe("script");
        expect(block?.getAttribute("type")).toBe("application/json");
      }
    }
  });
});

describe("the pages together", () => {
  it("use each display mode, both config sources and both snippet forms", () => {
    const all = PAGES.flatMap((f) => widgets(page(f)));
    expect([...new Set(all.map((w) => w.mode))].sort()).toEqual(["floating", "inline", "popup"]);
    expect(all.some((w) => w.configUrl)).toBe(true);
    expect(all.some((w) => w.configId)).toBe(true);
    expect(all.some((w) => w.via === "element")).toBe(true);
    expect(all.some((w) => w.via === "loader")).toBe(true);
  });

  it("index.html embeds the inline widget inside a section", () => {
    expect(page("index.html").querySelector('section clinic-booking[mode="inline"]')).not.toBeNull();
  });

  it("floating.html uses the floating button", () => {
    expect(widgets(page("floating.html")).map((w) => w.mode)).toEqual(["floating"]);
  });

  it("fr.html is French and asks the widget for French", () => {
    const doc = page("fr.html");
    expect(doc.documentElement.getAttribute("lang")).toBe("fr");
    expect(widgets(doc).map((w) => w.locale)).toEqual(["fr"]);
  });

  it("services.html opens the popup with each service of the demo config prefilled", () => {
    const doc = page("services.html");
    expect(widgets(doc).map((w) => w.mode)).toEqual(["popup"]);
    const openers = Array.from(doc.querySelectorAll("[data-clinic-booking-open][data-service]"));
    const ids = openers.map((b) => b.getAttribute("data-service"));
    expect([...ids].sort()).toEqual(services().map((s) => s.id).sort());
    for (const opener of Array.from(doc.querySelectorAll("[data-clinic-booking-open]"))) {
      expect(opener.tagName.toLowerCase()).toBe("button");
      expect(opener.getAttribute("type")).toBe("button");
    }
  });

  it("services.html shows the prices of the demo config", () => {
    const doc = page("services.html");
    for (const service of services()) {
      const article = doc.getElementById(service.id);
      expect(article, service.id).not.toBeNull();
      const listed = Array.from(article?.querySelectorAll(".prices > div") ?? []).map(
        (row) => `${row.querySelector("dt")?.textContent?.trim()} ${row.querySelector("dd")?.textContent?.trim()}`,
      );
      const expected = service.durations.map((d) => {
        const dollars = d.price % 100 === 0 ? `$${d.price / 100}` : `$${(d.price / 100).toFixed(2)}`;
        return `${d.minutes} min ${dollars}`;
      });
      expect(listed, service.id).toEqual(expected);
    }
  });
});

describe("hostile.html", () => {
  const doc = page("hostile.html");
  const css = read("hostile.css");

  it("declares the strict Content-Security-Policy in a meta tag", () => {
    const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(meta?.getAttribute("content")).toBe(STRICT_CSP);
    // A CSP meta only applies to what follows it, so it must come before every resource.
    const head = Array.from(doc.head.children);
    const metaAt = meta ? head.indexOf(meta) : -1;
    const firstResource = head.findIndex((el) => ["link", "script", "style"].includes(el.tagName.toLowerCase()));
    expect(metaAt).toBeGreaterThanOrEqual(0);
    expect(metaAt).toBeLessThan(firstResource);
  });

  it("sets html { font-size: 62.5% } and an aggressive reset in its stylesheet", () => {
    const plain = css.replace(/\/\*[\s\S]*?\*\//g, "");
    expect(plain).toMatch(/(^|\})\s*html\s*\{[^}]*font-size:\s*62\.5%/);
    expect(plain).toMatch(/\*\s*,[^{]*\{[^}]*all:\s*unset/);
    expect(plain).toMatch(/box-sizing:\s*content-box/);
    expect(plain).toMatch(/(^|\})\s*div\s*\{[^}]*display:[^;]*!important/);
    expect(plain).toMatch(/(^|\})\s*button\s*,[^{]*\{[^}]*!important/);
    expect(plain).toMatch(/z-index:\s*2147483646/);
    expect(plain).toMatch(/position:\s*sticky/);
  });

  it("reads its config from an inline JSON block that is a valid clinic config", () => {
    const block = doc.getElementById("clinic-config");
    expect(block?.getAttribute("type")).toBe("application/json");
    const inline: unknown = JSON.parse(block?.textContent ?? "");
    const result = parseClinicConfig(inline);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.services.map((s) => s.id)).toEqual(services().map((s) => s.id));
    expect(block?.textContent).not.toContain("</");
  });

  it("has an inline widget and a popup opened from its sticky header, the popup snippet pasted twice", () => {
    expect(doc.querySelector(".site-header [data-clinic-booking-open]")).not.toBeNull();
    const modes = widgets(doc).map((w) => w.mode);
    expect(modes.filter((m) => m === "inline")).toHaveLength(1);
    expect(modes.filter((m) => m === "popup")).toHaveLength(2);
  });
});

describe("demo/SNIPPET.md", () => {
  const md = read("SNIPPET.md");

  it("documents every loader tag used on the pages", () => {
    const tags = new Set(PAGES.flatMap((f) => read(f).match(/<script src="\/embed\/loader\.js"[^>]*><\/script>/g) ?? []));
    expect(tags.size).toBeGreaterThan(1);
    for (const tag of tags) expect(md).toContain(tag);
  });

  it("documents the element, the openers and the strict CSP", () => {
    expect(md).toContain('<clinic-booking config="');
    expect(md).toContain("config-id=");
    expect(md).toContain("data-clinic-booking-open");
    expect(md).toContain(STRICT_CSP);
  });
});

describe("demo/serve.ts", () => {
  it("serves the pages, the bundles and the receiver on one origin, hostile.html under the strict CSP", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "demo-serve-"));
    const embedDir = join(tmp, "embed");
    mkdirSync(embedDir);
    writeFileSync(join(embedDir, "loader.js"), "/* loader */\n");
    writeFileSync(join(embedDir, "loader.js.br"), encodeSync("br", Buffer.from("/* loader */\n")));
    const demo = await startDemo({ port: 0, databasePath: join(tmp, "demo.sqlite"), outboxDir: join(tmp, "outbox"), embedDir });
    try {
      expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(demo.port).toBeGreaterThan(0);
      expect(existsSync(join(tmp, "demo.sqlite"))).toBe(true);

      const home = await fetch(demo.url);
      expect(home.status).toBe(200);
      expect(home.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await home.text()).toBe(read("index.html"));
      expect(home.headers.get("content-security-policy")).toBeNull();

      for (const file of [...PAGES, "site.css", "hostile.css"]) {
        expect((await fetch(`${demo.origin}/${file}`)).status, file).toBe(200);
      }
      for (const hidden of ["serve.ts", "clinic.json", "SNIPPET.md", "package.json", "embed/..%2f..%2fpackage.json", "nope.html"]) {
        expect((await fetch(`${demo.origin}/${hidden}`)).status, hidden).toBe(404);
      }

      const loader = await fetch(`${demo.origin}/embed/loader.js`);
      expect(loader.status).toBe(200);
      expect(loader.headers.get("content-type")).toMatch(/javascript/);
      // The receiver's static serving: its precompressed copy and its cache policy.
      const compressed = await fetch(`${demo.origin}/embed/loader.js`, { headers: { "accept-encoding": "br" } });
      expect(compressed.headers.get("content-encoding")).toBe("br");
      expect(compressed.headers.get("cache-control")).toBe(LOADER);
      expect(await compressed.text()).toBe("/* loader */\n");

      const hostile = await fetch(`${demo.origin}/hostile.html`);
      expect(hostile.headers.get("content-security-policy")).toBe(STRICT_CSP);
      // The inline config is the one the receiver enforces, pointed at this very server.
      const served = new window.DOMParser().parseFromString(await hostile.text(), "text/html");
      const inline: unknown = JSON.parse(served.getElementById("clinic-config")?.textContent ?? "");
      const parsedInline = parseClinicConfig(inline);
      expect(parsedInline.ok && parsedInline.value.submit.endpoint).toBe(`${demo.origin}/api/bookings`);

      const config = (await (await fetch(`${demo.origin}/api/config`)).json()) as { submit: { endpoint: string } };
      expect(config.submit.endpoint).toBe(`${demo.origin}/api/bookings`);
      expect((await fetch(`${demo.origin}/inbox`)).status).toBe(401);
    } finally {
      await demo.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
