/**
 * A content-addressed cache on disk: one JSON file per key, written atomically. Entries
 * are looked up by a hash of everything that determines them, so a stale entry is never
 * found; an entry that fails to parse or names another key is treated as missing and
 * rewritten. Nothing here throws: a cache that cannot be read or written is just slower.
 *
 * Synchronous on purpose: a cold ingest reads and writes one entry per article in turn,
 * and waiting for the thread pool on each cost more than the reads and writes themselves
 * (~1 ms per article, 10 s at 10,000 articles); a page reads one small entry.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

export function hashKey(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\u0000");
  return hash.digest("hex");
}

export class DiskCache<T> {
  constructor(
    private readonly dir: string,
    /** Decides whether parsed JSON really is a T; anything else counts as corrupt. */
    private readonly isValid: (value: unknown) => value is T,
  ) {}

  private fileFor(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(key: string): T | undefined {
    try {
      const parsed = JSON.parse(readFileSync(this.fileFor(key), "utf8")) as { key?: unknown; value?: unknown };
      if (parsed?.key !== key || !this.isValid(parsed.value)) return undefined;
      return parsed.value;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: T): void {
    const file = this.fileFor(key);
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(temporary, JSON.stringify({ key, value }));
      renameSync(temporary, file);
    } catch {
      // A read-only or full disk only costs speed.
    }
  }
}
