import type { Metadata } from "next";
import Link from "next/link";
import { ExportLinks } from "@/components/ExportLinks";
import { Marked } from "@/components/Marked";
import { plural } from "@/lib/format";
import { getArticleList } from "@/lib/queries";
import { getCorpus } from "../corpus";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({ searchParams }: PageProps<"/articles">) {
  const { page: rawPage, q: rawQ } = await searchParams;
  const q = typeof rawQ === "string" ? rawQ.slice(0, 200) : undefined;
  const asked = typeof rawPage === "string" && /^\d{1,6}$/.test(rawPage) ? Number(rawPage) : 1;
  const list = getArticleList(await getCorpus(), { q, page: asked });
  return (
    <>
      <h1>Articles</h1>
      <form className="article-search" role="search" action="/articles" method="get">
        <label htmlFor="article-q">Search the articles</label>
        <input id="article-q" type="search" name="q" defaultValue={list.q ?? ""} placeholder={'words, "a phrase", piperid*'} maxLength={200} />
        <button type="submit">Search</button>
      </form>
      {list.error && (
        <div className="notice" role="alert" data-testid="search-error">
          <p>{list.error}</p>
        </div>
      )}
      <p className="lede" role="status" data-testid="articles-summary">
        {list.q ? `${plural(list.total, "article")} match “${list.q}”, best match first.` : `${plural(list.total, "article")}, newest first.`}
        {list.pageCount > 1 && ` Page ${list.page} of ${list.pageCount}.`}
      </p>
      {list.total > 0 && <ExportLinks links={list.exports} what={list.q ? "the matching articles (all pages)" : "every article"} />}
      {list.articles.length === 0 ? (
        <p className="empty">{list.q ? "No article matches this search." : "No articles yet: add Markdown files to content/articles/."}</p>
      ) : (
        <ul className="article-cards" aria-label="Articles">
          {list.articles.map((a) => (
            <li key={a.slug}>
              <Link href={a.href} className="article-title">
                {a.title}
              </Link>
              <div className="meta">
                <time dateTime={a.date}>{a.dateLabel}</time> · {a.source}
              </div>
              {a.snippet && (
                <p className="snippet" data-testid="article-snippet">
                  <Marked parts={a.snippet} />
                </p>
              )}
              <div className="meta counts">
                {plural(a.counts.events, "event")} · {plural(a.counts.chemicals, "chemical")} · {plural(a.counts.officials, "person", "people")} ·{" "}
                {plural(a.counts.actors, "organisation")} · {plural(a.counts.statistics, "figure")} · {plural(a.counts.quotes, "quote")}
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.pageCount > 1 && (
        <nav className="pagination" aria-label="Pages of articles">
          <ul>
            {list.pages.map((p, i) =>
              p === null ? (
                <li key={`gap-${i}`} aria-hidden="true" className="gap">
                  …
                </li>
              ) : (
                <li key={p.page}>
                  <Link href={p.href} aria-current={p.current ? "page" : undefined} aria-label={`Page ${p.page}`}>
                    {p.page}
                  </Link>
                </li>
              ),
            )}
          </ul>
        </nav>
      )}
    </>
  );
}
