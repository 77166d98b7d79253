import { readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/** The repository's root, so that messages name files the way a reader finds them. */
export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "../../..");

export type Layer = "core" | "widget" | "server" | "embed";

const LAYER_DIRS: Record<Layer, string> = {
  core: join(ROOT, "src", "core"),
  widget: join(ROOT, "src", "widget"),
  server: join(ROOT, "src", "server"),
  embed: join(ROOT, "embed"),
};

export interface Violation {
  /** Relative to the repository root. */
  file: string;
  line: number;
  rule: string;
  /** The offending source text, shortened. */
  code: string;
}

export const describeViolation = (v: Violation) => `${v.file}:${v.line} ${v.rule}: ${v.code}`;

export function layerOf(path: string): Layer | null {
  for (const [layer, dir] of Object.entries(LAYER_DIRS) as [Layer, string][]) {
    if (path === dir || path.startsWith(dir + sep)) return layer;
  }
  return null;
}

/** Every TypeScript or JavaScript module of the four layers. */
export function layerFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : /\.(tsx?|mjs)$/.test(name) ? [path] : [];
    });
  return Object.values(LAYER_DIRS).flatMap(walk);
}

export function parse(file: string, text: string): ts.SourceFile {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : file.endsWith(".mjs") ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, kind);
}

export function violation(sf: ts.SourceFile, node: ts.Node, rule: string): Violation {
  const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const code = node.getText(sf).replace(/\s+/g, " ");
  return { file: relative(ROOT, sf.fileName), line, rule, code: code.length > 100 ? `${code.slice(0, 97)}...` : code };
}
