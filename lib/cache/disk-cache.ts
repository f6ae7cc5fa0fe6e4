/**
 * A content-addressed cache on disk: one JSON file per key, written atomically. Entries
 * are looked up by a hash of everything that determines them, so a stale entry is never
 * found; an entry that fails to parse or names another key is treated as missing and
 * rewritten. Nothing here throws: a cache that cannot be read or written is just slower.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
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

  async get(key: string): Promise<T | undefined> {
    try {
      return this.check(key, await readFile(this.fileFor(key), "utf8"));
    } catch {
      return undefined;
    }
  }

  /** The same as `get`, for one entry a page needs now (a single small file). */
  getSync(key: string): T | undefined {
    try {
      return this.check(key, readFileSync(this.fileFor(key), "utf8"));
    } catch {
      return undefined;
    }
  }

  private check(key: string, text: string): T | undefined {
    const parsed = JSON.parse(text) as { key?: unknown; value?: unknown };
    if (parsed?.key !== key || !this.isValid(parsed.value)) return undefined;
    return parsed.value;
  }

  async set(key: string, value: T): Promise<void> {
    const file = this.fileFor(key);
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temporary, JSON.stringify({ key, value }));
      await rename(temporary, file);
    } catch {
      // A read-only or full disk only costs speed.
    }
  }
}
