import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { coreGlobalViolations, programFor } from "./support/core-globals";
import { importViolations } from "./support/layer-imports";
import { describeViolation, layerFiles, layerOf, parse, ROOT, type Violation } from "./support/source-files";
import { topLevelEffects } from "./support/top-level-effects";

/**
 * Modules that may run code when imported, and why. `only` narrows an exception to the listed
 * statements; without it the whole module is an entry point. docs/decisions.md explains each.
 */
const ENTRY_POINTS: Record<string, { why: string; only?: string[] }> = {
  "embed/entry.ts": { why: "the script-tag bundle: defines the element and installs the page's one global" },
  "embed/loader.ts": { why: "the snippet: queues calls and adds the bundle's script tag" },
  "src/core/zod.ts": {
    why: "zod's jitless switch exists only as global config, and must be set before the first object schema is built",
    only: ["z.config({ jitless: true });"],
  },
  "src/server/main.ts": {
    why: "`npm run serve`: starts the receiver only when it is the process's entry module",
    only: ["if (entry && import.meta.url === pathToFileURL(entry).href) void main();"],
  },
};

const files = layerFiles();
const coreFiles = files.filter((f) => layerOf(f) === "core");

/** A core module that exists only in memory, with globals the rules must find and names they must not. */
const PLANTED_GLOBALS = join(ROOT, "src/core/planted-globals.ts");
const PLANTED_GLOBALS_TEXT = [
  "export const title = () => document.title;",
  "export const store = (v: string) => window.localStorage.setItem('k', v);",
  "export const load = () => fetch('/x');",
  "export const stamp = () => new Date();",
  "export const later = () => Date.now() + 1;",
  "export function paint(host: HTMLElement) { return host; }",
  "export function local(document: { title: string }, o: { window: number }) { return document.title + o.window; }",
  "export const parsed = (s: string) => new URL(s).origin + new Date(s).toISOString();",
].join("\n");

// One type-checked program for the real core and the planted module: building it takes seconds.
let coreProgram: ReturnType<typeof programFor>;
beforeAll(() => {
  coreProgram = programFor(coreFiles, { [PLANTED_GLOBALS]: PLANTED_GLOBALS_TEXT });
}, 60_000);

const sources = files.map((file) => parse(file, readFileSync(file, "utf8")));
const rel = (file: string) => relative(ROOT, file);
const lines = (violations: Violation[]) => violations.map(describeViolation);

function unexcused(violations: Violation[]): Violation[] {
  return violations.filter((v) => {
    const entry = ENTRY_POINTS[v.file];
    return !entry || (entry.only !== undefined && !entry.only.includes(v.code));
  });
}

/** A module that exists only in memory, at a path inside one of the layers. */
const planted = (path: string, text: string) => parse(join(ROOT, path), text);

describe("layer rules of the code base", () => {
  it("finds the modules of every layer", () => {
    for (const layer of ["core", "widget", "server", "embed"]) expect(files.some((f) => layerOf(f) === layer), layer).toBe(true);
    expect(files.map(rel)).toContain("src/core/zod.ts");
  });

  it("imports respect the layers: core only itself and pure libraries, widget and server never each other, nothing of Node in the browser", () => {
    expect(lines(sources.flatMap(importViolations))).toEqual([]);
  });

  it("the core uses no DOM, network, storage, timer, console or clock global", () => {
    expect(lines(coreGlobalViolations(coreProgram, coreFiles))).toEqual([]);
  });

  it("only the listed entry points run code when imported", () => {
    expect(lines(unexcused(sources.flatMap(topLevelEffects)))).toEqual([]);
  });

  it("every listed entry point still needs its exception", () => {
    const effects = sources.flatMap(topLevelEffects);
    for (const [file, entry] of Object.entries(ENTRY_POINTS)) {
      const found = effects.filter((v) => v.file === file).map((v) => v.code);
      expect(found.length, `${file} (${entry.why}) has no top-level effect any more`).toBeGreaterThan(0);
      for (const statement of entry.only ?? []) expect(found, file).toContain(statement);
    }
  });
});

describe("the layer rules catch what they are for", () => {
  it("names the file, line and import that crosses a layer", () => {
    const core = planted("src/core/planted.ts", `import { x } from "../widget/App";\nimport type { Y } from "../server/app";\nexport { z } from "../../embed/api";\n`);
    expect(lines(importViolations(core))).toEqual([
      'src/core/planted.ts:1 core imports only itself: import { x } from "../widget/App";',
      'src/core/planted.ts:2 core imports only itself: import type { Y } from "../server/app";',
      'src/core/planted.ts:3 core imports only itself: export { z } from "../../embed/api";',
    ]);
    const widget = planted("src/widget/steps/Planted.tsx", `const m = await import("../../server/store/sqlite");\nimport "../../core/zod";\n`);
    expect(lines(importViolations(widget))).toEqual(['src/widget/steps/Planted.tsx:1 widget must not import server: import("../../server/store/sqlite")']);
    const server = planted("src/server/planted.ts", `import { App } from "../widget/App";\nimport type { Flow } from "../widget/models/flow";\n`);
    expect(importViolations(server).map((v) => v.rule)).toEqual(["server must not import widget", "server must not import widget"]);
  });

  it.each(["preact", "preact/hooks", "@preact/signals", "hono", "better-sqlite3", "node:fs", "fs", "crypto"])("refuses %s in the core", (specifier) => {
    const core = planted("src/core/planted.ts", `import * as m from "${specifier}";\n`);
    expect(importViolations(core)).toHaveLength(1);
  });

  it.each(["node:crypto", "hono", "better-sqlite3", "nodemailer"])("refuses %s in the widget and the embed", (specifier) => {
    for (const path of ["src/widget/planted.ts", "embed/planted.ts"]) {
      expect(importViolations(planted(path, `import * as m from "${specifier}";\n`)), path).toHaveLength(1);
    }
  });

  it("lets the core use zod, luxon and its own modules", () => {
    const core = planted("src/core/slots/planted.ts", `import { z } from "zod/mini";\nimport { DateTime } from "luxon";\nimport { ok } from "../result";\n`);
    expect(importViolations(core)).toEqual([]);
  });

  it("finds DOM, network, storage and clock globals in the core, not locals or properties of the same name", () => {
    const violations = coreGlobalViolations(coreProgram, [PLANTED_GLOBALS]);
    expect(violations.map((v) => [v.line, v.rule])).toEqual([
      [1, "core must not use the global document"],
      [2, "core must not use the global window"],
      [3, "core must not use the global fetch"],
      [4, "core reads the clock or randomness (take them as parameters)"],
      [5, "core reads the clock or randomness (take them as parameters)"],
      [6, "core must not use the global HTMLElement"],
    ]);
  });

  it("finds code that runs at import: calls, assignments, definitions, awaits, code in IIFEs", () => {
    const text = [
      'customElements.define("x-planted", class extends HTMLElement {});',
      "export const sheet = new CSSStyleSheet();",
      "(globalThis as Record<string, unknown>).planted = 1;",
      "const installed = (() => { window.addEventListener('load', () => {}); return 1; })();",
      "const count = { n: 0 }; const next = count.n++;",
      "if (typeof window !== 'undefined') console.log('hi');",
      "export const config = await fetch('/config');",
      "class Widget { static sheet = document.createElement('style'); }",
      "export default z.config({ jitless: true });",
    ].join("\n");
    expect(topLevelEffects(planted("src/widget/planted.ts", text)).map((v) => [v.line, v.rule])).toEqual([
      [1, "top-level statement"],
      [3, "top-level statement"],
      [4, "effectful call at import"],
      [5, "assignment at import"],
      [6, "top-level statement"],
      [7, "top-level await"],
      [7, "effectful call at import"],
      [8, "effectful call at import"],
      [9, "effectful call at import"],
    ]);
  });

  it("lets modules declare values, schemas and functions that do their work when called", () => {
    const text = [
      'import { z } from "../core/zod";',
      "export const NameSchema = z.string().register(z.globalRegistry, { description: 'A name' });",
      "export type Name = z.infer<typeof NameSchema>;",
      "const cache = new Map<string, number>();",
      "export const KEYS = Object.freeze(['a', 'b']);",
      "export function mount() { document.title = 'x'; customElements.define('x-y', class extends HTMLElement {}); }",
      "export const start = () => window.addEventListener('load', () => cache.clear());",
      "export class Element2 { static readonly tag = 'x-y'; connectedCallback() { this.count++; } count = 0; }",
      "interface Options { a: number }",
      "export enum Mode { Inline = 'inline' }",
    ].join("\n");
    expect(lines(topLevelEffects(planted("src/widget/planted.ts", text)))).toEqual([]);
  });

  it("refuses a schema that claims an id in zod's shared registry", () => {
    const text = "export const S = z.string().register(z.globalRegistry, { id: 'Name' });";
    expect(topLevelEffects(planted("src/core/planted.ts", text)).map((v) => v.rule)).toEqual(["effectful call at import"]);
  });
});
