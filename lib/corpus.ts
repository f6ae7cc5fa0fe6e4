/**
 * The corpus: one articles folder held in its database (lib/store), plus the problems
 * found in the folder and the registries. `loadCorpus` brings the database in step with
 * the folder (only changed files are read) and hands back a handle the queries read.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { articlesDir, listedFiles, listIfChanged, registryDir } from "./content/loader";
import type { Registries } from "./extract/context";
import { loadRegistries, type LoadedRegistries } from "./registry";
import type { Article, ContentIssue, Event, Extraction, TimelineEntry } from "./schema";
import { groupTimeline } from "./timeline/group";
import { corpusTotals, countArticles, fileIssues, getArticle, getMeta, ingest, ingestParallel, isInStep, listArticleRows, listingStamp, openDatabase, readExtraction, recallRegistries, rememberRegistries, writeExtractions, type Db, type IngestResult } from "./store";

export interface Corpus {
  db: Db;
  /** Every problem: registries, the folder listing, and each article file. */
  issues: ContentIssue[];
  registries: Registries;
  articleCount: number;
  /** Changes whenever the database or the problems do. */
  signature: string;
}

export interface CorpusOptions {
  articles?: string;
  registry?: string;
  /** The database file; default DATABASE_PATH, else one file per folder under .cache/. */
  database?: string;
  /** Identity of the extraction code (the build id): a new one re-extracts every article. */
  version?: string;
  /** Watch the articles folder instead of listing it on every load (long-running servers). */
  watch?: boolean;
  /** Groups every event into timeline entries; the project's own grouping unless a test swaps it. */
  groupTimeline?: (events: readonly Event[]) => TimelineEntry[];
  quiet?: boolean;
  /**
   * Worker threads to extract in when many files changed (a first ingest, a new build, a
   * registry change): default one per core; 0 or 1 extracts in this thread.
   */
  workers?: number;
}

/** `.cache/<folder name>-<hash of its path>.sqlite` under the working directory. */
export function databasePath(root: string): string {
  if (process.env.DATABASE_PATH) return path.resolve(/* turbopackIgnore: true */ process.env.DATABASE_PATH);
  const absolute = path.resolve(/* turbopackIgnore: true */ root);
  const id = createHash("sha256").update(absolute).digest("hex").slice(0, 12);
  const name = path.basename(absolute).replace(/[^A-Za-z0-9_-]+/g, "-") || "articles";
  return path.join(/* turbopackIgnore: true */ process.cwd(), ".cache", `${name}-${id}.sqlite`);
}

interface Open {
  db: Db;
  /** The load under way: an ingest awaits its workers, and a second load must not start another meanwhile. */
  busy?: Promise<unknown>;
  listingIssues: ContentIssue[];
  last?: Corpus;
  lastIngest?: IngestResult;
}
const open = new Map<string, Open>();

const registryHashes = new WeakMap<LoadedRegistries, string>();
function registryHash(loaded: LoadedRegistries): string {
  let hash = registryHashes.get(loaded);
  if (!hash) registryHashes.set(loaded, (hash = createHash("sha256").update(JSON.stringify(loaded.registries)).digest("hex")));
  return hash;
}

/** The database of a folder, opened once per process. */
function openFor(file: string, quiet?: boolean): Open {
  let state = open.get(file);
  if (!state) open.set(file, (state = { db: openDatabase(file, { quiet }).db, listingIssues: [] }));
  return state;
}

export async function loadCorpus(options: CorpusOptions = {}): Promise<Corpus> {
  const root = path.resolve(/* turbopackIgnore: true */ options.articles ?? articlesDir());
  const state = openFor(options.database ?? databasePath(root), options.quiet);
  const version = options.version ?? "dev";
  const registry = await loadRegistries(options.registry ?? registryDir(), {
    recall: (key) => recallRegistries(state.db, key, version),
    remember: (key, registries) => rememberRegistries(state.db, key, version, registries),
  });
  // One load of a database at a time; the next one then finds the work done.
  while (state.busy) await state.busy.catch(() => undefined);
  const load = loadInto(state, root, registry, version, options);
  state.busy = load;
  try {
    return await load;
  } finally {
    if (state.busy === load) state.busy = undefined;
  }
}

async function loadInto(state: Open, root: string, registry: LoadedRegistries, version: string, options: CorpusOptions): Promise<Corpus> {
  const listing = await listIfChanged(root, { watch: options.watch });
  const hash = registryHash(registry);
  const stale = !state.last || state.last.registries !== registry.registries || getMeta(state.db, "registry_hash") !== hash || getMeta(state.db, "version") !== version;
  if (!listing && !stale && state.last) return state.last;
  if (listing) state.listingIssues = listing.issues;
  if (listing || stale) {
    // Without a fresh listing (watch says unchanged) the registries changed: list again.
    const current = listing ?? (await listIfChanged(root, {}))!;
    const stamp = listingStamp(current.stamps);
    // A folder and registries as the last ingest left them (every server start on an
    // unchanged corpus) need no ingest, nor the listing's files as objects.
    state.lastIngest = undefined;
    if (!isInStep(state.db, { registryHash: hash, version, listing: stamp })) {
      const ingestOptions = { files: listedFiles(current), listing: stamp, registries: registry.registries, registryHash: hash, version, groupTimeline: options.groupTimeline ?? groupTimeline };
      state.lastIngest = options.workers === 0 || options.workers === 1 ? ingest(state.db, ingestOptions) : await ingestParallel(state.db, ingestOptions, options.workers);
    }
  }
  const generation = getMeta(state.db, "generation") ?? "0";
  const signature = `${root}|${registry.signature}|${generation}|${state.listingIssues.length}`;
  if (state.last && state.last.signature === signature) return state.last;
  state.last = {
    db: state.db,
    issues: [...registry.issues, ...state.listingIssues, ...fileIssues(state.db)],
    registries: registry.registries,
    articleCount: corpusTotals(state.db).articles,
    signature,
  };
  return state.last;
}

/** What the last load of a folder's database did (scripts and benchmarks print it); undefined when it found nothing to do. */
export function lastIngest(file: string): IngestResult | undefined {
  return open.get(file)?.lastIngest;
}

/** Closes every database this process opened (tests, and tools before they exit). */
export function closeCorpora(): void {
  for (const state of open.values()) state.db.close();
  open.clear();
}

/** An article whose extraction is already known (tests and small tools). */
export interface CorpusArticle {
  article: Article;
  extraction: Extraction;
}

export function corpusArticle(article: Article, extraction: Extraction): CorpusArticle {
  return { article, extraction };
}

/** A corpus of known articles in a database of its own (in memory unless `database` is given). */
export function corpusOf(articles: readonly CorpusArticle[], registries: Registries, options: { issues?: ContentIssue[]; database?: string } = {}): Corpus {
  const { db } = openDatabase(options.database ?? ":memory:", { quiet: true });
  writeExtractions(db, articles, registries, groupTimeline);
  return { db, issues: options.issues ?? [], registries, articleCount: countArticles(db), signature: `memory|${getMeta(db, "generation")}` };
}

/** Every article with its extraction, newest first (tests and tools that walk the corpus). */
export function corpusArticles(corpus: Corpus): CorpusArticle[] {
  return listArticleRows(corpus.db).map((row) => ({ article: getArticle(corpus.db, row.slug)!, extraction: readExtraction(corpus.db, row.slug) }));
}
