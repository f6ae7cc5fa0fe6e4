/**
 * Ingest: brings the database in step with a folder of articles and the registries.
 *
 * - A file whose path, mtime and size match what the database holds is not opened. One
 *   whose stamp changed is read and hashed; if its bytes are the same it is not parsed.
 * - A changed file's rows are replaced inside one transaction (files are written in
 *   batches, each batch one transaction), and a deleted file's rows go with it.
 * - The chemical, actor and timeline tables, derived from every article, are rebuilt at
 *   the end. A flag in `meta`, set in the same transaction as any change to the articles
 *   and cleared in the one that rebuilds them, makes a run killed in between rebuild them
 *   on the next start: a killed ingest leaves the committed batches, consistent, and the
 *   next one carries on from there.
 * - A change of the registries or of the extractor (`version`) marks every file stale in
 *   the same transaction that records the new registries, so every article is extracted
 *   again, however often that work is interrupted.
 * - A first ingest of many files is a bulk load (see `BULK_MIN_FILES`): it writes without
 *   the indexes that begin with anything but the article and builds them at the end; one
 *   cut short is carried on by the next run (`dropIndexesForBulkLoad` in ./db.ts).
 */
import { createHash } from "node:crypto";
import os from "node:os";
import { slugFromPath } from "../content/article";
import { packStamps, type FileStamp, type PackedStamps } from "../content/listing";
import { articleFlags } from "../flags";
import { startExtractPool } from "../extract/pool";
import { prepareFile, type Prepared, type PrepareRequest } from "../extract/prepare";
import type { Registries } from "../extract/context";
import type { Article, Event, Extraction, TimelineEntry } from "../schema";
import { dropIndexesForBulkLoad, getMeta, hasDroppedIndexes, restoreDroppedIndexes, setMeta, type Db } from "./db";
import { insertFlags } from "./flags";
import { recordTotals } from "./read";
import { SCHEMA_VERSION } from "./migrations";
import { deleteArticle, deleteFile, deriveEntities, insertArticle, registryJurisdictions, sortKey, touchFile, writeFile } from "./write";
import { articleBuckets, bucketKey, bucketsToGroup, writeTimeline, type GroupBucketsElsewhere } from "./timeline";
import { groupTimeline } from "../timeline/group";
import { compareText } from "../text/compare";

export interface IngestOptions {
  /** Files of the folder, as listed (see listArticleFiles). */
  files: readonly FileStamp[];
  /** `listingStamp` of the files, when the caller has it already. */
  listing?: string;
  registries: Registries;
  /** Changes whenever the registries' content does. */
  registryHash: string;
  /** Changes whenever extraction code does (the build id). */
  version: string;
  /** Groups all events into timeline entries; the timeline tables stay empty without it. */
  groupTimeline?: (events: readonly Event[]) => TimelineEntry[];
  /** Files per transaction. */
  batchSize?: number;
  /** A first ingest of at least this many files is a bulk load (see `dropIndexesForBulkLoad`). */
  bulkMinFiles?: number;
  /** Called after each committed batch (progress, and tests that stop an ingest midway). */
  onBatch?: (done: number, total: number) => void;
}

/** Prepares files elsewhere (worker threads, see lib/extract/pool.ts), in their order. */
type PrepareMany = (requests: readonly PrepareRequest[]) => Promise<Prepared[]>;

export interface IngestResult {
  /** Files read from disk (stamp changed). */
  read: number;
  /** Articles extracted and written. */
  extracted: number;
  deleted: number;
  /** True when anything in the database changed. */
  changed: boolean;
  /** True when worker threads read and grouped the timeline's buckets (see `finishIngest`). */
  timelineGroupedInWorkers: boolean;
  ms: {
    total: number;
    /** Writing the files' rows, batch by batch, in this thread (and preparing them, when no workers run). */
    write: number;
    /** Waiting for worker threads to hand over a prepared batch (read, parsed, extracted). */
    waitingForWorkers: number;
    /** Building the indexes a bulk load dropped. */
    indexes: number;
    derive: number;
    timeline: number;
  };
}

/**
 * What the database knows of a file, enough to tell whether it changed. The hash is read
 * only for files that did (see `request`): 100,000 hashes were half the cost of this
 * comparison on every server start.
 */
interface StoredFile {
  path: string;
  mtime_ms: number;
  size: number;
  /** 1 when the file must be read again whatever its stamp (new registries or extractor). */
  stale: number;
}

/**
 * Brings the database in step with the folder, extracting in this thread. See
 * `ingestParallel` for the same work with extraction spread over worker threads.
 */
export function ingest(db: Db, options: IngestOptions): IngestResult {
  const run = beginIngest(db, options);
  run.runBatches(run.work, false);
  run.promoteOrphans();
  return run.finish();
}

/**
 * A first ingest of this many files or more loads without the indexes that articles in
 * slug order would update at random places, and builds them at the end. At 1,000 files
 * either way takes about as long; above, the bulk load gains more the larger the folder.
 */
export const BULK_MIN_FILES = 1_000;

/** Batches the workers prepare ahead of the one being written. */
const PREPARED_AHEAD = 2;

/** Fewer files than this to extract are done in this thread: starting workers costs about a second. */
export const PARALLEL_MIN_FILES = 64;

/**
 * The same ingest, each batch's articles extracted by `workers` worker threads (see
 * lib/extract/pool.ts) while the previous batch is written: the database is written by
 * this thread only, one transaction per batch, exactly as `ingest` writes it. A small
 * change, or a place where workers cannot run, is extracted in this thread.
 */
export async function ingestParallel(db: Db, options: IngestOptions, workers = os.availableParallelism()): Promise<IngestResult> {
  const run = beginIngest(db, options);
  const pool = run.work.length >= PARALLEL_MIN_FILES && workers > 1 ? startExtractPool(options.registries, { size: workers }) : undefined;
  if (!pool) {
    run.runBatches(run.work, false);
    run.promoteOrphans();
    return run.finish();
  }
  try {
    return await ingestBatches(run, options, (requests) => pool.prepare(requests), (keys) => pool.groupBuckets(run.databaseFile, keys));
  } finally {
    await pool.close();
  }
}

async function ingestBatches(run: ReturnType<typeof beginIngest>, options: IngestOptions, prepareMany: PrepareMany, groupElsewhere: GroupBucketsElsewhere): Promise<IngestResult> {
  const batches: FileStamp[][] = [];
  for (let i = 0; i < run.work.length; i += run.batchSize) batches.push(run.work.slice(i, i + run.batchSize));
  const prepare = async (batch: FileStamp[]) => {
    const prepared = await prepareMany(batch.map((stamp) => run.request(stamp, false)));
    return new Map(batch.map((stamp, i) => [stamp.file, prepared[i]]));
  };
  // Batches prepared ahead of the one being written: with one, the workers sat idle
  // whenever a write outlasted their batch, and the writer whenever a batch outlasted it.
  const ahead: Promise<Map<string, Prepared>>[] = [];
  let queued = 0;
  const queue = () => {
    while (ahead.length < PREPARED_AHEAD && queued < batches.length) ahead.push(prepare(batches[queued++]));
  };
  queue();
  let done = 0;
  for (let k = 0; k < batches.length; k++) {
    const waited = performance.now();
    const prepared = await ahead.shift()!;
    run.result.ms.waitingForWorkers += performance.now() - waited;
    queue();
    // A batch that fails leaves later ones' preparation running: wait for them, then throw.
    try {
      run.runBatch(batches[k], false, prepared);
    } catch (error) {
      await Promise.allSettled(ahead);
      throw error;
    }
    done += batches[k].length;
    options.onBatch?.(done, run.work.length);
  }
  run.promoteOrphans();
  return run.finish(groupElsewhere);
}

function beginIngest(db: Db, options: IngestOptions) {
  const started = performance.now();
  const result: IngestResult = { read: 0, extracted: 0, deleted: 0, changed: false, timelineGroupedInWorkers: false, ms: { total: 0, write: 0, waitingForWorkers: 0, indexes: 0, derive: 0, timeline: 0 } };
  const { registries } = options;
  const jurisdictions = registryJurisdictions(registries);
  /** Timeline buckets this ingest changed; undefined: every bucket (nothing is known of what changed). */
  let touched: Set<string> | undefined = getMeta(db, "derived") === "stale" ? undefined : new Set();
  const touch = (keys: Iterable<string>) => {
    if (touched) for (const k of keys) touched.add(k);
  };
  const markChanged = () => {
    if (!result.changed) setMeta(db, "derived", "stale");
    result.changed = true;
  };

  // New registries or extractor: everything is stale, recorded atomically with the new values.
  if (getMeta(db, "registry_hash") !== options.registryHash || getMeta(db, "version") !== options.version) {
    db.transaction(() => {
      db.prepare("UPDATE files SET hash = ''").run();
      setMeta(db, "registry_hash", options.registryHash);
      setMeta(db, "version", options.version);
      setMeta(db, "derived", "stale");
    })();
    result.changed = true;
    touched = undefined;
  }

  // A folder listed as it was when the last ingest finished, with nothing left to derive:
  // nothing to compare file by file (0.3 s at 100,000 files, on every server start).
  // Otherwise the mark is cleared before anything is written, and set again at the end.
  const listing = options.listing ?? listingStamp(packStamps(options.files));
  const inStep = !result.changed && isInStep(db, { ...options, listing });
  if (!inStep && getMeta(db, "listing")) setMeta(db, "listing", "");

  const stored = new Map(inStep ? [] : (db.prepare("SELECT path, mtime_ms, size, hash = '' AS stale FROM files").all() as StoredFile[]).map((f) => [f.path, f]));
  const listed = new Map(inStep ? [] : options.files.map((f) => [f.file, f]));
  const gone = [...stored.keys()].filter((p) => !listed.has(p));
  let work = inStep
    ? []
    : options.files.filter((f) => {
        const s = stored.get(f.file);
        return !s || s.stale === 1 || s.mtime_ms !== f.mtimeMs || s.size !== f.size;
      });

  // A bulk load: a first ingest of many files, or the rest of one cut short (its indexes
  // still dropped). Anything else, replacing or deleting rows, needs the indexes first.
  const resuming = hasDroppedIndexes(db);
  const onlyNewFiles = gone.length === 0 && work.every((f) => !stored.has(f.file));
  const bulk = onlyNewFiles && (resuming || (stored.size === 0 && work.length >= (options.bulkMinFiles ?? BULK_MIN_FILES)));
  if (resuming && !bulk) restoreDroppedIndexes(db);
  if (bulk) {
    if (!resuming) dropIndexesForBulkLoad(db);
    // In slug order, every index that begins with the article is appended to, not split.
    work = [...work].sort((a, b) => compareText(slugFromPath(a.file), slugFromPath(b.file)) || compareText(a.file, b.file));
  }

  /** Which file holds a slug's article: the first in folder order of those with a usable article. */
  const owner = db.prepare("SELECT file FROM articles WHERE slug = ?").pluck();
  if (gone.length) {
    db.transaction(() => {
      markChanged();
      for (const p of gone) {
        const slug = slugFromPath(p);
        if (owner.get(slug) === p) touch(articleBuckets(db, slug));
        deleteFile(db, p);
        stored.delete(p);
        result.deleted++;
      }
    })();
  }


  /** What preparing a file needs to know: the hash stored for it, so unchanged bytes are not parsed. */
  const storedHash = db.prepare("SELECT hash FROM files WHERE path = ?").pluck();
  const request = (stamp: FileStamp, force: boolean): PrepareRequest => ({ stamp, storedHash: (storedHash.get(stamp.file) as string | undefined) ?? "", force });

  const processOne = (stamp: FileStamp, force: boolean, ready?: Prepared) => {
    const { hash, parsed, extraction, flags } = ready ?? prepareFile(request(stamp, force), registries);
    result.read++;
    const file = { path: stamp.file, mtimeMs: stamp.mtimeMs, size: stamp.size, hash };
    if (!parsed) {
      touchFile(db, file);
      return;
    }
    markChanged();
    const article = parsed.article;
    // The file's previous article goes; a rival of the same name may take its place below.
    const slug = slugFromPath(stamp.file);
    if (owner.get(slug) === stamp.file) {
      touch(articleBuckets(db, slug));
      deleteArticle(db, slug);
    }
    writeFile(db, file, article?.slug, parsed.issues);
    stored.set(stamp.file, { path: file.path, mtime_ms: file.mtimeMs, size: file.size, stale: 0 });
    if (!article) return;
    const holder = owner.get(article.slug) as string | undefined;
    if (holder && holder !== stamp.file) {
      if (sortKey(holder) < sortKey(stamp.file)) return; // the earlier file keeps the name
      touch(articleBuckets(db, article.slug));
      deleteArticle(db, article.slug);
    }
    insertArticle(db, article, extraction!, registries, jurisdictions);
    insertFlags(db, flags!);
    touch(extraction!.events.map((e) => bucketKey(e.type, e.date)));
    result.extracted++;
  };

  const batchSize = options.batchSize ?? 200;
  /** One batch in one transaction; files prepared ahead (read, parsed, extracted) are taken as they are. */
  const runBatch = (batch: FileStamp[], force: boolean, prepared?: ReadonlyMap<string, Prepared>) => {
    const started = performance.now();
    db.transaction(() => {
      for (const stamp of batch) processOne(stamp, force, prepared?.get(stamp.file));
    })();
    result.ms.write += performance.now() - started;
  };
  const runBatches = (stamps: FileStamp[], force: boolean) => {
    for (let i = 0; i < stamps.length; i += batchSize) {
      runBatch(stamps.slice(i, i + batchSize), force);
      options.onBatch?.(Math.min(i + batchSize, stamps.length), stamps.length);
    }
  };

  // A name whose article went (file deleted or broken) passes to the next file of that name.
  // Nothing changed and the last run finished (derived is fresh): that run promoted them all.
  const promoteOrphans = () => {
    if (!result.changed && getMeta(db, "derived") === "fresh") return;
    const orphans = db.prepare("SELECT path, slug FROM files f WHERE slug IS NOT NULL AND NOT EXISTS (SELECT 1 FROM articles WHERE slug = f.slug) ORDER BY sort_key").all() as { path: string; slug: string }[];
    const promote = new Map<string, FileStamp>();
    for (const { path: p, slug } of orphans) {
      const stamp = listed.get(p);
      if (slug && stamp && !promote.has(slug)) promote.set(slug, stamp);
    }
    if (promote.size) runBatches([...promote.values()], true);
  };

  return {
    result,
    work,
    batchSize,
    databaseFile: db.name,
    request,
    runBatch,
    runBatches,
    promoteOrphans,
    finish: (groupElsewhere?: GroupBucketsElsewhere) => finishIngest(db, options, result, touched, started, listing, groupElsewhere),
  };
}

/**
 * The derived tables (entities, timeline), rebuilt when anything changed or a run before was
 * cut short. `groupElsewhere`: worker threads that read and group the timeline's buckets
 * (with the default grouping) while this thread derives the entity tables and writes the
 * buckets grouped before; at 100,000 articles the regroup was 150 s in this thread alone.
 */
function finishIngest(db: Db, options: IngestOptions, result: IngestResult, touched: Set<string> | undefined, started: number, listing: string, groupElsewhere?: GroupBucketsElsewhere): IngestResult {
  const { registries } = options;
  if (result.changed || getMeta(db, "derived") !== "fresh" || hasDroppedIndexes(db)) {
    const t0 = performance.now();
    // Committed on its own: the workers read the events through these indexes.
    if (hasDroppedIndexes(db)) db.transaction(() => restoreDroppedIndexes(db))();
    result.ms.indexes = performance.now() - t0;
    // Other connections see committed rows only: an in-memory database has none.
    const elsewhere = groupElsewhere && options.groupTimeline === groupTimeline && !db.memory;
    const grouped = elsewhere ? groupElsewhere(bucketsToGroup(db, touched)) : undefined;
    result.timelineGroupedInWorkers = grouped !== undefined;
    // A full regroup writes every entry anew and deletes what hung on the old ones itself
    // (see writeTimeline), so the foreign keys are not checked row by row: looking up each
    // new source's entry, article and event was 19 s of the 31 s of writing the sources at
    // 100,000 articles. The setting cannot change inside a transaction, and is restored.
    const fullRegroup = touched === undefined && options.groupTimeline !== undefined;
    if (fullRegroup) db.pragma("foreign_keys = OFF");
    try {
      db.transaction(() => {
        const t1 = performance.now();
        deriveEntities(db, registries);
        result.ms.derive = performance.now() - t1;
        const t2 = performance.now();
        if (options.groupTimeline) writeTimeline(db, options.groupTimeline, touched, grouped);
        result.ms.timeline = performance.now() - t2;
        setMeta(db, "derived", "fresh");
        setMeta(db, "generation", String(Number(getMeta(db, "generation") ?? "0") + 1));
        recordTotals(db);
      })();
    } finally {
      if (fullRegroup) db.pragma("foreign_keys = ON");
    }
    result.changed = true;
  }
  // The database is in step with this listing.
  if (getMeta(db, "listing") !== listing) setMeta(db, "listing", listing);
  result.ms.total = performance.now() - started;
  return result;
}

/**
 * What a listing of the folder is, in one value: every file's path, mtime and size (its
 * `packStamps`) and the schema version, as a migration may mark files to be read again.
 * Stored in `meta` when an ingest finishes, so the next one, finding the same, compares nothing.
 */
export function listingStamp(stamps: PackedStamps): string {
  const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return createHash("sha256").update(`schema ${SCHEMA_VERSION}\n`).update(stamps.names).update(bytes(stamps.mtimes)).update(bytes(stamps.sizes)).digest("hex");
}

/**
 * Whether an ingest of this listing would find nothing to do: the registries and the
 * extractor are those of the last ingest, which finished with this very listing and left
 * nothing to derive or to index.
 */
export function isInStep(db: Db, options: { registryHash: string; version: string; listing: string }): boolean {
  return (
    getMeta(db, "registry_hash") === options.registryHash &&
    getMeta(db, "version") === options.version &&
    getMeta(db, "listing") === options.listing &&
    getMeta(db, "derived") === "fresh" &&
    !hasDroppedIndexes(db)
  );
}

/**
 * Writes articles whose extractions are already known (tests and small tools), as an
 * ingest would, then derives the entity and timeline tables.
 */
export function writeExtractions(db: Db, items: readonly { article: Article; extraction: Extraction }[], registries: Registries, groupTimeline?: IngestOptions["groupTimeline"]): void {
  const jurisdictions = registryJurisdictions(registries);
  db.transaction(() => {
    for (const { article, extraction } of items) {
      writeFile(db, { path: article.file, mtimeMs: 0, size: 0, hash: "" }, article.slug, []);
      deleteArticle(db, article.slug);
      insertArticle(db, article, extraction, registries, jurisdictions);
      insertFlags(db, articleFlags(article, extraction, registries));
    }
    deriveEntities(db, registries);
    if (groupTimeline) writeTimeline(db, groupTimeline);
    setMeta(db, "generation", String(Number(getMeta(db, "generation") ?? "0") + 1));
    recordTotals(db);
  })();
}
