/**
 * The corpus: every valid article with its extracted records, plus every content issue.
 * Built per request from caches: unchanged files are neither re-read nor re-extracted.
 */
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

/** Extractions per article object and registry object; both stay the same while unchanged. */
const extractionCache = new WeakMap<Article, { registries: Registries; extraction: Extraction }>();

export function extractArticle(article: Article, registries: Registries): Extraction {
  const cached = extractionCache.get(article);
  if (cached && cached.registries === registries) return cached.extraction;
  const extraction = extractAll(article.body, { slug: article.slug, date: article.date, registries });
  extractionCache.set(article, { registries, extraction });
  return extraction;
}

let lastCorpus: Corpus | undefined;

export async function loadCorpus(options: { articles?: string; registry?: string } = {}): Promise<Corpus> {
  const [loaded, registry] = await Promise.all([
    loadArticles(options.articles ?? articlesDir()),
    loadRegistries(options.registry ?? registryDir()),
  ]);
  const signature = `${loaded.root}|${registry.signature}|${loaded.signature}`;
  if (lastCorpus && lastCorpus.signature === signature) return lastCorpus;

  const articles = loaded.articles
    .map((article) => ({ article, extraction: extractArticle(article, registry.registries) }))
    .sort((a, b) => (a.article.date < b.article.date ? 1 : a.article.date > b.article.date ? -1 : a.article.slug.localeCompare(b.article.slug)));
  lastCorpus = {
    articles,
    bySlug: new Map(articles.map((a) => [a.article.slug, a])),
    issues: [...registry.issues, ...loaded.issues],
    registries: registry.registries,
    signature,
  };
  return lastCorpus;
}
