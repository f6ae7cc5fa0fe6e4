import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartFigure } from "@/components/charts/ChartFigure";
import { EntityHeader, EntityRecords, MentionsOverTime } from "@/components/EntityPage";
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
      <EntityHeader
        view={view}
        section={{ href: "/chemicals", label: "Chemicals" }}
        aliasesLabel="Also written"
        registry="chemical"
        facts={
          <>
            <div>
              <dt>Role</dt>
              <dd>{view.role ?? "unclassified"}</dd>
            </div>
            <div>
              <dt>CAS number</dt>
              <dd className="mono">{view.cas ?? "not recorded"}</dd>
            </div>
          </>
        }
      >
        {view.description && <p className="lede">{view.description}</p>}
      </EntityHeader>

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

      <MentionsOverTime view={view} />

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

      <EntityRecords view={view} noQuotes="No quotes from the articles about this chemical yet." noun="chemical" />
    </>
  );
}
