/**
 * Results of the page queries, kept per database while its content stays the same: the
 * corpus signature holds the database's ingest generation (bumped by every ingest that
 * changes anything) and the registries' and folder's problems, so an edited article is
 * seen on the next request and a repeated request is answered without asking SQL again.
 * A few dozen results at most (least recently used go first), per database.
 */
import type { Corpus } from "../corpus";

/** Results kept per database: a page view can hold a few hundred kilobytes. */
export const MEMO_LIMIT = 48;

const kept = new WeakMap<object, { signature: string; results: Map<string, unknown> }>();

export function memo<T>(corpus: Corpus, key: readonly unknown[], compute: () => T): T {
  let cache = kept.get(corpus.db);
  if (!cache || cache.signature !== corpus.signature) kept.set(corpus.db, (cache = { signature: corpus.signature, results: new Map() }));
  const id = JSON.stringify(key);
  if (cache.results.has(id)) {
    const value = cache.results.get(id) as T;
    cache.results.delete(id);
    cache.results.set(id, value);
    return value;
  }
  const value = compute();
  cache.results.set(id, value);
  if (cache.results.size > MEMO_LIMIT) cache.results.delete(cache.results.keys().next().value!);
  return value;
}
