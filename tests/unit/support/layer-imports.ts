import { isBuiltin } from "node:module";
import { dirname, resolve } from "node:path";
import ts from "typescript";
import { layerOf, violation, type Layer, type Violation } from "./source-files";

interface ImportSite {
  specifier: string;
  node: ts.Node;
}

/** Static imports and re-exports (type-only ones too: a type import still ties the layers), `import()` and `require()`. */
export function importsOf(sf: ts.SourceFile): ImportSite[] {
  const sites: ImportSite[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      sites.push({ specifier: node.moduleSpecifier.text, node });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) sites.push({ specifier: expression.text, node });
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === "require";
      if ((isImport || isRequire) && first && ts.isStringLiteralLike(first)) sites.push({ specifier: first.text, node });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      sites.push({ specifier: node.argument.literal.text, node });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return sites;
}

/** What the core may import besides itself: pure libraries, nothing that touches a DOM, a network, a disk or a UI. */
export const CORE_PACKAGES = ["zod", "luxon"];

/** Which layers of ours each layer must never import. */
const FORBIDDEN_LAYERS: Record<Layer, Layer[]> = {
  core: ["widget", "server", "embed"],
  widget: ["server", "embed"],
  server: ["widget", "embed"],
  embed: ["server"],
};

/** The receiver's packages: they need Node, a disk or a mail server, none of which a clinic's page has. */
const SERVER_PACKAGES = ["hono", "@hono/node-server", "better-sqlite3", "nodemailer"];

const packageName = (specifier: string) =>
  specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : (specifier.split("/")[0] ?? specifier);

export function importViolations(sf: ts.SourceFile): Violation[] {
  const from = layerOf(sf.fileName);
  if (!from) return [];
  const found: Violation[] = [];
  for (const { specifier, node } of importsOf(sf)) {
    if (specifier.startsWith(".")) {
      const target = layerOf(resolve(dirname(sf.fileName), specifier));
      if (from === "core" && target !== "core") found.push(violation(sf, node, "core imports only itself"));
      else if (target && FORBIDDEN_LAYERS[from].includes(target)) found.push(violation(sf, node, `${from} must not import ${target}`));
    } else if (from === "core") {
      if (isBuiltin(specifier)) found.push(violation(sf, node, "core must not import Node modules"));
      else if (!CORE_PACKAGES.includes(packageName(specifier))) found.push(violation(sf, node, `core must not import ${packageName(specifier)}`));
    } else if (from === "widget" || from === "embed") {
      if (isBuiltin(specifier)) found.push(violation(sf, node, `${from} must not import Node modules`));
      else if (SERVER_PACKAGES.includes(packageName(specifier))) found.push(violation(sf, node, `${from} must not import ${packageName(specifier)}`));
    }
  }
  return found;
}
