import type { Metadata } from "next";
import Link from "next/link";
import { formatPartialDate, plural } from "@/lib/format";
import { listArticles } from "@/lib/queries";
import { getCorpus } from "../corpus";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage() {
  const articles = listArticles(await getCorpus());
  return (
    <>
      <h1>Articles</h1>
      <p className="lede">{plural(articles.length, "article")}, newest first.</p>
      {articles.length === 0 ? (
        <p className="empty">No articles yet: add Markdown files to content/articles/.</p>
      ) : (
        <ul className="list" aria-label="Articles">
          {articles.map((a) => (
            <li key={a.slug}>
              <Link href={`/articles/${encodeURIComponent(a.slug)}`} style={{ fontWeight: 600 }}>
                {a.title}
              </Link>
              <div className="meta">
                <time dateTime={a.date}>{formatPartialDate(a.date)}</time> · {a.source} · {plural(a.counts.chemicals, "chemical")},{" "}
                {plural(a.counts.officials, "person", "people")}, {plural(a.counts.statistics, "figure")}, {plural(a.counts.events, "event")}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
