import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const WIDGET = new URL("../../src/widget/", import.meta.url).pathname;

/** The widget's own files; the submit transport is another module with its own rules. */
function widgetFiles(dir = WIDGET): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "submit" && dir === WIDGET ? [] : widgetFiles(path);
    return [path];
  });
}

const sources = widgetFiles().filter((f) => /\.tsx?$/.test(f));
const read = (f: string) => readFileSync(f, "utf8");

describe("widget source hygiene", () => {
  it("never logs, stores or puts anything in cookies", () => {
    for (const file of sources) {
      const text = read(file);
      expect(text, relative(WIDGET, file)).not.toMatch(/\bconsole\./);
      expect(text, relative(WIDGET, file)).not.toMatch(/localStorage|sessionStorage|indexedDB|document\.cookie/);
      expect(text, relative(WIDGET, file)).not.toMatch(/history\.(push|replace)State|location\.(href|search|hash)\s*=/);
    }
  });

  it("styles only through the adopted stylesheet", () => {
    for (const file of sources) {
      const text = read(file);
      expect(text, relative(WIDGET, file)).not.toMatch(/<style\b|\bstyle=\{|\bstyle="/);
    }
  });

  it("keeps files small", () => {
    for (const file of widgetFiles()) {
      if (/\/i18n\/(en|fr)\.ts$/.test(file) || file.endsWith(".css")) continue;
      expect(read(file).split("\n").length, relative(WIDGET, file)).toBeLessThan(300);
    }
  });
});

describe("widget stylesheet", () => {
  const css = ["base.css", "flow.css"].map((name) => read(join(WIDGET, "styles", name))).join("\n");
  const rules = css.replace(/\/\*[\s\S]*?\*\//g, "");

  it("never uses rem, so a host's html { font-size: 62.5% } changes nothing", () => {
    expect(rules).not.toMatch(/\d(\.\d+)?rem\b/);
  });

  it("resets inherited styles on the host and sets its own size", () => {
    expect(rules).toMatch(/:host\s*\{[^}]*all:\s*initial;[^}]*font-size:\s*16px/);
  });

  // tests/unit/theme-properties.test.ts holds the theme's custom properties to the README's table.
  it("shows focus and respects reduced motion", () => {
    expect(rules).toMatch(/:focus-visible\s*\{[^}]*outline:\s*(2|3)px solid/);
    expect(rules).toMatch(/@media \(prefers-reduced-motion: reduce\)[^{]*\{[^}]*transition:\s*none/);
  });

  it("gives every target at least 44 px", () => {
    for (const selector of [".cb-button", ".cb-slot", ".cb-choice", ".cb-duration", ".cb-input", ".cb-stepper__button"]) {
      const block = new RegExp(`\\${selector}\\s*\\{[^}]*min-height:\\s*(\\d+)px`).exec(rules);
      expect(Number(block?.[1]), selector).toBeGreaterThanOrEqual(44);
    }
  });
});

describe("importing the widget", () => {
  it("adds no globals", async () => {
    const before = new Set(Object.keys(globalThis));
    for (const file of sources.filter((f) => !f.endsWith(".d.ts"))) await import(/* @vite-ignore */ file);
    // zod keeps its own registry on globalThis when first loaded; that is the library, not our code.
    const added = Object.keys(globalThis).filter((k) => !before.has(k) && !k.startsWith("__zod_"));
    expect(added, added.join(", ")).toEqual([]);
  });
});
