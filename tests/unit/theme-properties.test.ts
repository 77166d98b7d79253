import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ELEMENT_CSS } from "../../embed/styles";

const ROOT = new URL("../../", import.meta.url).pathname;
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

/** Rows of the Markdown table whose header starts with `header`, as trimmed cells with backticks removed. */
function tableRows(markdown: string, header: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`| ${header} |`));
  if (start < 0) throw new Error(`no table "${header}" in the README`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.slice(1, -1).split(" | ").map((cell) => cell.trim().replace(/^`|`$/g, "")));
  }
  return rows;
}

const readme = read("src/widget/README.md");
const documented = tableRows(readme, "property or part");
const PROPERTIES = new Map(documented.filter(([name]) => name?.startsWith("--")).map(([name, , fallback]) => [name as string, fallback as string]));
const PARTS = new Set(documented.filter(([name]) => !name?.startsWith("--")).map(([name]) => name as string));
const OLD_NAMES = new Map(tableRows(readme, "old name").map(([old, current]) => [old as string, current as string]));

const SHEETS: Record<string, string> = {
  "embed/styles.ts": ELEMENT_CSS,
  "src/widget/styles/base.css": read("src/widget/styles/base.css"),
  "src/widget/styles/flow.css": read("src/widget/styles/flow.css"),
};

interface VarUse {
  sheet: string;
  name: string;
  /** The fallback as written, or null without one. */
  fallback: string | null;
  /** The `var()` this one is the fallback of, if any. */
  outer: string | null;
}

/** Every `var(--name[, fallback])` of a sheet, nested ones included, comments left out. */
function varUses(sheet: string, css: string): VarUse[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const uses: VarUse[] = [];
  const scan = (from: number, to: number, outer: string | null) => {
    const pattern = /var\(\s*(--[\w-]+)\s*(,)?/g;
    pattern.lastIndex = from;
    for (let match = pattern.exec(text); match && match.index < to; match = pattern.exec(text)) {
      const name = match[1] as string;
      const close = closingParenthesis(text, match.index + 3);
      const fallback = match[2] ? text.slice(pattern.lastIndex, close).trim() : null;
      uses.push({ sheet, name, fallback, outer });
      if (match[2]) scan(pattern.lastIndex, close, name);
      pattern.lastIndex = close + 1;
    }
  };
  scan(0, text.length, null);
  return uses;
}

function closingParenthesis(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i;
  }
  throw new Error(`unbalanced var() at ${text.slice(open, open + 40)}`);
}

const uses = Object.entries(SHEETS).flatMap(([sheet, css]) => varUses(sheet, css));
const themeUses = uses.filter((use) => !use.name.startsWith("--_"));
const where = (use: VarUse) => `${use.sheet}: var(${use.name}${use.fallback === null ? "" : `, ${use.fallback}`})`;

/** What a documented property falls back to: its table default, or another property's `var()`. */
function expectedFallback(name: string): string {
  const fallback = PROPERTIES.get(name) ?? "";
  return PROPERTIES.has(fallback) ? `var(${fallback}, ${expectedFallback(fallback)})` : fallback;
}

/** The fallback once an old name's `var()` around it is peeled: `var(--cb-surface, #fff)` counts as `#fff`. */
function effectiveFallback(use: VarUse): string | null {
  const old = use.fallback === null ? null : /^var\(\s*(--[\w-]+)\s*,\s*([\s\S]*)\)$/.exec(use.fallback);
  return old && OLD_NAMES.get(old[1] as string) === use.name ? (old[2] as string).trim() : use.fallback;
}

function partsUsed(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string): string[] =>
    readdirSync(join(ROOT, dir)).flatMap((name) => (statSync(join(ROOT, dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  for (const file of [...walk("src/widget"), ...walk("embed")].filter((f) => /\.tsx?$/.test(f))) {
    const text = read(file);
    for (const match of text.matchAll(/\bpart="([\w-]+)"|setAttribute\("part", "([\w-]+)"\)/g)) found.set((match[1] ?? match[2]) as string, file);
  }
  return found;
}

describe("theme custom properties and parts", () => {
  it("the README documents properties, parts and old names", () => {
    expect([...PROPERTIES.keys()]).toContain("--cb-accent");
    expect(PARTS.has("widget")).toBe(true);
    expect(OLD_NAMES.get("--cb-surface")).toBe("--cb-bg");
  });

  it("every custom property the styles read is documented, as a property or an old name", () => {
    expect(themeUses.filter((use) => !PROPERTIES.has(use.name) && !OLD_NAMES.has(use.name)).map(where)).toEqual([]);
  });

  it("the clinic's snippet guide names only documented properties", () => {
    const named = new Set(read("demo/SNIPPET.md").match(/--cb-[\w-]+/g) ?? []);
    expect(named.size).toBeGreaterThan(0);
    expect([...named].filter((name) => !PROPERTIES.has(name))).toEqual([]);
  });

  it("every documented property is read by the styles", () => {
    expect([...PROPERTIES.keys()].filter((name) => !themeUses.some((use) => use.name === name))).toEqual([]);
  });

  it("each property has one default: the table's, wherever it is read", () => {
    const wrong = themeUses
      .filter((use) => PROPERTIES.has(use.name) && effectiveFallback(use) !== expectedFallback(use.name))
      .map((use) => `${where(use)} (expected the default ${expectedFallback(use.name)})`);
    expect(wrong).toEqual([]);
  });

  it("an old name is read only as the fallback of its new name", () => {
    const stray = themeUses.filter((use) => OLD_NAMES.has(use.name) && use.outer !== OLD_NAMES.get(use.name)).map(where);
    expect(stray).toEqual([]);
    for (const [old] of OLD_NAMES) expect(themeUses.some((use) => use.name === old), `${old} is no longer read`).toBe(true);
  });

  it("the widget's private properties (--_*) are its own: each defined by the widget, none read by the embed", () => {
    const defined = new Set([...Object.values(SHEETS).join("\n").matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]));
    const privateUses = uses.filter((use) => use.name.startsWith("--_"));
    expect(privateUses.filter((use) => !defined.has(use.name) || use.sheet === "embed/styles.ts").map(where)).toEqual([]);
  });

  it("every part the embed and widget set is documented, and every documented part is set", () => {
    const used = partsUsed();
    expect([...used].filter(([part]) => !PARTS.has(part)).map(([part, file]) => `${relative(ROOT, join(ROOT, file))}: ${part}`)).toEqual([]);
    expect([...PARTS].filter((part) => !used.has(part))).toEqual([]);
  });

  it("a second default or a missing one is caught", () => {
    const planted = varUses("planted.css", "a { color: var(--cb-accent, #000); border-radius: var(--cb-radius); }");
    expect(planted.filter((use) => effectiveFallback(use) !== expectedFallback(use.name)).map(where)).toEqual([
      "planted.css: var(--cb-accent, #000)",
      "planted.css: var(--cb-radius)",
    ]);
    const old = varUses("planted.css", "a { background: var(--cb-surface, #ffffff); }")[0] as VarUse;
    expect(old.outer).toBeNull();
  });
});
