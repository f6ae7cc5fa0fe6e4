import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/ArticleBody";
import { formatPartialDate } from "@/lib/format";
import { getArticleView } from "@/lib/queries";
import { splitSentences } from "@/lib/text/sentences";
import { getCorpus } from "../../corpus";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ sentence?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const view = getArticleView(await getCorpus(), decodeURIComponent(slug));
  return { title: view ? view.summary.title : "Article not found" };
}

const KINDS = [
  { kind: "chemical", label: "Chemical" },
  { kind: "official", label: "Person" },
  { kind: "actor", label: "Organisation" },
  { kind: "date", label: "Date" },
  { kind: "statistic", label: "Figure" },
] as const;

export default async function ArticlePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { sentence } = await searchParams;
  // Slugs are looked up in the corpus map, never joined into a path.
  const view = getArticleView(await getCorpus(), decodeURIComponent(slug));
  if (!view) notFound();
  const focus = typeof sentence === "string" && /^\d+$/.test(sentence) ? Number(sentence) : undefined;
  const sentences = splitSentences(view.body).map((s) => ({ index: s.index, start: s.start, end: s.end }));
  const marks = view.highlights.map((h) => ({ start: h.start, end: h.end, kind: h.kind, label: h.label }));
  return (
    <>
      <p className="meta">
        <Link href="/articles">Articles</Link> /
      </p>
      <h1>{view.summary.title}</h1>
      <p className="meta">
        <time dateTime={view.summary.date}>{formatPartialDate(view.summary.date)}</time> · {view.summary.source}
        {view.url && (
          <>
            {" · "}
            <a href={view.url} rel="noopener noreferrer nofollow" target="_blank">
              Original report
            </a>
          </>
        )}
      </p>
      <div className="article-layout">
        <ArticleBody body={view.body} marks={marks} sentences={sentences} focus={focus} />
        <aside aria-label="Extracted records" className="card">
          <h2 style={{ marginTop: 0 }}>Records</h2>
          <p className="meta">
            {KINDS.map((k) => (
              <span key={k.kind} className={`legend-key record record-${k.kind}`} style={{ background: `var(--mark-${k.kind})` }}>
                {k.label}
              </span>
            ))}
          </p>
          {view.highlights.length === 0 ? (
            <p className="muted">Nothing was extracted from this article.</p>
          ) : (
            <ul className="list" style={{ fontSize: "0.92rem" }}>
              {view.highlights.map((h) => (
                <li key={`${h.kind}-${h.start}`} style={{ padding: "0.4rem 0.6rem", marginBottom: "0.35rem" }}>
                  <span className="badge">{KINDS.find((k) => k.kind === h.kind)?.label ?? h.kind}</span>{" "}
                  {h.href ? <Link href={h.href}>{h.label}</Link> : h.label}{" "}
                  <a className="meta" href={`#s-${sentences.find((s) => h.start >= s.start && h.start < s.end)?.index ?? 0}`}>
                    in text
                  </a>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </>
  );
}
