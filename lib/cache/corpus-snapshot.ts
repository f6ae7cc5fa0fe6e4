/**
 * The corpus snapshot: for one articles folder, every file as it was last loaded (path,
 * mtime, size) with its parsed article or issues, its digest and its records. A server
 * that restarts on an unchanged folder reads this instead of opening 10,000 articles and
 * 10,000 cached extractions (see docs/PERFORMANCE.md).
 *
 * Two files, both newline-delimited JSON. The index file has a header line, then one line
 * per file: stamp, parse result, digest, and where its records lie in the records file.
 * A start reads the index file only (a quarter of the bytes); an article's records line
 * is read and parsed when first asked for (`records()`), so a start builds a tenth of
 * the objects. A damaged line costs only its file, which is then read and extracted
 * again. Nothing here throws: a snapshot that cannot be read is just a slower start.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import type { ParsedArticleFile } from "../content/article";
import { looksLikeDigest, looksLikeRecords } from "../records";
import type { ArticleDigest, ArticleRecords } from "../schema";
import { hashKey } from "./disk-cache";

/** Changes whenever the layout does: a snapshot of another format is never read. */
const FORMAT = "precursor-watch-corpus-snapshot/1";

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

/** Where the snapshot (its index file) of an articles folder lives inside a cache folder. */
export function snapshotPath(cacheDir: string, root: string): string {
  return path.join(cacheDir, `corpus-${hashKey(root).slice(0, 16)}.ndjson`);
}

/** Each save writes a records file of its own, named in the index file's header. */
function recordsFileName(indexFile: string, id: string): string {
  return `${path.basename(indexFile, ".ndjson")}.${id}.records`;
}

function isParsed(value: unknown): value is ParsedArticleFile {
  if (!value || typeof value !== "object") return false;
  const v = value as { issues?: unknown; article?: { slug?: unknown; body?: unknown } };
  if (!Array.isArray(v.issues)) return false;
  return v.article === undefined || (typeof v.article?.slug === "string" && typeof v.article?.body === "string");
}

/** Reads the snapshot of `expect.root` made by `expect.version`, or undefined. */
export function readSnapshot(file: string, expect: { version: string; root: string }): Snapshot | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const lines = linesOf(bytes);
  let header: { format?: unknown; records?: unknown } & Partial<SnapshotHeader>;
  try {
    header = JSON.parse(lines.next().value ?? "");
  } catch {
    return undefined;
  }
  if (header.format !== FORMAT || header.version !== expect.version || header.root !== expect.root || typeof header.registry !== "string") return undefined;
  if (typeof header.records !== "string" || header.records.includes("/") || header.records.includes("\\")) return undefined;

  const reader = new RecordsReader(path.join(path.dirname(file), header.records));
  const entries = new Map<string, SnapshotEntry>();
  let skipped = 0;
  for (const line of lines) {
    if (!line) continue;
    try {
      const raw = JSON.parse(line) as { file?: unknown; mtimeMs?: unknown; size?: unknown; parsed?: unknown; digest?: unknown; at?: unknown };
      if (typeof raw.file !== "string" || typeof raw.mtimeMs !== "number" || typeof raw.size !== "number" || !isParsed(raw.parsed)) {
        skipped++;
        continue;
      }
      const entry: SnapshotEntry = { file: raw.file, mtimeMs: raw.mtimeMs, size: raw.size, parsed: raw.parsed };
      const at = raw.at;
      if (raw.parsed.article && looksLikeDigest(raw.digest) && Array.isArray(at) && at.length === 2 && at.every((n) => Number.isInteger(n) && n >= 0)) {
        entry.digest = raw.digest;
        entry.records = reader.entry(at[0], at[1], raw.digest.events.sentence.length);
      }
      entries.set(raw.file, entry);
    } catch {
      skipped++;
    }
  }
  return { version: header.version, registry: header.registry, root: header.root, entries, skipped };
}

/** The lines of a buffer, decoded one at a time. */
function* linesOf(bytes: Buffer): Generator<string, undefined> {
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    yield bytes.toString("utf8", start, end);
    start = end + 1;
  }
  return undefined;
}

/**
 * Reads records lines where they lie, one at a time: a whole-file read would hold 190 MB
 * at 10,000 articles to parse them. The file stays open until the last entry that needs
 * it has been parsed. Its own class, so the closures it hands out hold this reader alone
 * and not the index file's bytes.
 */
class RecordsReader {
  private fd: number | undefined;
  private unparsed = 0;

  constructor(private readonly file: string) {}

  /** The records of one entry, parsed on the first call; undefined when damaged or gone. */
  entry(start: number, length: number, events: number): () => ArticleRecords | undefined {
    this.unparsed++;
    let read = false;
    return () => {
      const text = this.read(start, length);
      if (!read) {
        read = true;
        if (--this.unparsed === 0) this.close();
      }
      if (text === undefined) return undefined;
      try {
        const stored: unknown = JSON.parse(text);
        return looksLikeRecords(stored) && stored.events.length === events ? stored : undefined;
      } catch {
        return undefined;
      }
    };
  }

  private read(start: number, length: number): string | undefined {
    try {
      this.fd ??= openSync(this.file, "r");
      const line = Buffer.allocUnsafe(length);
      return readSync(this.fd, line, 0, length, start) === length ? line.toString("utf8") : undefined;
    } catch {
      return undefined;
    }
  }

  private close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * Writes a snapshot atomically: to a temporary file, then renamed over the old one, so a
 * reader never sees half a snapshot and a crash mid-write leaves the old one in place.
 * Files are added one by one, so a server can write a few hundred per turn of its event
 * loop and keep answering requests in between. Nothing here throws.
 */
export class SnapshotWriter {
  private readonly id = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly index: Output;
  private readonly records: Output;
  private failed = false;
  /** Bytes written to the records file so far: where the next records line starts. */
  private offset = 0;

  constructor(
    private readonly file: string,
    header: SnapshotHeader,
  ) {
    this.index = new Output(`${file}.${this.id}.tmp`);
    this.records = new Output(path.join(path.dirname(file), `${recordsFileName(file, this.id)}.tmp`));
    this.attempt(() => {
      mkdirSync(path.dirname(file), { recursive: true });
      this.index.open();
      this.records.open();
      this.index.push(JSON.stringify({ format: FORMAT, ...header, records: recordsFileName(file, this.id) }));
    });
  }

  add(entry: SnapshotFile): void {
    this.attempt(() => {
      let at: [number, number] | undefined;
      if (entry.digest && entry.records) {
        const line = JSON.stringify(entry.records);
        const length = Buffer.byteLength(line);
        at = [this.offset, length];
        this.offset += length + 1;
        this.records.push(line);
      }
      this.index.push(JSON.stringify({ file: entry.file, mtimeMs: entry.mtimeMs, size: entry.size, parsed: entry.parsed, digest: at ? entry.digest : undefined, at }));
    });
  }

  /** Puts the snapshot in place; false when it could not be written (read-only or full disk). */
  finish(): boolean {
    this.attempt(() => {
      this.records.close();
      this.index.close();
      // Records first: an index file never names a records file that is not there.
      renameSync(this.records.path, this.records.path.slice(0, -".tmp".length));
      renameSync(this.index.path, this.file);
    });
    if (!this.failed) this.removeOlderRecords();
    return !this.failed;
  }

  /**
   * Records files of earlier saves (a reader that still needs one falls back to
   * extraction), and temporary files a killed save left behind: those older than ten
   * minutes, since a save running in another process is younger.
   */
  private removeOlderRecords(): void {
    const dir = path.dirname(this.file);
    const prefix = `${path.basename(this.file, ".ndjson")}.`;
    const current = recordsFileName(this.file, this.id);
    const abandoned = Date.now() - 10 * 60_000;
    try {
      for (const name of readdirSync(dir)) {
        if (!name.startsWith(prefix) || name === current) continue;
        const target = path.join(dir, name);
        if (name.endsWith(".records") || (name.endsWith(".tmp") && statSync(target).mtimeMs < abandoned)) rmSync(target, { force: true });
      }
    } catch {
      // Left for the next save.
    }
  }

  private attempt(step: () => void): void {
    if (this.failed) return;
    try {
      step();
    } catch {
      this.failed = true;
      this.index.discard();
      this.records.discard();
    }
  }
}

/** One file being written, in batches of lines: one string of the whole corpus would double the peak memory. */
class Output {
  private fd: number | undefined;
  private readonly lines: string[] = [];

  constructor(readonly path: string) {}

  open(): void {
    this.fd = openSync(this.path, "w");
  }

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length >= 256) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd!);
    this.fd = undefined;
  }

  discard(): void {
    try {
      if (this.fd !== undefined) closeSync(this.fd);
      rmSync(this.path, { force: true });
    } catch {
      // Nothing was written there, or it cannot be removed: either way, no snapshot.
    }
    this.fd = undefined;
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    writeSync(this.fd!, this.lines.join("\n") + "\n");
    this.lines.length = 0;
  }
}

/** Writes a whole snapshot at once; false when it could not be written. */
export function writeSnapshot(file: string, header: SnapshotHeader, entries: Iterable<SnapshotFile>): boolean {
  const writer = new SnapshotWriter(file, header);
  for (const entry of entries) writer.add(entry);
  return writer.finish();
}
