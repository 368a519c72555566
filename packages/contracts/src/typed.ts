/**
 * Small typed helpers over plain objects and ISO dates, so callers need no type assertions.
 * Each does at run time exactly what the untyped expression it replaces did.
 */

/** `value[key]` when `value` is an object (or function) that has `key`, else `undefined`: for probing unknown errors. */
export function propertyOf(value: unknown, key: PropertyKey): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  return Reflect.get(value, key);
}

/** Whether `key` names a property of `obj` (own or inherited, as `in` does). */
export function hasKey<T extends object>(obj: T, key: PropertyKey): key is keyof T {
  return key in obj;
}

/** `Object.keys` of a record whose keys are a known union. */
export function typedKeys<K extends string>(obj: Partial<Record<K, unknown>>): K[] {
  // The one assertion: Object.keys is typed `string[]`, but the object's own keys are its type's keys.
  return Object.keys(obj) as K[];
}

/** `Object.entries` of a record whose keys are a known union. */
export function typedEntries<K extends string, V>(obj: Record<K, V>): [K, V][] {
  return typedKeys(obj).map((k) => [k, obj[k]]);
}

/** A record with one entry per key, as `Object.fromEntries(keys.map((k) => [k, value(k)]))`. */
export function recordOf<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  const out: Partial<Record<K, V>> = {};
  for (const k of keys) out[k] = value(k);
  // The one assertion: every key of the union was set just above.
  return out as Record<K, V>;
}

/** Year, month and day of a `YYYY-MM-DD` date, as numbers (NaN for a missing part). */
export function isoDateParts(iso: string): [number, number, number] {
  const [y = NaN, m = NaN, d = NaN] = iso.split('-').map(Number);
  return [y, m, d];
}
