/**
 * Compiled values (a clinic's config, a questionnaire) are frozen all the way down: the indexes
 * built beside them stay true because nothing they were built from can change.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return Object.freeze(value);
}

/**
 * `value` with `derived` attached as a non-enumerable `key`, frozen: JSON, `structuredClone` and
 * equality checks see the data alone, and a spread copy (which could hold other data) loses it.
 */
export function withDerived<T extends object, K extends string, D>(value: T, key: K, derived: D): T & { readonly [P in K]: D } {
  const copy = { ...value };
  Object.defineProperty(copy, key, { value: derived, enumerable: false });
  deepFreeze(value);
  return Object.freeze(copy) as T & { readonly [P in K]: D };
}
