import { basename, join, sep } from "node:path";
import ts from "typescript";
import { ROOT, violation, type Violation } from "./source-files";

/**
 * Globals that mean a DOM, a network, storage, timers, logging or a clock. The type checker
 * decides whether an identifier is one of them, so a local `document` or a property named
 * `window` is not.
 */
export const CORE_FORBIDDEN_GLOBALS = new Set([
  "document", "window", "self", "globalThis", "navigator", "location", "history", "screen",
  "localStorage", "sessionStorage", "indexedDB", "caches", "cookieStore", "customElements",
  "HTMLElement", "Element", "Node", "ShadowRoot", "CSSStyleSheet", "Event", "CustomEvent", "EventTarget",
  "MutationObserver", "IntersectionObserver", "ResizeObserver", "getComputedStyle", "matchMedia",
  "requestAnimationFrame", "requestIdleCallback",
  "fetch", "XMLHttpRequest", "WebSocket", "EventSource", "Request", "Response", "Headers", "FormData",
  "setTimeout", "setInterval", "clearTimeout", "clearInterval", "queueMicrotask", "setImmediate",
  "console", "process", "Buffer", "require", "performance", "crypto", "alert", "confirm", "prompt",
]);

/** Pure values the core may use though the DOM library declares them too. */
const PURE_WEB_GLOBALS = new Set(["URL", "URLSearchParams", "TextEncoder", "TextDecoder", "structuredClone", "AbortSignal"]);

/** Whether the identifier names a global declared by a library (TypeScript's or @types), not by our code. */
function globalFromLibrary(program: ts.Program, checker: ts.TypeChecker, id: ts.Identifier): ts.Symbol | null {
  const symbol = checker.getSymbolAtLocation(id);
  const declarations = symbol?.declarations ?? [];
  if (!symbol || declarations.length === 0) return null;
  const fromLibrary = declarations.every((d) => {
    const file = d.getSourceFile();
    return program.isSourceFileDefaultLibrary(file) || file.fileName.includes(`${sep}node_modules${sep}@types${sep}`);
  });
  return fromLibrary ? symbol : null;
}

const declaredOnlyByTheDom = (symbol: ts.Symbol) =>
  (symbol.declarations ?? []).every((d) => /^lib\.dom/.test(basename(d.getSourceFile().fileName)));

/** A reference that evaluates or names a global (not a property name, not a declaration's name). */
function isGlobalReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if (ts.isQualifiedName(parent) && parent.right === id) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === id) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === id) return false;
  return true;
}

/** Clock reads: `Date.now()`, `new Date()` or `Date()` without an instant, `performance.now()`. */
function readsClock(node: ts.Node): boolean {
  if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
    const callee = node.expression;
    if (ts.isIdentifier(callee) && callee.text === "Date" && (node.arguments?.length ?? 0) === 0) return true;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "Date" && callee.name.text === "now") return true;
  }
  return ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Math" && node.name.text === "random";
}

export function coreGlobalViolations(program: ts.Program, files: readonly string[]): Violation[] {
  const checker = program.getTypeChecker();
  const found: Violation[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`${file} is not in the program`);
    const visit = (node: ts.Node) => {
      if (readsClock(node)) found.push(violation(sf, node, "core reads the clock or randomness (take them as parameters)"));
      if (ts.isIdentifier(node) && isGlobalReference(node)) {
        const symbol = globalFromLibrary(program, checker, node);
        const name = node.text;
        if (symbol && !PURE_WEB_GLOBALS.has(name) && (CORE_FORBIDDEN_GLOBALS.has(name) || declaredOnlyByTheDom(symbol))) {
          found.push(violation(sf, node.parent, `core must not use the global ${name}`));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/**
 * A program over the given files with the project's compiler options (DOM and Node types
 * included, as in the app). `unsaved` adds files that exist only in memory, keyed by path.
 */
export function programFor(files: readonly string[], unsaved: Record<string, string> = {}): ts.Program {
  const configPath = join(ROOT, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT, { noEmit: true }, configPath);
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile } = host;
  host.fileExists = (path) => path in unsaved || fileExists.call(host, path);
  host.readFile = (path) => unsaved[path] ?? readFile.call(host, path);
  return ts.createProgram({ rootNames: [...files, ...Object.keys(unsaved)], options, host });
}
