/**
 * The corpus snapshot: one file per articles folder that holds, for every file as it was
 * last loaded (path, mtime, size), its parsed article or issues and its in-memory records.
 * A server that restarts on an unchanged folder reads this one file instead of opening
 * 10,000 articles and 10,000 cached extractions (see docs/PERFORMANCE.md).
 *
 * The format is newline-delimited JSON: a header line, then two lines per file: its
 * stamp, parse result and digest, then its records. Reading parses the first lines only;
 * each records line stays as bytes until a page asks for it (`records()`), so a start
 * builds a tenth of the objects. A damaged line costs only that file, which is then read
 * and extracted again. Nothing here throws: a snapshot that cannot be read is just a
 * slower start.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { ParsedArticleFile } from "../content/article";
import { looksLikeStoredDigest, looksLikeStoredRecords, restoreDigest, restoreRecords, storeDigest, storeRecords } from "../records";
import type { ArticleDigest, ArticleRecords } from "../schema";
import { hashKey } from "./disk-cache";

const FORMAT = "precursor-watch-corpus-snapshot/4";

/** One file as written: its stamp, what parsing gave, and its article's records. */
export interface SnapshotFile {
  /** Path relative to the articles folder, forward slashes. */
  file: string;
  mtimeMs: number;
  size: number;
  parsed: ParsedArticleFile;
  /** Digest and records of the parsed article, made with the snapshot's registries. */
  digest?: ArticleDigest;
  records?: ArticleRecords;
}

/** One file as read: the records are parsed on the first call (undefined if damaged). */
export interface SnapshotEntry extends Omit<SnapshotFile, "records"> {
  records?: () => ArticleRecords | undefined;
}

export interface SnapshotHeader {
  /** Build (or code) version: a snapshot of another build is never used. */
  version: string;
  /** Hash of the registries the records were made with; other registries reuse only the parsing. */
  registry: string;
  /** Absolute articles folder. */
  root: string;
}

export interface Snapshot extends SnapshotHeader {
  entries: Map<string, SnapshotEntry>;
  /** Lines that could not be used (damaged or of an unknown shape). */
  skipped: number;
}

/** Where the snapshot of an articles folder lives inside a cache folder. */
export function snapshotPath(cacheDir: string, root: string): string {
  return path.join(cacheDir, `corpus-${hashKey(root).slice(0, 16)}.ndjson`);
}

function isParsed(value: unknown): value is ParsedArticleFile {
  if (!value || typeof value !== "object") return false;
  const v = value as { issues?: unknown; article?: { slug?: unknown; body?: unknown } };
  if (!Array.isArray(v.issues)) return false;
  return v.article === undefined || (typeof v.article?.slug === "string" && typeof v.article?.body === "string");
}

/** Reads the snapshot for `header.root` made by `header.version`, or undefined. */
export function readSnapshot(file: string, expect: { version: string; root: string }): Snapshot | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  let start = 0;
  const nextLine = (): string | undefined => {
    if (start >= bytes.length) return undefined;
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    const line = bytes.toString("utf8", start, end);
    start = end + 1;
    return line;
  };
  /** Steps over one line without decoding it; returns where it ends. */
  const skipLine = (): number => {
    if (start >= bytes.length) return start;
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    start = end + 1;
    return end;
  };
  let header: { format?: unknown } & Partial<SnapshotHeader>;
  try {
    header = JSON.parse(nextLine() ?? "");
  } catch {
    return undefined;
  }
  if (header.format !== FORMAT || header.version !== expect.version || header.root !== expect.root || typeof header.registry !== "string") return undefined;

  const entries = new Map<string, SnapshotEntry>();
  let skipped = 0;
  for (let line = nextLine(); line !== undefined; line = nextLine()) {
    // Where this file's records line lies; it is read past now and parsed on demand.
    const recordsStart = start;
    const recordsEnd = skipLine();
    if (!line) continue;
    try {
      const raw = JSON.parse(line) as { file?: unknown; mtimeMs?: unknown; size?: unknown; parsed?: unknown; digest?: unknown };
      if (typeof raw.file !== "string" || typeof raw.mtimeMs !== "number" || typeof raw.size !== "number" || !isParsed(raw.parsed)) {
        skipped++;
        continue;
      }
      const article = raw.parsed.article;
      const entry: SnapshotEntry = { file: raw.file, mtimeMs: raw.mtimeMs, size: raw.size, parsed: raw.parsed };
      if (article && looksLikeStoredDigest(raw.digest) && recordsEnd > recordsStart) {
        entry.digest = restoreDigest(raw.digest);
        entry.records = () => {
          try {
            const stored: unknown = JSON.parse(bytes.toString("utf8", recordsStart, recordsEnd));
            return looksLikeStoredRecords(stored) && stored.events.length === entry.digest!.events.sentence.length ? restoreRecords(article.slug, stored) : undefined;
          } catch {
            return undefined;
          }
        };
      }
      entries.set(raw.file, entry);
    } catch {
      skipped++;
    }
  }
  return { version: header.version, registry: header.registry, root: header.root, entries, skipped };
}

/**
 * Writes the snapshot atomically: to a temporary file, then renamed over the old one, so
 * a reader never sees half a snapshot and a crash mid-write leaves the old one in place.
 * Returns false when it could not be written (read-only or full disk).
 */
export function writeSnapshot(file: string, header: SnapshotHeader, entries: Iterable<SnapshotFile>): boolean {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    fd = openSync(temporary, "w");
    const chunks: string[] = [JSON.stringify({ format: FORMAT, ...header })];
    let pending = 0;
    const flush = () => {
      // Never an empty write: an extra blank line would shift every pair of lines after it.
      if (chunks.length === 0) return;
      writeSync(fd!, chunks.join("\n") + "\n");
      chunks.length = 0;
      pending = 0;
    };
    for (const e of entries) {
      const withRecords = e.digest && e.records;
      chunks.push(JSON.stringify({ file: e.file, mtimeMs: e.mtimeMs, size: e.size, parsed: e.parsed, digest: withRecords ? storeDigest(e.digest!) : undefined }));
      chunks.push(withRecords ? JSON.stringify(storeRecords(e.records!)) : "");
      // Written in batches: one string of the whole corpus would double the peak memory.
      if (++pending >= 256) flush();
    }
    flush();
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, file);
    return true;
  } catch {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written there, or it cannot be removed: either way, no snapshot.
    }
    return false;
  }
}
