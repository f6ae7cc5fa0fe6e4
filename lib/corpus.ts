/**
 * The corpus: every valid article with its records, plus every content issue. Built per
 * request from caches, so unchanged files are neither re-read nor re-extracted:
 * - in memory, parsed files by path, mtime and size, and records by article object;
 * - with a disk cache, each article's full Extraction by content hash, and one corpus
 *   snapshot per folder (parsed files and records by path, mtime and size), so a restart
 *   on an unchanged folder reads one file instead of every article and extraction.
 *
 * Three tiers per article, each loaded only when needed:
 * - `digest`: what the corpus index reads (names, counts, each event's date, type, ids);
 *   always in memory, and all a server start has to parse;
 * - `records`: what queries across articles read (sentences, figures, quotes, titles);
 *   parsed from the snapshot on first use, and for every article shortly after a start;
 * - `extraction()`: every record with its spans and dates, for the article's own page.
 */
import path from "node:path";
import { DiskCache, hashKey } from "./cache/disk-cache";
import { readSnapshot, snapshotPath, SnapshotWriter, writeSnapshot, type Snapshot, type SnapshotFile, type SnapshotHeader } from "./cache/corpus-snapshot";
import { articlesDir, loadArticles, registryDir, type KnownFiles, type LoadedArticles } from "./content/loader";
import { extractAll } from "./extract";
import type { Registries } from "./extract/context";
import { Lru } from "./queries/memo";
import { toDigest, toRecords } from "./records";
import { loadRegistries } from "./registry";
import type { Article, ArticleDigest, ArticleRecords, ContentIssue, Extraction } from "./schema";

export interface CorpusArticle {
  article: Article;
  /** What the corpus index reads; always in memory. */
  digest: ArticleDigest;
  /** Records every query across articles reads; parsed on first use. */
  readonly records: ArticleRecords;
  /** Every record with its spans and dates, loaded on demand from the caches. */
  extraction(): Extraction;
}

export interface Corpus {
  articles: CorpusArticle[];
  bySlug: Map<string, CorpusArticle>;
  issues: ContentIssue[];
  registries: Registries;
  /** Identity of this corpus state, for caches of derived data. */
  signature: string;
}

export interface CorpusOptions {
  articles?: string;
  registry?: string;
  /** Persist extractions and the corpus snapshot under `dir`; `version` must change whenever code does. */
  diskCache?: { dir: string; version: string };
  /** Watch the articles folder instead of scanning it on every load (long-running servers). */
  watch?: boolean;
}

/** An entry whose records and extraction are already known (tests, and small tools). */
export function corpusArticle(article: Article, extraction: Extraction): CorpusArticle {
  const records = toRecords(extraction);
  return { article, digest: toDigest(records), records, extraction: () => extraction };
}

/** Without a disk cache, full extractions stay in memory per article and registry object. */
const extractionCache = new WeakMap<Article, { registries: Registries; extraction: Extraction }>();

export function extractArticle(article: Article, registries: Registries): Extraction {
  const cached = extractionCache.get(article);
  if (cached && cached.registries === registries) return cached.extraction;
  const extraction = extractAll(article.body, { slug: article.slug, date: article.date, registries });
  extractionCache.set(article, { registries, extraction });
  return extraction;
}

const registryHashes = new WeakMap<Registries, string>();
function registryHash(registries: Registries): string {
  let hash = registryHashes.get(registries);
  if (!hash) {
    hash = hashKey(JSON.stringify(registries));
    registryHashes.set(registries, hash);
  }
  return hash;
}

const EXTRACTION_KEYS = ["chemicals", "dates", "officials", "actors", "statistics", "quotes", "events"] as const;

/** Cheap structural check: a cache file must hold every record list, or it is rebuilt. */
function looksLikeExtraction(value: unknown): value is Extraction {
  if (!value || typeof value !== "object") return false;
  return EXTRACTION_KEYS.every((key) => Array.isArray((value as Record<string, unknown>)[key]));
}

/** The disk side of one cache folder: extractions by content hash, and recent ones in memory. */
interface DiskState {
  dir: string;
  version: string;
  extractions: DiskCache<Extraction>;
  /** Full extractions of recently opened articles; the rest are on disk. */
  recent: Lru<string, Extraction>;
}
const diskStates = new Map<string, DiskState>();

function diskState(options: { dir: string; version: string }): DiskState {
  const id = `${options.dir}\u0000${options.version}`;
  let state = diskStates.get(id);
  if (!state) {
    state = { ...options, extractions: new DiskCache(options.dir, looksLikeExtraction), recent: new Lru(32) };
    diskStates.set(id, state);
  }
  return state;
}

function extractionKey(disk: DiskState, article: Article, registries: Registries): string {
  return hashKey(disk.version, registryHash(registries), JSON.stringify(article));
}

/** The full extraction, from memory, then disk, then by extracting again: never lost. */
function loadExtraction(article: Article, registries: Registries, disk: DiskState | undefined): Extraction {
  if (!disk) return extractArticle(article, registries);
  const key = extractionKey(disk, article, registries);
  const recent = disk.recent.get(key);
  if (recent) return recent;
  let extraction = disk.extractions.get(key);
  if (!extraction) {
    extraction = extractAll(article.body, { slug: article.slug, date: article.date, registries });
    disk.extractions.set(key, extraction);
  }
  disk.recent.set(key, extraction);
  return extraction;
}

/**
 * What is known of each article object, per registry object (both stay the same while
 * unchanged): its digest, and its records or a way to parse them from the snapshot.
 */
interface Known {
  registries: Registries;
  digest: ArticleDigest;
  records?: ArticleRecords;
  parse?: () => ArticleRecords | undefined;
}
const knownArticles = new WeakMap<Article, Known>();

function knownFor(article: Article, registries: Registries): Known | undefined {
  const known = knownArticles.get(article);
  return known && known.registries === registries ? known : undefined;
}

/** Extracts (or reads the cached extraction of) an article the caches do not know. */
function learn(article: Article, registries: Registries, disk: DiskState | undefined): Known {
  let extraction: Extraction;
  if (disk) {
    const key = extractionKey(disk, article, registries);
    const stored = disk.extractions.get(key);
    extraction = stored ?? extractAll(article.body, { slug: article.slug, date: article.date, registries });
    if (!stored) disk.extractions.set(key, extraction);
  } else {
    extraction = extractArticle(article, registries);
  }
  const records = toRecords(extraction);
  const known: Known = { registries, digest: toDigest(records, registries), records };
  knownArticles.set(article, known);
  return known;
}

/** The records: as known, else parsed from the snapshot, else rebuilt from the extraction. */
function recordsOf(known: Known, article: Article, disk: DiskState | undefined): ArticleRecords {
  if (!known.records) {
    known.records = known.parse?.() ?? toRecords(loadExtraction(article, known.registries, disk));
    known.parse = undefined;
  }
  return known.records;
}

class Entry implements CorpusArticle {
  constructor(
    readonly article: Article,
    private readonly known: Known,
    private readonly disk: DiskState | undefined,
  ) {}

  get digest(): ArticleDigest {
    return this.known.digest;
  }

  get records(): ArticleRecords {
    return recordsOf(this.known, this.article, this.disk);
  }

  /** True until the records have been parsed. */
  get pending(): boolean {
    return !this.known.records;
  }

  extraction(): Extraction {
    return loadExtraction(this.article, this.known.registries, this.disk);
  }
}

/**
 * After a start from the snapshot, the records of every article are parsed in the
 * background so that a text search or a chart over the whole corpus finds them ready.
 * It waits a few seconds, so the first pages are not slowed by it, then reads and parses
 * for at most 20 ms per turn of the event loop, so requests are answered in between.
 */
const WARM_DELAY_MS = 3_000;
const WARM_SLICE_MS = 20;

function warmRecords(entries: Entry[]): void {
  const pending = entries.filter((e) => e.pending);
  if (pending.length === 0) return;
  let next = 0;
  const step = () => {
    const until = performance.now() + WARM_SLICE_MS;
    while (next < pending.length && performance.now() < until) void pending[next++].records;
    if (next < pending.length) setImmediate(step);
  };
  setTimeout(step, WARM_DELAY_MS).unref?.();
}

/**
 * The snapshot is read once per folder and process, at the first load: after that the
 * in-memory caches know more than it does. Its digests and records go into `knownArticles`,
 * keyed by the very article objects the loader hands back for unchanged files.
 */
const snapshotsRead = new Set<string>();

function knownFromSnapshot(disk: DiskState, root: string): { known: KnownFiles; snapshot: Snapshot } | undefined {
  const id = `${disk.dir}\u0000${disk.version}\u0000${root}`;
  if (snapshotsRead.has(id)) return undefined;
  snapshotsRead.add(id);
  const snapshot = readSnapshot(snapshotPath(disk.dir, root), { version: disk.version, root });
  return snapshot ? { known: snapshot.entries, snapshot } : undefined;
}

function adoptSnapshotRecords(snapshot: Snapshot, registries: Registries, loaded: LoadedArticles): void {
  if (snapshot.registry !== registryHash(registries)) return;
  for (const { stamp, result } of loaded.files) {
    const entry = snapshot.entries.get(stamp.file);
    if (!entry?.digest || !entry.records || !result.article || entry.parsed !== result) continue;
    if (!knownFor(result.article, registries)) knownArticles.set(result.article, { registries, digest: entry.digest, parse: entry.records });
  }
}

/**
 * Saving the snapshot serialises every record (seconds at 10,000 articles), so a
 * long-running server saves it a little after the corpus settles, at most every 15 s while
 * files keep changing, and in steps of at most 25 ms per turn of the event loop so that
 * requests are answered in between. While pages are being asked for (a load in the last
 * 2 s) it waits, for up to a minute. A save still running or waiting when the process
 * exits is finished there, synchronously. Timers are unref'd: they keep no process alive.
 */
const SAVE_DELAY_MS = 2_000;
const SAVE_INTERVAL_MS = 15_000;
const SAVE_MAX_WAIT_MS = 60_000;
/** When `loadCorpus` was last called: every page calls it, so this is when the server was last busy. */
let lastLoadAt = 0;
/** How long one step of a save may hold the event loop. */
const SAVE_SLICE_MS = 25;

interface SaveJob {
  file: string;
  header: SnapshotHeader;
  files: () => Iterator<SnapshotFile>;
}
interface SaveState {
  timer?: ReturnType<typeof setTimeout>;
  lastSaved: number;
  /** When the waiting state was first scheduled: how long a busy server has put it off. */
  waitingSince?: number;
  /** The newest state, waiting for its timer. */
  waiting?: SaveJob;
  /** A save being written in steps. */
  running?: { writer: SnapshotWriter; step: () => boolean };
}
const saves = new Map<string, SaveState>();

function scheduleSnapshot(job: SaveJob): void {
  if (saves.size === 0) process.once("exit", () => flushCorpusSnapshots());
  let state = saves.get(job.file);
  if (!state) saves.set(job.file, (state = { lastSaved: 0 }));
  state.waiting = job;
  state.waitingSince ??= Date.now();
  if (state.timer) clearTimeout(state.timer);
  const wait = Math.max(SAVE_DELAY_MS, state.lastSaved + SAVE_INTERVAL_MS - Date.now());
  const current = state;
  current.timer = setTimeout(() => startSave(current), wait);
  current.timer.unref?.();
}

/** Starts writing the waiting state in steps (or later, while another save still runs). */
function startSave(state: SaveState): void {
  state.timer = undefined;
  const now = Date.now();
  const busy = now - lastLoadAt < SAVE_DELAY_MS && now - (state.waitingSince ?? now) < SAVE_MAX_WAIT_MS;
  if (state.running || busy) {
    state.timer = setTimeout(() => startSave(state), SAVE_DELAY_MS);
    state.timer.unref?.();
    return;
  }
  const job = state.waiting;
  state.waiting = undefined;
  state.waitingSince = undefined;
  if (!job) return;
  state.lastSaved = Date.now();
  const writer = new SnapshotWriter(job.file, job.header);
  const files = job.files();
  /** Writes files until `until` (a performance.now() time); true once every file is written. */
  const step = (until = Infinity): boolean => {
    while (performance.now() < until) {
      const next = files.next();
      if (next.done) return true;
      writer.add(next.value);
    }
    return false;
  };
  state.running = { writer, step };
  const run = () => {
    if (state.running?.writer !== writer) return; // a flush finished it
    if (!step(performance.now() + SAVE_SLICE_MS)) return void setImmediate(run);
    state.running = undefined;
    writer.finish();
  };
  setImmediate(run);
}

/** Finishes every save now, running or waiting (scripts that exit after a load, and exit). */
export function flushCorpusSnapshots(): boolean {
  let ok = true;
  for (const state of saves.values()) {
    if (state.running) {
      const { writer, step } = state.running;
      state.running = undefined;
      step();
      ok = writer.finish() && ok;
    }
    if (state.timer) clearTimeout(state.timer);
    state.timer = undefined;
    const job = state.waiting;
    state.waiting = undefined;
    state.waitingSince = undefined;
    if (job) {
      state.lastSaved = Date.now();
      ok = writeSnapshot(job.file, job.header, { [Symbol.iterator]: job.files }) && ok;
    }
  }
  return ok;
}

/** What the snapshot stores of each listed file; records not parsed yet are parsed now. */
function* snapshotFiles(loaded: LoadedArticles, registries: Registries, disk: DiskState): Generator<SnapshotFile> {
  for (const { stamp, result } of loaded.files) {
    const known = result.article ? knownFor(result.article, registries) : undefined;
    yield {
      file: stamp.file,
      mtimeMs: stamp.mtimeMs,
      size: stamp.size,
      parsed: result,
      digest: known?.digest,
      records: known && result.article ? recordsOf(known, result.article, disk) : undefined,
    };
  }
}

let lastCorpus: Corpus | undefined;

export async function loadCorpus(options: CorpusOptions = {}): Promise<Corpus> {
  lastLoadAt = Date.now();
  const root = options.articles ?? articlesDir();
  const disk = options.diskCache ? diskState(options.diskCache) : undefined;
  const registry = await loadRegistries(options.registry ?? registryDir());
  const fromSnapshot = disk ? knownFromSnapshot(disk, path.resolve(/* turbopackIgnore: true */ root)) : undefined;
  const loaded = await loadArticles(root, { watch: options.watch, known: fromSnapshot?.known });
  const signature = `${loaded.root}|${registry.signature}|${loaded.signature}`;
  if (lastCorpus && lastCorpus.signature === signature) return lastCorpus;
  const { registries } = registry;
  if (fromSnapshot) adoptSnapshotRecords(fromSnapshot.snapshot, registries, loaded);

  let fresh = 0;
  const articles: Entry[] = [];
  for (const article of loaded.articles) {
    let known = knownFor(article, registries);
    if (!known) {
      fresh++;
      known = learn(article, registries, disk);
    }
    articles.push(new Entry(article, known, disk));
  }
  // Newest first; within a day by slug. Plain code-unit order: slugs are file names, and
  // localeCompare over 10,000 of them costs more than the rest of the sort.
  articles.sort((a, b) => (a.article.date < b.article.date ? 1 : a.article.date > b.article.date ? -1 : a.article.slug < b.article.slug ? -1 : a.article.slug > b.article.slug ? 1 : 0));
  lastCorpus = {
    articles,
    bySlug: new Map(articles.map((a) => [a.article.slug, a])),
    issues: [...registry.issues, ...loaded.issues],
    registries,
    signature,
  };

  const snapshotChanged = fresh > 0 || loaded.parsed > 0 || !fromSnapshot || fromSnapshot.snapshot.entries.size !== loaded.files.length;
  if (disk && snapshotChanged) {
    scheduleSnapshot({
      file: snapshotPath(disk.dir, loaded.root),
      header: { version: disk.version, registry: registryHash(registries), root: loaded.root },
      files: () => snapshotFiles(loaded, registries, disk),
    });
  }
  if (fromSnapshot) warmRecords(articles);
  return lastCorpus;
}
