/**
 * Small, bounded memory for query results. Everything here is keyed on an owner object
 * (a corpus or its index) through a WeakMap, so a new corpus state starts with empty
 * caches and the old ones go with the old corpus; each named bucket is a least recently
 * used map of a fixed size, so memory stays bounded however many URLs are asked for.
 * Results are shared between requests: callers must treat them as read-only.
 */

/** A least-recently-used map of at most `max` entries (Map keeps insertion order). */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();

  constructor(readonly max: number) {
    if (!(max >= 1)) throw new Error("an LRU needs room for at least one entry");
  }

  get size(): number {
    return this.map.size;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  get(key: K): V | undefined {
    if (!this.map.has(key)) return undefined;
    const value = this.map.get(key)!;
    // Move to the most recent end.
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    if (this.map.has(key)) this.map.delete(key);
    else if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as K);
    this.map.set(key, value);
  }

  keys(): K[] {
    return [...this.map.keys()];
  }
}

const buckets = new WeakMap<object, Map<string, Lru<string, unknown>>>();

/** The LRU named `bucket` of `owner`, created with room for `max` entries. */
export function lruOf<V>(owner: object, bucket: string, max: number): Lru<string, V> {
  let named = buckets.get(owner);
  if (!named) buckets.set(owner, (named = new Map()));
  let lru = named.get(bucket);
  if (!lru) named.set(bucket, (lru = new Lru<string, unknown>(max)));
  return lru as Lru<string, V>;
}

/** `compute()` once per (owner, bucket, key) while it stays among the `max` most recent. */
export function memo<V>(owner: object, bucket: string, key: string, max: number, compute: () => V): V {
  const lru = lruOf<V>(owner, bucket, max);
  if (lru.has(key)) return lru.get(key)!;
  const value = compute();
  lru.set(key, value);
  return value;
}

/** `compute(owner)` once per owner object: for what depends on the corpus alone. */
export function once<O extends object, V>(cache: WeakMap<O, V>, owner: O, compute: (owner: O) => V): V {
  if (cache.has(owner)) return cache.get(owner)!;
  const value = compute(owner);
  cache.set(owner, value);
  return value;
}
