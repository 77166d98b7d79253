import ts from "typescript";
import { violation, type Violation } from "./source-files";

/** Calls that change the world when a module is evaluated, whatever they are assigned to. */
const EFFECTFUL_CALLEES =
  /^(customElements|document|window|globalThis|self|navigator|location|history|localStorage|sessionStorage|console|process|Object\.(defineProperty|defineProperties|setPrototypeOf)|Reflect)\b|^(setTimeout|setInterval|queueMicrotask|requestAnimationFrame|requestIdleCallback|fetch|addEventListener|dispatchEvent|postMessage)$/;
/** Method names whose call at evaluation time is an effect on something shared. */
const EFFECTFUL_METHODS = new Set(["define", "config", "addEventListener", "removeEventListener", "dispatchEvent", "postMessage", "listen", "register"]);

/**
 * The code a module runs when it is evaluated, as violations: any statement other than an
 * import, export or declaration, and inside declarations' initialisers any assignment,
 * `await`, or call of something shared (`customElements.define`, `z.config`, `window.x(...)`).
 * Function bodies are not evaluated, except those called on the spot.
 */
export function topLevelEffects(sf: ts.SourceFile): Violation[] {
  const found: Violation[] = [];
  for (const statement of sf.statements) {
    if (
      ts.isImportDeclaration(statement) ||
      ts.isImportEqualsDeclaration(statement) ||
      ts.isExportDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isFunctionDeclaration(statement) ||
      ts.isEmptyStatement(statement) ||
      (ts.isModuleDeclaration(statement) && hasDeclareModifier(statement))
    ) {
      continue;
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (declaration.initializer) found.push(...evaluatedEffects(sf, declaration.initializer));
      }
    } else if (ts.isClassDeclaration(statement)) {
      found.push(...classEffects(sf, statement));
    } else if (ts.isEnumDeclaration(statement)) {
      for (const member of statement.members) if (member.initializer) found.push(...evaluatedEffects(sf, member.initializer));
    } else if (ts.isExportAssignment(statement)) {
      found.push(...evaluatedEffects(sf, statement.expression));
    } else if (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) {
      continue; // a directive such as "use strict"
    } else {
      found.push(violation(sf, statement, "top-level statement"));
    }
  }
  return found;
}

function hasDeclareModifier(node: ts.ModuleDeclaration): boolean {
  return ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword) ?? false;
}

function classEffects(sf: ts.SourceFile, node: ts.ClassLikeDeclaration): Violation[] {
  const found: Violation[] = [];
  if (ts.getDecorators(node)?.length) found.push(violation(sf, node, "decorated class"));
  for (const heritage of node.heritageClauses ?? []) for (const type of heritage.types) found.push(...evaluatedEffects(sf, type.expression));
  for (const member of node.members) {
    if (ts.isClassStaticBlockDeclaration(member)) found.push(violation(sf, member, "static block"));
    const isStatic = ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    if (isStatic && ts.isPropertyDeclaration(member) && member.initializer) found.push(...evaluatedEffects(sf, member.initializer));
  }
  return found;
}

const isFunctionLike = (node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression =>
  ts.isArrowFunction(node) || ts.isFunctionExpression(node);

function unwrapParentheses(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? unwrapParentheses(node.expression) : node;
}

function evaluatedEffects(sf: ts.SourceFile, root: ts.Node): Violation[] {
  const found: Violation[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node) || ts.isMethodDeclaration(node) || ts.isAccessor(node)) return; // not run at import
    if (ts.isClassExpression(node)) {
      found.push(...classEffects(sf, node));
      return;
    }
    if (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind)) {
      found.push(violation(sf, node, "assignment at import"));
    } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && isIncrementOrDecrement(node.operator)) {
      found.push(violation(sf, node, "assignment at import"));
    } else if (ts.isDeleteExpression(node)) {
      found.push(violation(sf, node, "delete at import"));
    } else if (ts.isAwaitExpression(node)) {
      found.push(violation(sf, node, "top-level await"));
    } else if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node)) {
      const callee = ts.isTaggedTemplateExpression(node) ? node.tag : node.expression;
      const name = callee.getText(sf).replace(/\s+/g, "");
      const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
      const effectful = EFFECTFUL_CALLEES.test(name) || (method !== null && EFFECTFUL_METHODS.has(method));
      if (effectful && !(ts.isCallExpression(node) && describesSchema(sf, node))) found.push(violation(sf, node, "effectful call at import"));
      const called = unwrapParentheses(callee);
      // An IIFE's body runs now.
      if (isFunctionLike(called) && called.body) ts.forEachChild(called.body, visit);
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/**
 * `schema.register(z.globalRegistry, { description })`: zod keeps the metadata in a WeakMap
 * keyed by the schema just built, so it is as local as a property of that value. With an
 * `id` it would also claim a name in a registry every zod user shares, so that is refused.
 */
function describesSchema(sf: ts.SourceFile, call: ts.CallExpression): boolean {
  const [registry, meta] = call.arguments;
  if (!ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "register") return false;
  if (registry?.getText(sf) !== "z.globalRegistry" || !meta || !ts.isObjectLiteralExpression(meta)) return false;
  return meta.properties.every((p) => p.name && ts.isIdentifier(p.name) && p.name.text !== "id");
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isIncrementOrDecrement(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;
}
