import type { Metadata } from "next";
import Link from "next/link";
import { plural } from "@/lib/format";
import { listArticles, pageLinks } from "@/lib/queries";
import { getCorpus } from "../corpus";

export const metadata: Metadata = { title: "Articles" };

const PER_PAGE = 100;

export default async function ArticlesPage({ searchParams }: PageProps<"/articles">) {
  const all = listArticles(await getCorpus());
  const { page: raw } = await searchParams;
  const pageCount = Math.max(1, Math.ceil(all.length / PER_PAGE));
  const asked = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  const page = Math.min(Math.max(1, asked), pageCount);
  const articles = all.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const href = (p: number) => (p === 1 ? "/articles" : `/articles?page=${p}`);
  return (
    <>
      <h1>Articles</h1>
      <p className="lede">
        {plural(all.length, "article")}, newest first.
        {pageCount > 1 && ` Page ${page} of ${pageCount}.`}
      </p>
      {articles.length === 0 ? (
        <p className="empty">No articles yet: add Markdown files to content/articles/.</p>
      ) : (
        <ul className="article-cards" aria-label="Articles">
          {articles.map((a) => (
            <li key={a.slug}>
              <Link href={a.href} className="article-title">
                {a.title}
              </Link>
              <div className="meta">
                <time dateTime={a.date}>{a.dateLabel}</time> · {a.source}
              </div>
              <div className="meta counts">
                {plural(a.counts.events, "event")} · {plural(a.counts.chemicals, "chemical")} · {plural(a.counts.officials, "person", "people")} ·{" "}
                {plural(a.counts.actors, "organisation")} · {plural(a.counts.statistics, "figure")} · {plural(a.counts.quotes, "quote")}
              </div>
            </li>
          ))}
        </ul>
      )}
      {pageCount > 1 && (
        <nav className="pagination" aria-label="Pages of articles">
          <ul>
            {pageLinks(page, pageCount).map((p, i) =>
              p === null ? (
                <li key={`gap-${i}`} aria-hidden="true" className="gap">
                  …
                </li>
              ) : (
                <li key={p}>
                  <Link href={href(p)} aria-current={p === page ? "page" : undefined} aria-label={`Page ${p}`}>
                    {p}
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
