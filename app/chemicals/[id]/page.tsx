import type { Metadata } from "next";
import { ExportLinks } from "@/components/ExportLinks";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartFigure } from "@/components/charts/ChartFigure";
import { ArticleList, QuoteList } from "@/components/EntityLists";
import { EntryList } from "@/components/TimelineEntries";
import { plural } from "@/lib/format";
import { getChemical } from "@/lib/queries";
import { getCorpus } from "../../corpus";

/** Ids are looked up in the corpus maps, never used as paths. */
async function load(params: PageProps<"/chemicals/[id]">["params"]) {
  const { id } = await params;
  return getChemical(await getCorpus(), decodeURIComponent(id));
}

export async function generateMetadata({ params }: PageProps<"/chemicals/[id]">): Promise<Metadata> {
  const view = await load(params);
  return { title: view?.name ?? "Chemical not found" };
}

export default async function ChemicalPage({ params }: PageProps<"/chemicals/[id]">) {
  const view = await load(params);
  if (!view) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/chemicals">Chemicals</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>{view.name}</h1>
      <dl className="facts">
        <div>
          <dt>Role</dt>
          <dd>{view.role ?? "unclassified"}</dd>
        </div>
        <div>
          <dt>CAS number</dt>
          <dd className="mono">{view.cas ?? "not recorded"}</dd>
        </div>
        <div>
          <dt>In the articles</dt>
          <dd>
            {plural(view.counts.articles, "article")}, {plural(view.counts.events, "event")}
          </dd>
        </div>
        {view.aliases.length > 0 && (
          <div className="facts-wide">
            <dt>Also written</dt>
            <dd>{view.aliases.join(" · ")}</dd>
          </div>
        )}
      </dl>
      {view.description && <p className="lede">{view.description}</p>}
      {!view.registered && <p className="notice">This name was found in the articles but is not in the chemical registry.</p>}
      <p className="page-links">
        <Link href={view.timelineHref}>Timeline of {view.name}</Link> · <Link href={view.chartsHref}>Charts filtered to {view.name}</Link>
      </p>
      <ExportLinks links={view.exports} what={`every timeline entry naming ${view.name}`} />

      <h2>Control history</h2>
      {view.controls.length === 0 ? (
        <p className="empty">No control action is recorded for this chemical in the registry.</p>
      ) : (
        <>
          <ChartFigure spec={view.controlChart} headingLevel={3} />
          <div className="table-wrap">
            <table data-testid="control-history">
              <caption className="visually-hidden">Control actions by jurisdiction</caption>
              <thead>
                <tr>
                  <th scope="col">Jurisdiction</th>
                  <th scope="col">Instrument</th>
                  <th scope="col">Announced</th>
                  <th scope="col">In effect</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {view.controls.map((c, i) => (
                  <tr key={i}>
                    <th scope="row">
                      <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
                      <Link href={c.jurisdictionHref}>{c.jurisdictionName}</Link>
                    </th>
                    <td>
                      {c.instrument}
                      {c.note && <div className="meta">{c.note}</div>}
                    </td>
                    <td>{c.announced ?? "–"}</td>
                    <td>{c.effective ?? "–"}</td>
                    <td>
                      <a href={c.source} rel="noopener noreferrer nofollow" target="_blank">
                        Source<span className="visually-hidden"> for {c.jurisdictionName}, {c.instrument} (opens in a new tab)</span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2>Mentions over time</h2>
      <ChartFigure spec={view.mentionsChart} headingLevel={3} />

      <div className="two-col">
        <section aria-labelledby="related-actors">
          <h2 id="related-actors">Related actors</h2>
          {view.relatedActors.length === 0 ? (
            <p className="empty">No actor is named in the same articles yet.</p>
          ) : (
            <ul className="chips" aria-label="Actors named in the same articles">
              {view.relatedActors.map((a) => (
                <li key={a.id}>
                  <Link href={a.href} className="chip chip-actor">
                    {a.name} <span className="chip-count">{a.count}</span>
                    <span className="visually-hidden"> articles in common</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="figures">
          <h2 id="figures">Figures</h2>
          {view.statistics.length === 0 ? (
            <p className="empty">No figure is reported in the same sentences yet.</p>
          ) : (
            <ul className="plain-list">
              {view.statistics.map((s, i) => (
                <li key={i}>
                  <Link href={s.href}>{s.text}</Link>
                  {s.measure && <span className="meta"> {s.measure}</span>}
                  <span className="meta"> · {s.date}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <h2>Quotes</h2>
      <QuoteList quotes={view.quotes} empty="No quotes from the articles about this chemical yet." />

      <h2>Events</h2>
      <EntryList entries={view.entries} empty="No dated events name this chemical." />
      {view.counts.events > view.entries.length && (
        <p>
          <Link href={view.timelineHref}>All {plural(view.counts.events, "event")} on the timeline</Link>
        </p>
      )}

      <h2>Articles</h2>
      <ArticleList articles={view.articles} total={view.counts.articles} empty="No article names this chemical yet." />
    </>
  );
}
