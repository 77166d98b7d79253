import { sha256 } from "../secrets";

/** Deeper than any booking request can be: the schema's deepest value is a few levels down. */
const MAX_DEPTH = 32;

class TooDeep extends Error {}

/**
 * SHA-256 of the body in a canonical form (object keys sorted, no spacing), so a retry whose
 * JSON was written otherwise still counts as the same request. Null when the body nests deeper
 * than a booking request can, which is refused before any hashing recursion runs out of stack.
 */
export function requestHash(input: unknown): string | null {
  try {
    return sha256(canonicalJson(input, 0));
  } catch (error) {
    if (error instanceof TooDeep) return null;
    throw error;
  }
}

function canonicalJson(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) throw new TooDeep();
  if (Array.isArray(value)) return `[${value.map((item: unknown) => canonicalJson(item, depth + 1)).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    // Own entries only: a "__proto__" key from JSON.parse is an ordinary own property here.
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item, depth + 1)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
