/**
 * The articles folder's listing: every Markdown file with its stamp (path, mtime, size),
 * which is all an ingest needs to know which files changed since the last one.
 *
 * Listing 100,000 files takes ~0.6 s of one thread (one `stat` per file). A server lists
 * its folder before its first page, so `startEarlyListing` starts listing it in a worker
 * thread while Next.js is still starting (instrumentation.ts), and the first load lists
 * the rest and takes the whole (`takeEarlyListing`). This module therefore imports
 * nothing but Node, the issue catalogue and lib/worker-source.ts: the worker loads it
 * alone, and fast.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ContentIssue } from "../schema";
import { workerSource } from "../worker-source";
import { problem } from "./issues";

export interface FileStamp {
  /** Path relative to the folder, forward slashes. */
  file: string;
  absolute: string;
  mtimeMs: number;
  size: number;
}

export interface FolderListing {
  files: FileStamp[];
  issues: ContentIssue[];
  /** Every folder visited, the root first: what a watch must cover. */
  folders: string[];
}

/** The files' stamps packed: one string of names and two arrays of numbers. */
export interface PackedStamps {
  /** The files' names, each followed by a newline (a newline or backslash in a name is escaped). */
  names: string;
  mtimes: Float64Array;
  sizes: Float64Array;
}

/**
 * A listing as a worker thread hands it over: a string and two arrays cross threads as
 * copies of their bytes, 100,000 objects one by one. Equal stamps, equal files; they are
 * turned back into objects only when something must be compared.
 */
export interface PackedListing {
  root: string;
  stamps: PackedStamps;
  /** Files reached through a link, with the absolute path of what they lead to. */
  links: [file: string, absolute: string][];
  issues: ContentIssue[];
  folders: string[];
}

/** The articles folder: CONTENT_DIR when set, else content/articles under the project. */
export function articlesDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.CONTENT_DIR || path.join(process.cwd(), "content", "articles"));
}

/**
 * A slice of the root's entries, in order, from and to a fraction of them (0 to 1): parts
 * that meet list the folder between them. The part from 0 also lists the root itself.
 */
export interface ListingPart {
  from: number;
  to: number;
}

/**
 * Lists *.md files under root (sorted), refusing symlinks that lead outside it.
 * Synchronous on purpose: at 10,000 files sync stat calls take a tenth of the time of
 * promise-based ones (measured: ~60 ms against ~600 ms). With `part`, only that slice of
 * the root's entries: the parts, joined in order, are the whole listing.
 */
export function listArticleFiles(root: string, part: ListingPart = { from: 0, to: 1 }): FolderListing {
  const files: FileStamp[] = [];
  const issues: ContentIssue[] = [];
  const folders: string[] = [];
  const realRoot = realpathSync(root);

  // Paths are joined by hand: path.join and path.relative per file were half the time of
  // listing 100,000 files (800 ms), the stat calls the other half.
  function walk(dir: string, relativeDir: string): void {
    const top = relativeDir === "";
    if (!top || part.from === 0) folders.push(dir);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (!top || part.from === 0) issues.push(problem("unreadable", { file: relativeDir || ".", line: 1, field: "(folder)" }, "folder", (error as Error).message));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (top && (part.from > 0 || part.to < 1)) entries = entries.slice(Math.floor(entries.length * part.from), Math.floor(entries.length * part.to));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const absolute = dir + path.sep + entry.name;
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      let target = absolute;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          target = realpathSync(absolute);
        } catch {
          issues.push(problem("broken-link", { file: relative, line: 1, field: "(file)" }));
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
          issues.push(problem("outside-root", { file: relative, line: 1, field: "(file)" }));
          continue;
        }
        const targetStat = statSync(target);
        isDirectory = targetStat.isDirectory();
        isFile = targetStat.isFile();
        if (isDirectory) continue; // a link to a folder inside the root would list files twice
      }
      if (isDirectory) {
        walk(absolute, relative);
      } else if (isFile && entry.name.toLowerCase().endsWith(".md")) {
        // Deleted between readdir and stat: it is simply not there any more.
        const s = statSync(target, { throwIfNoEntry: false });
        if (s) files.push({ file: relative, absolute: target, mtimeMs: s.mtimeMs, size: s.size });
      }
    }
  }

  walk(path.resolve(/* turbopackIgnore: true */ root), "");
  return { files, issues, folders };
}

/** Packs the files' stamps (see PackedStamps). */
export function packStamps(files: readonly FileStamp[]): PackedStamps {
  const names = new Array<string>(files.length + 1);
  const mtimes = new Float64Array(files.length);
  const sizes = new Float64Array(files.length);
  for (let i = 0; i < files.length; i++) {
    names[i] = escapeName(files[i].file);
    mtimes[i] = files[i].mtimeMs;
    sizes[i] = files[i].size;
  }
  names[files.length] = "";
  return { names: names.join("\n"), mtimes, sizes };
}

/** The absolute path of each file that is not where its name says (reached through a link). */
export function linksOf(root: string, files: readonly FileStamp[]): [string, string][] {
  const prefix = path.resolve(/* turbopackIgnore: true */ root) + path.sep;
  const inPlace = (f: FileStamp) =>
    f.absolute.length === prefix.length + f.file.length && f.absolute.startsWith(prefix) && f.absolute.endsWith(path.sep === "/" ? f.file : f.file.replaceAll("/", path.sep));
  return files.filter((f) => !inPlace(f)).map((f) => [f.file, f.absolute]);
}

/** The stamps of a packed listing, back as objects. */
export function unpackStamps({ root, stamps, links }: Pick<PackedListing, "root" | "stamps" | "links">): FileStamp[] {
  const prefix = path.resolve(/* turbopackIgnore: true */ root) + path.sep;
  const linked = new Map(links);
  const files: FileStamp[] = [];
  let start = 0;
  for (let i = 0; i < stamps.mtimes.length; i++) {
    const end = stamps.names.indexOf("\n", start);
    const file = unescapeName(stamps.names.slice(start, end));
    files.push({ file, absolute: linked.get(file) ?? prefix + (path.sep === "/" ? file : file.replaceAll("/", path.sep)), mtimeMs: stamps.mtimes[i], size: stamps.sizes[i] });
    start = end + 1;
  }
  return files;
}

const escapeName = (s: string) => (s.includes("\n") || s.includes("\\") ? s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n") : s);
const unescapeName = (s: string) => (s.includes("\\") ? s.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c)) : s);

/** Lists root (or a part of it), packed: what a worker thread sends back. */
export function listPacked(root: string, part?: ListingPart): PackedListing {
  const absolute = path.resolve(/* turbopackIgnore: true */ root);
  const { files, issues, folders } = listArticleFiles(absolute, part);
  return { root: absolute, stamps: packStamps(files), links: linksOf(absolute, files), issues, folders };
}

/** Whether two listings found the same files, with the same stamps, links, folders and problems. */
export function sameListing(a: PackedListing, b: PackedListing): boolean {
  const sameNumbers = (x: Float64Array, y: Float64Array) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.stamps.names === b.stamps.names &&
    sameNumbers(a.stamps.mtimes, b.stamps.mtimes) &&
    sameNumbers(a.stamps.sizes, b.stamps.sizes) &&
    JSON.stringify([a.links, a.folders, a.issues]) === JSON.stringify([b.links, b.folders, b.issues])
  );
}

/** The parts of a listing joined, in order: the listing of the whole folder. */
export function joinListings(parts: readonly PackedListing[]): PackedListing {
  const join = (arrays: Float64Array[]) => {
    const joined = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
    let at = 0;
    for (const a of arrays) {
      joined.set(a, at);
      at += a.length;
    }
    return joined;
  };
  return {
    root: parts[0].root,
    stamps: { names: parts.map((p) => p.stamps.names).join(""), mtimes: join(parts.map((p) => p.stamps.mtimes)), sizes: join(parts.map((p) => p.stamps.sizes)) },
    links: parts.flatMap((p) => p.links),
    issues: parts.flatMap((p) => p.issues),
    folders: parts.flatMap((p) => p.folders),
  };
}

/**
 * Lists root, or a part of it, in a worker thread that runs this file (see
 * lib/worker-source.ts). Undefined where workers cannot run this project's TypeScript
 * (tsx not installed); the promise rejects if the listing fails.
 */
export function listInWorker(root: string, part?: ListingPart, cwd = process.cwd()): Promise<PackedListing> | undefined {
  const source = workerSource(cwd, "lib", "content", "listing.ts");
  if (!source) return undefined;
  const bootstrap = `const { parentPort, workerData } = require("node:worker_threads");
require(workerData.loader).register();
const listing = require(workerData.entry).listPacked(workerData.root, workerData.part);
parentPort.postMessage(listing, [listing.stamps.mtimes.buffer, listing.stamps.sizes.buffer]);`;
  return new Promise<PackedListing>((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: { ...source, root, part } });
    // A server that stops meanwhile is not held up by its listing.
    worker.unref();
    worker.once("message", (listing: PackedListing) => {
      resolve(listing);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the listing worker stopped (exit code ${code})`)));
  });
}

/**
 * How long the worker's part of an early listing may wait for the first load. The
 * folder's watch starts only then, and a check after it (see listIfChanged in
 * ./loader.ts) catches what changed in between; an older part is listed again instead.
 */
export const EARLY_LISTING_MAX_AGE_MS = 30_000;

interface EarlyListing {
  finished?: number;
  workersPart: Promise<PackedListing | undefined>;
}

/**
 * Early listings by absolute root, on `globalThis`: Next.js bundles instrumentation.ts
 * apart from the pages, each with its own copy of this module.
 */
function earlyListings(): Map<string, EarlyListing> {
  const key = Symbol.for("precursor-watch.early-listings");
  const holder = globalThis as typeof globalThis & { [key: symbol]: Map<string, EarlyListing> | undefined };
  return (holder[key] ??= new Map());
}

/**
 * The worker's share of an early listing: it starts while the main thread still loads the
 * first page, so it takes more than half (measured at 100,000 files, half each: the worker
 * was done 0.1-0.2 s before the main thread).
 */
const WORKER_SHARE = 0.6;

/**
 * Starts listing the first part of root's entries in a worker thread, for the first load
 * to take (server start); resolves when the worker is done. The rest is listed by the
 * thread that takes it, which has nothing else to do by then: on two cores, two workers
 * listing while Next.js loads the first page slowed that page down.
 */
export function startEarlyListing(root: string): Promise<void> {
  const absolute = path.resolve(/* turbopackIgnore: true */ root);
  const workersPart = listInWorker(absolute, { from: 0, to: WORKER_SHARE });
  if (!workersPart) return Promise.resolve();
  const early: EarlyListing = {
    workersPart: workersPart.then(
      (listing) => {
        early.finished = Date.now();
        return listing;
      },
      // The first load lists the folder itself, and reports what is wrong with it.
      () => undefined,
    ),
  };
  earlyListings().set(absolute, early);
  return early.workersPart.then(() => undefined);
}

/**
 * The early listing of root, once, completed in this thread: undefined when none was
 * started, or when any part of it fails (then the caller lists the folder itself).
 */
export async function takeEarlyListing(root: string): Promise<PackedListing | undefined> {
  const absolute = path.resolve(/* turbopackIgnore: true */ root);
  const early = earlyListings().get(absolute);
  if (!early) return undefined;
  earlyListings().delete(absolute);
  try {
    const restOfIt = listPacked(absolute, { from: WORKER_SHARE, to: 1 });
    let workersPart = await early.workersPart;
    if (!workersPart) return undefined;
    if (Date.now() - early.finished! > EARLY_LISTING_MAX_AGE_MS) workersPart = listPacked(absolute, { from: 0, to: WORKER_SHARE });
    return joinListings([workersPart, restOfIt]);
  } catch {
    return undefined;
  }
}
