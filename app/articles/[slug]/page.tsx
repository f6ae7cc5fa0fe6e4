import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/ArticleBody";
import { EventList } from "@/components/EventList";
import { RecordPanel } from "@/components/RecordPanel";
import { getArticleView } from "@/lib/queries";
import { getCorpus } from "../../corpus";

async function load(props: Pick<PageProps<"/articles/[slug]">, "params" | "searchParams">) {
  const { slug } = await props.params;
  const { sentence } = await props.searchParams;
  const focus = typeof sentence === "string" && /^\d{1,6}$/.test(sentence) ? Number(sentence) : undefined;
  // Slugs are looked up in the corpus map, never joined into a path.
  return getArticleView(await getCorpus(), decodeURIComponent(slug), focus);
}

export async function generateMetadata(props: PageProps<"/articles/[slug]">): Promise<Metadata> {
  const view = await load(props);
  return { title: view ? view.summary.title : "Article not found" };
}

export default async function ArticlePage(props: PageProps<"/articles/[slug]">) {
  const view = await load(props);
  if (!view) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/articles">Articles</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>{view.summary.title}</h1>
      <p className="meta article-meta">
        <time dateTime={view.summary.date}>{view.summary.dateLabel}</time> · {view.summary.source}
        {view.url && (
          <>
            {" · "}
            <a href={view.url} rel="noopener noreferrer nofollow" target="_blank">
              Original report<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </>
        )}
      </p>
      {view.flags.length > 0 && (
        <section className="article-flags" aria-labelledby="article-flags" data-testid="article-flags">
          <h2 id="article-flags" className="flag-kind">
            <span aria-hidden="true">⚑ </span>
            {view.flags.length === 1 ? "1 flag" : `${view.flags.length} flags`} on this article
          </h2>
          <ul>
            {view.flags.map((f) => (
              <li key={f.id}>
                <span className="flag-kind">{f.kindLabel}:</span> {f.text && <q>{f.text}</q>} {f.message}{" "}
                <Link href={f.href} aria-label={`Show the flagged sentence (${f.kindLabel.toLowerCase()})`}>
                  in text
                </Link>
              </li>
            ))}
          </ul>
          <p className="meta">
            Flags are warnings about the news, not errors in the file. <Link href="/flags">All flags</Link>
          </p>
        </section>
      )}
      {view.focusMissing && (
        <p className="notice" role="status">
          The linked sentence is not in this version of the article; it may have been edited.
        </p>
      )}
      <div className="article-layout">
        <div>
          <ArticleBody body={view.body} marks={view.marks} sentences={view.sentences} focus={view.focus} flagged={view.flags.map((f) => f.sentence)} />
          <h2>Events in this article</h2>
          <EventList events={view.events} empty="No dated event was found in this article." />
        </div>
        <RecordPanel groups={view.groups} />
      </div>
    </>
  );
}
