import Link from "next/link";
import { plural } from "@/lib/format";

/** Articles that name an entity, newest first. */
export function ArticleList({
  articles,
  total,
  empty,
}: {
  articles: { slug: string; title: string; href: string; date: string; dateLabel: string; source: string; mentions: number }[];
  total: number;
  empty: string;
}) {
  if (articles.length === 0) return <p className="empty">{empty}</p>;
  return (
    <>
      <ul className="plain-list article-list">
        {articles.map((a) => (
          <li key={a.slug}>
            <Link href={a.href}>{a.title}</Link>
            <span className="meta">
              {" "}
              · {a.source}, <time dateTime={a.date}>{a.dateLabel}</time> · {plural(a.mentions, "mention")}
            </span>
          </li>
        ))}
      </ul>
      {total > articles.length && <p className="meta">And {plural(total - articles.length, "older article")}.</p>}
    </>
  );
}

/** Quotes, each linked to the sentence it was said in. */
export function QuoteList({
  quotes,
  empty,
}: {
  quotes: { text: string; speaker?: string; speakerHref?: string; article: string; date: string; href: string }[];
  empty: string;
}) {
  if (quotes.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="quotes">
      {quotes.map((q, i) => (
        <li key={i}>
          <blockquote>“{q.text}”</blockquote>
          <p className="meta">
            {q.speaker && (q.speakerHref ? <Link href={q.speakerHref}>{q.speaker}</Link> : q.speaker)}
            {q.speaker && " · "}
            <Link href={q.href}>{q.article}</Link>, {q.date}
          </p>
        </li>
      ))}
    </ul>
  );
}
