/**
 * Reads a folder of articles. Every file is parsed once per (path, mtime, size): a second
 * load of an unchanged folder re-parses nothing, and changed, added or deleted files are
 * picked up on the next load. Problems are collected, never thrown: one bad file never
 * stops the others.
 */
import { existsSync, readFileSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";
import type { Article, ContentIssue } from "../schema";
import { parseArticleFile, type ParsedArticleFile } from "./article";
import { problem } from "./issues";
import { linksOf, listArticleFiles, listInWorker, packStamps, sameListing, takeEarlyListing, unpackStamps, type FileStamp, type PackedListing } from "./listing";

export { articlesDir, listArticleFiles, type FileStamp } from "./listing";

export interface LoadedArticles {
  root: string;
  articles: Article[];
  issues: ContentIssue[];
  /** Changes whenever any file is added, removed or changed; cheap identity for caches. */
  signature: string;
  /** How many files this load had to parse (the rest came from the cache). */
  parsed: number;
  /** Every listed file with what parsing it gave: what a corpus snapshot stores. */
  files: { stamp: FileStamp; result: ParsedArticleFile }[];
}

/**
 * Parse results known from elsewhere (a corpus snapshot), by relative file: used for a
 * file whose mtime and size still match, instead of reading it.
 */
export type KnownFiles = ReadonlyMap<string, { mtimeMs: number; size: number; parsed: ParsedArticleFile }>;

interface CacheEntry {
  mtimeMs: number;
  size: number;
  result: ParsedArticleFile;
}

const parseCache = new Map<string, CacheEntry>();

function parseWithCache(stamp: FileStamp, known?: KnownFiles): { result: ParsedArticleFile; fresh: boolean } {
  const key = stamp.absolute + "\u0000" + stamp.file;
  const cached = parseCache.get(key);
  if (cached && cached.mtimeMs === stamp.mtimeMs && cached.size === stamp.size) {
    return { result: cached.result, fresh: false };
  }
  const prior = known?.get(stamp.file);
  if (prior && prior.mtimeMs === stamp.mtimeMs && prior.size === stamp.size) {
    parseCache.set(key, { mtimeMs: stamp.mtimeMs, size: stamp.size, result: prior.parsed });
    return { result: prior.parsed, fresh: false };
  }
  let result: ParsedArticleFile;
  try {
    result = parseArticleFile(stamp.file, readFileSync(stamp.absolute));
  } catch (error) {
    result = { issues: [problem("unreadable", { file: stamp.file, line: 1, field: "(file)" }, "file", (error as Error).message)] };
  }
  parseCache.set(key, { mtimeMs: stamp.mtimeMs, size: stamp.size, result });
  return { result, fresh: true };
}

/**
 * A long-running server can watch the folder instead of scanning it on every request
 * (at 10,000 files a scan costs ~75 ms). Any event marks the folder dirty and the next
 * load scans it; if a watcher cannot start or fails, every load scans, as without it.
 *
 * One plain watcher per folder rather than one recursive watch: Node 20 builds a
 * recursive watch on Linux by visiting and watching every file, 225 ms at 10,000 files
 * on the first request, while a folder's watcher already reports changes to its files.
 * The folders come from each scan; a new one is watched once a scan finds it, and the
 * scan after that is forced, for files written before its watcher existed.
 */
interface FolderWatch {
  watchers: Map<string, FSWatcher>;
  dirty: boolean;
  healthy: boolean;
  last?: LoadedArticles;
  /** listIfChanged has listed the folder at least once. */
  listed?: boolean;
}
const watches = new Map<string, FolderWatch>();

function watchFolder(root: string): FolderWatch | undefined {
  const existing = watches.get(root);
  if (existing) return existing.healthy ? existing : undefined;
  const state: FolderWatch = { watchers: new Map(), dirty: true, healthy: true };
  watches.set(root, state);
  return state;
}

function fail(state: FolderWatch): void {
  state.healthy = false;
  for (const watcher of state.watchers.values()) watcher.close();
  state.watchers.clear();
}

/** Watches exactly the folders of the last scan. */
function syncWatchers(state: FolderWatch, folders: readonly string[]): void {
  const wanted = new Set(folders);
  for (const [folder, watcher] of state.watchers) {
    if (!wanted.has(folder)) {
      watcher.close();
      state.watchers.delete(folder);
    }
  }
  for (const folder of folders) {
    if (state.watchers.has(folder) || !state.healthy) continue;
    try {
      const watcher = watch(folder, { persistent: false }, () => {
        state.dirty = true;
      });
      watcher.on("error", () => {
        // A watched folder that was removed reports an error; its parent saw the removal.
        if (!existsSync(folder)) return void (state.dirty = true);
        fail(state);
      });
      state.watchers.set(folder, watcher);
      if (state.last) state.dirty = true; // a folder that appeared since the first scan
    } catch {
      fail(state);
    }
  }
}

/** A folder's listing, packed (see ./listing.ts), with the files as objects when this thread listed them. */
export type Listing = PackedListing & { files?: FileStamp[] };

/** The files of a listing as objects. */
export function listedFiles(listing: Listing): FileStamp[] {
  return (listing.files ??= unpackStamps(listing));
}

/**
 * For a caller that keeps its own record of the files (the store): the folder's listing,
 * or undefined when a watch says nothing changed since the last listing it gave.
 *
 * A watched folder's first listing may come from the worker that started listing it when
 * the server did (`startEarlyListing`). The folder's watchers start only now, so the
 * folder is listed once more, in a worker, once they run: if anything changed in between,
 * the folder is marked changed and the next load lists it again.
 */
export async function listIfChanged(root: string, options: { watch?: boolean } = {}): Promise<Listing | undefined> {
  const absoluteRoot = path.resolve(/* turbopackIgnore: true */ root);
  const folderWatch = options.watch ? watchFolder(absoluteRoot) : undefined;
  if (folderWatch && !folderWatch.dirty && folderWatch.healthy && folderWatch.listed) return undefined;
  if (folderWatch) folderWatch.dirty = false;
  const early = folderWatch && !folderWatch.listed ? await takeEarlyListing(absoluteRoot) : undefined;
  let listing: Listing;
  if (early) {
    listing = early;
  } else {
    try {
      const { files, issues, folders } = listArticleFiles(absoluteRoot);
      listing = { root: absoluteRoot, stamps: packStamps(files), links: linksOf(absoluteRoot, files), files, issues, folders };
    } catch (error) {
      if (folderWatch) folderWatch.dirty = true;
      const issues = [problem("unreadable", { file: root, line: 1, field: "(folder)" }, "the articles folder", (error as Error).message)];
      return { root: absoluteRoot, stamps: packStamps([]), links: [], files: [], issues, folders: [] };
    }
  }
  if (folderWatch) {
    syncWatchers(folderWatch, listing.folders);
    folderWatch.listed = true;
    if (early) void confirmListing(folderWatch, early);
  }
  return listing;
}

/** Lists the folder again (in a worker) and marks it changed if the listing differs from `seen`. */
async function confirmListing(state: FolderWatch, seen: PackedListing): Promise<void> {
  try {
    const again = await (listInWorker(seen.root) ?? Promise.reject(new Error("no worker")));
    if (!sameListing(again, seen)) state.dirty = true;
  } catch {
    state.dirty = true;
  }
}

/**
 * Marks a watched folder as changed, for a writer in the same process (/add) whose new
 * file must show on the very next load, before the watcher's event arrives.
 */
export function markChanged(root: string): void {
  const state = watches.get(path.resolve(/* turbopackIgnore: true */ root));
  if (state) state.dirty = true;
}

/** Stops every folder watch (tests, and servers shutting down). */
export function closeWatches(): void {
  for (const state of watches.values()) for (const watcher of state.watchers.values()) watcher.close();
  watches.clear();
}

/**
 * Loads every article under root. Never throws for bad content. With `watch`, an
 * unchanged folder is answered from the last load without touching the disk.
 */
export async function loadArticles(root: string, options: { watch?: boolean; known?: KnownFiles } = {}): Promise<LoadedArticles> {
  const absoluteRoot = path.resolve(/* turbopackIgnore: true */ root);
  const folderWatch = options.watch ? watchFolder(absoluteRoot) : undefined;
  if (folderWatch && !folderWatch.dirty && folderWatch.healthy && folderWatch.last) return folderWatch.last;
  // Cleared before the scan, so a change during the scan makes the next load scan again.
  if (folderWatch) folderWatch.dirty = false;
  const { result, folders } = await scanAndParse(absoluteRoot, root, options.known);
  if (folderWatch) {
    syncWatchers(folderWatch, folders);
    // No folder could be read (the root is missing): keep scanning until it is back.
    if (folders.length === 0) folderWatch.dirty = true;
    folderWatch.last = result;
  }
  return result;
}

async function scanAndParse(absoluteRoot: string, root: string, known?: KnownFiles): Promise<{ result: LoadedArticles; folders: string[] }> {
  let listing: ReturnType<typeof listArticleFiles>;
  try {
    listing = listArticleFiles(absoluteRoot);
  } catch (error) {
    const result = {
      root: absoluteRoot,
      articles: [],
      issues: [problem("unreadable", { file: root, line: 1, field: "(folder)" }, "the articles folder", (error as Error).message)],
      signature: "missing",
      parsed: 0,
      files: [],
    };
    return { result, folders: [] };
  }

  const issues = [...listing.issues];
  const articles: Article[] = [];
  const bySlug = new Map<string, string>();
  let parsed = 0;
  const seen = new Set<string>();
  const files: LoadedArticles["files"] = [];
  for (const stamp of listing.files) {
    seen.add(stamp.absolute + "\u0000" + stamp.file);
    const { result, fresh } = parseWithCache(stamp, known);
    if (fresh) parsed++;
    files.push({ stamp, result });
    issues.push(...result.issues);
    if (!result.article) continue;
    const earlier = bySlug.get(result.article.slug);
    if (earlier) {
      issues.push(
        problem("duplicate-slug", { file: stamp.file, line: 1, field: "(file)" }, result.article.slug, earlier),
      );
      continue;
    }
    bySlug.set(result.article.slug, stamp.file);
    articles.push(result.article);
  }
  // Forget deleted files so the cache does not grow without bound.
  for (const key of parseCache.keys()) {
    if (key.startsWith(absoluteRoot) && !seen.has(key)) parseCache.delete(key);
  }

  const signature = listing.files.map((f) => `${f.file}:${f.mtimeMs}:${f.size}`).join("|");
  return { result: { root: absoluteRoot, articles, issues, signature, parsed, files }, folders: listing.folders };
}

/** The registry folder always lives in the project, whatever CONTENT_DIR says. */
export function registryDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), "content", "registry");
}
