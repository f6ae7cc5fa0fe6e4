import type { Metadata } from "next";
import Link from "next/link";
import { ExportLinks } from "@/components/ExportLinks";
import { Problems } from "@/components/Problems";
import { getFlagsPage } from "@/lib/queries";
import { getCorpus } from "../corpus";

export const metadata: Metadata = { title: "Flags" };

/** Flags by kind, filtered by kind, actor and chemical through a plain GET form. */
export default async function FlagsPage({ searchParams }: PageProps<"/flags">) {
  const view = getFlagsPage(await getCorpus(), await searchParams);
  const { filters } = view;
  return (
    <>
      <h1>Flags</h1>
      <p className="lede">
        What the articles say that does not add up: titles out of their time, controls against the registry, dates and figures the sources dispute, and
        past events dated after the article. Flags are warnings about the news, not errors in the files.
      </p>
      <Problems problems={view.problems} />
      <form className="flag-filters" method="get" action="/flags" aria-label="Filter flags">
        <label>
          Kind
          <select name="kind" defaultValue={filters.kind}>
            <option value="">Every kind</option>
            {filters.kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label} ({k.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Actor
          <select name="actor" defaultValue={filters.actor}>
            <option value="">Any actor</option>
            {filters.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Chemical
          <select name="chemical" defaultValue={filters.chemical}>
            <option value="">Any chemical</option>
            {filters.chemicals.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.count})
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Apply filters</button>
        {filters.active && <Link href="/flags">Clear filters</Link>}
      </form>
      <p className="results-summary" role="status" data-testid="flags-summary">
        {view.summary}
      </p>
      {view.total > 0 && <ExportLinks links={view.exports} what={view.total === view.totalAll ? "every flag" : "the matching flags"} />}
      {view.totalAll > 0 && view.total === 0 && <p className="empty">No flag matches these filters. Remove a filter to see more.</p>}
      {view.groups.map((g) => (
        <section key={g.kind} aria-labelledby={`kind-${g.kind}`}>
          <h2 id={`kind-${g.kind}`}>
            {g.label} <span className="chip-count">{g.flags.length}</span>
          </h2>
          <p className="meta">{g.description}</p>
          <ol className="flag-list">
            {g.flags.map((f) => (
              <li key={f.id} id={f.anchor} data-testid="flag" data-kind={f.kind}>
                <p>
                  <span className={`badge badge-${f.severity === "warning" ? "warning" : "flag"}`}>{f.severity}</span>{" "}
                  {f.text && <q className="flag-words">{f.text}</q>} {f.message}
                </p>
                <p className="meta">
                  <Link href={f.href} aria-label={`Read the flagged sentence in “${f.article.title}”`}>
                    {f.article.title}
                  </Link>{" "}
                  · <time dateTime={f.article.date}>{f.article.dateLabel}</time>
                  {f.reference && (
                    <>
                      {" · "}
                      <a href={f.reference} rel="noopener noreferrer nofollow" target="_blank">
                        Registry source<span className="visually-hidden"> (opens in a new tab)</span>
                      </a>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
