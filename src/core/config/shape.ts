// Cross-reference checks also run on configs that failed elsewhere, so every problem is
// reported in one pass; these readers make no assumption about the shape they are given.

export type Loose = Record<string, unknown>;

/** Where a cross-reference check files a problem it found. */
export type ReportIssue = (path: PropertyKey[], message: string) => void;

export function isRecord(value: unknown): value is Loose {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The items of `obj[key]` when it is an array, each paired with its index; non-objects skipped. */
export function recordsAt(obj: unknown, key: string): [Loose, number][] {
  const list = isRecord(obj) ? obj[key] : undefined;
  if (!Array.isArray(list)) return [];
  const out: [Loose, number][] = [];
  list.forEach((item: unknown, i) => {
    if (isRecord(item)) out.push([item, i]);
  });
  return out;
}

export function valuesAt(obj: unknown, key: string): [unknown, number][] {
  const list = isRecord(obj) ? obj[key] : undefined;
  // Array.from, not map: a sparse array's holes must come out as undefined, not stay holes.
  return Array.isArray(list) ? Array.from(list, (item: unknown, i): [unknown, number] => [item, i]) : [];
}

export function stringAt(obj: unknown, key: string): string | undefined {
  const value = isRecord(obj) ? obj[key] : undefined;
  return typeof value === "string" ? value : undefined;
}

export function numberAt(obj: unknown, key: string): number | undefined {
  const value = isRecord(obj) ? obj[key] : undefined;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function listOf(known: Iterable<string | number>): string {
  const items = [...known].map((k) => (typeof k === "string" ? `"${k}"` : String(k)));
  return items.length === 0 ? "none" : items.join(", ");
}
