/**
 * The corpus: every valid article with its extracted records, plus every content issue.
 * Built per request from caches: unchanged files are neither re-read nor re-extracted
 * (memory, keyed by path, mtime and size), and with a disk cache a restart on an
 * unchanged corpus does not re-extract either (disk, keyed by content hash).
 */
import { hashKey, DiskCache } from "./cache/disk-cache";
import { articlesDir, loadArticles, registryDir } from "./content/loader";
import { extractAll } from "./extract";
import type { Registries } from "./extract/context";
import { loadRegistries } from "./registry";
import type { Article, ContentIssue, Extraction } from "./schema";

export interface CorpusArticle {
  article: Article;
  extraction: Extraction;
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
  /** Persist extractions under `dir`; `version` must change whenever extraction code does. */
  diskCache?: { dir: string; version: string };
  /** Watch the articles folder instead of scanning it on every load (long-running servers). */
  watch?: boolean;
}

/** Extractions per article object and registry object; both stay the same while unchanged. */
const extractionCache = new WeakMap<Article, { registries: Registries; extraction: Extraction }>();

export function extractArticle(article: Article, registries: Registries): Extraction {
  const cached = extractionCache.get(article);
  if (cached && cached.registries === registries) return cached.extraction;
  const extraction = extractAll(article.body, { slug: article.slug, date: article.date, registries });
  extractionCache.set(article, { registries, extraction });
  return extraction;
}

const EXTRACTION_KEYS = ["chemicals", "dates", "officials", "actors", "statistics", "quotes", "events"] as const;

/** Cheap structural check: a cache file must hold every record list, or it is rebuilt. */
function looksLikeExtraction(value: unknown): value is Extraction {
  if (!value || typeof value !== "object") return false;
  return EXTRACTION_KEYS.every((key) => Array.isArray((value as Record<string, unknown>)[key]));
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

async function extractWithDiskCache(article: Article, registries: Registries, disk: { cache: DiskCache<Extraction>; version: string }) {
  const memory = extractionCache.get(article);
  if (memory && memory.registries === registries) return memory.extraction;
  const key = hashKey(disk.version, registryHash(registries), JSON.stringify(article));
  let extraction = await disk.cache.get(key);
  if (!extraction) {
    extraction = extractAll(article.body, { slug: article.slug, date: article.date, registries });
    await disk.cache.set(key, extraction);
  }
  extractionCache.set(article, { registries, extraction });
  return extraction;
}

const diskCaches = new Map<string, DiskCache<Extraction>>();
let lastCorpus: Corpus | undefined;

export async function loadCorpus(options: CorpusOptions = {}): Promise<Corpus> {
  const [loaded, registry] = await Promise.all([
    loadArticles(options.articles ?? articlesDir(), { watch: options.watch }),
    loadRegistries(options.registry ?? registryDir()),
  ]);
  const signature = `${loaded.root}|${registry.signature}|${loaded.signature}`;
  if (lastCorpus && lastCorpus.signature === signature) return lastCorpus;

  let disk: { cache: DiskCache<Extraction>; version: string } | undefined;
  if (options.diskCache) {
    const { dir, version } = options.diskCache;
    if (!diskCaches.has(dir)) diskCaches.set(dir, new DiskCache(dir, looksLikeExtraction));
    disk = { cache: diskCaches.get(dir)!, version };
  }

  const articles: CorpusArticle[] = [];
  for (const article of loaded.articles) {
    const extraction = disk ? await extractWithDiskCache(article, registry.registries, disk) : extractArticle(article, registry.registries);
    articles.push({ article, extraction });
  }
  articles.sort((a, b) =>
    a.article.date < b.article.date ? 1 : a.article.date > b.article.date ? -1 : a.article.slug.localeCompare(b.article.slug),
  );
  lastCorpus = {
    articles,
    bySlug: new Map(articles.map((a) => [a.article.slug, a])),
    issues: [...registry.issues, ...loaded.issues],
    registries: registry.registries,
    signature,
  };
  return lastCorpus;
}
