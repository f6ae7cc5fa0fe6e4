import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventList } from "@/components/EventList";
import { getActor } from "@/lib/queries";
import { getCorpus } from "../../corpus";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const view = getActor(await getCorpus(), decodeURIComponent(id));
  return { title: view?.summary.name ?? "Actor not found" };
}

export default async function ActorPage({ params }: Props) {
  const { id } = await params;
  const view = getActor(await getCorpus(), decodeURIComponent(id));
  if (!view) notFound();
  return (
    <>
      <p className="meta">
        <Link href="/actors">Actors</Link> /
      </p>
      <h1>{view.summary.name}</h1>
      <p className="lede">
        {view.summary.title ?? view.summary.type}
        {view.aliases.length > 0 && ` · also: ${view.aliases.join(", ")}`}
      </p>
      {view.titles.length > 0 && (
        <>
          <h2>Titles</h2>
          <ul>
            {view.titles.map((t, i) => (
              <li key={i}>
                {t.title}
                {t.organization && `, ${t.organization}`}
                {(t.from || t.to) && ` (${t.from ?? "?"} – ${t.to ?? "now"})`}
              </li>
            ))}
          </ul>
        </>
      )}
      {view.quotes.length > 0 && (
        <>
          <h2>Quotes</h2>
          <ul className="list">
            {view.quotes.map((q, i) => (
              <li key={i}>
                <blockquote style={{ margin: 0 }}>“{q.text}”</blockquote>
                <Link className="meta" href={`/articles/${encodeURIComponent(q.article.slug)}?sentence=${q.sentenceIndex}#s-${q.sentenceIndex}`}>
                  {q.article.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Events</h2>
      <EventList events={view.events} empty="No dated events name this actor." />
    </>
  );
}
