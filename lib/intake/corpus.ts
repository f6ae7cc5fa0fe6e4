/**
 * What is already in the articles folder, for "never written over" and "already
 * imported": every file's name, URL and text hash. Files that `npm run check` rejects
 * count too (an undated import is still the same story).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { listArticleFiles } from "../content/loader";
import type { Draft } from "../schema";
import { checkRendered, contentHash, renderArticle, urlKey } from "./render";
import { articleFileName } from "./slug";

export interface CorpusIndex {
  /** URL key -> file (relative to the folder). */
  urls: Map<string, string>;
  /** Text hash -> file. */
  hashes: Map<string, string>;
  /** Every file name without `.md`, lower case, in any subfolder: a new slug must differ. */
  names: Set<string>;
}

export function emptyIndex(): CorpusIndex {
  return { urls: new Map(), hashes: new Map(), names: new Set() };
}

/** Adds one article file's text to the index. Pure. */
export function addToIndex(index: CorpusIndex, file: string, text: string): void {
  index.names.add(path.posix.basename(file).replace(/\.md$/i, "").toLowerCase());
  let body = text;
  let url: unknown;
  try {
    const parsed = matter(text.replace(/\r\n?/g, "\n"));
    body = parsed.content;
    url = (parsed.data as Record<string, unknown>).url;
  } catch {
    // Unreadable frontmatter: the whole text is what we compare.
  }
  const key = typeof url === "string" ? urlKey(url) : undefined;
  if (key && !index.urls.has(key)) index.urls.set(key, file);
  if (body.trim()) {
    const hash = contentHash(body);
    if (!index.hashes.has(hash)) index.hashes.set(hash, file);
  }
}

/** Reads every `*.md` under the folder (a missing folder is an empty corpus). */
export function readCorpusIndex(folder: string): CorpusIndex {
  const index = emptyIndex();
  let listing: ReturnType<typeof listArticleFiles>;
  try {
    listing = listArticleFiles(folder);
  } catch {
    return index;
  }
  for (const stamp of listing.files) {
    try {
      addToIndex(index, stamp.file, readFileSync(stamp.absolute, "utf8"));
    } catch {
      index.names.add(path.posix.basename(stamp.file).replace(/\.md$/i, "").toLowerCase());
    }
  }
  return index;
}

export type Plan =
  | { kind: "write"; name: string; text: string; problems: string[] }
  | { kind: "duplicate"; of: string; by: "URL" | "text" }
  | { kind: "invalid"; problems: string[] };

/**
 * What to do with a draft: a duplicate of a file in the corpus (same URL or same text),
 * or a new file name and the file's text, with the problems `npm run check` will name.
 * With `strict`, a draft with any problem is not written. Pure.
 */
export function planArticle(draft: Draft, index: CorpusIndex, options: { strict?: boolean } = {}): Plan {
  const key = urlKey(draft.url);
  if (key && index.urls.has(key)) return { kind: "duplicate", of: index.urls.get(key)!, by: "URL" };
  if (!draft.body.trim()) return { kind: "invalid", problems: ["body: no article text was found"] };
  const hash = contentHash(draft.body);
  if (index.hashes.has(hash)) return { kind: "duplicate", of: index.hashes.get(hash)!, by: "text" };
  const name = articleFileName(draft.title || draft.body.slice(0, 80), draft.date, index.names);
  const text = renderArticle(draft);
  const issues = checkRendered(name, text);
  const problems = [...new Set([...draft.problems.map((p) => `${p.field}: ${p.message}`), ...issues.filter((i) => !draft.problems.some((p) => p.field === i.field)).map((i) => `${i.field}: ${i.message}`)])];
  if (options.strict && problems.length) return { kind: "invalid", problems };
  return { kind: "write", name, text, problems };
}

/**
 * Writes a planned file without ever replacing one (exclusive create; a name taken in the
 * meantime gets the next suffix), and records it in the index. Returns the name written.
 */
export function writePlanned(folder: string, plan: Extract<Plan, { kind: "write" }>, draft: Draft, index: CorpusIndex): string {
  mkdirSync(folder, { recursive: true });
  let name = plan.name;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path.join(folder, name), plan.text, { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 50) throw error;
      index.names.add(name.replace(/\.md$/i, "").toLowerCase());
      name = articleFileName(draft.title || draft.body.slice(0, 80), draft.date, index.names);
    }
  }
  addToIndex(index, name, plan.text);
  return name;
}
