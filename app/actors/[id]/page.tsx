import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityHeader, EntityRecords, MentionsOverTime } from "@/components/EntityPage";
import { getActor } from "@/lib/queries";
import { getCorpus } from "../../corpus";

/** Ids are looked up in the corpus maps, never used as paths. */
async function load(params: PageProps<"/actors/[id]">["params"]) {
  const { id } = await params;
  return getActor(await getCorpus(), decodeURIComponent(id));
}

export async function generateMetadata({ params }: PageProps<"/actors/[id]">): Promise<Metadata> {
  const view = await load(params);
  return { title: view?.name ?? "Actor not found" };
}

export default async function ActorPage({ params }: PageProps<"/actors/[id]">) {
  const view = await load(params);
  if (!view) notFound();
  return (
    <>
      <EntityHeader
        view={view}
        section={{ href: "/actors", label: "Actors" }}
        aliasesLabel="Also called"
        registry="actor"
        facts={
          <>
            <div>
              <dt>Kind</dt>
              <dd>{view.typeLabel}</dd>
            </div>
            {view.country && (
              <div>
                <dt>Country</dt>
                <dd>
                  <Link href={view.country.href}>{view.country.name}</Link>
                </dd>
              </div>
            )}
            {view.parent && (
              <div>
                <dt>Part of</dt>
                <dd>
                  <Link href={view.parent.href}>{view.parent.name}</Link>
                </dd>
              </div>
            )}
          </>
        }
      />

      {view.kind === "person" && (
        <>
          <h2>Titles over time</h2>
          {view.titles.length === 0 ? (
            <p className="empty">No title is recorded for this person.</p>
          ) : (
            <ol className="titles">
              {view.titles.map((t, i) => (
                <li key={i}>
                  <span className="title-name">{t.title}</span>
                  {t.organization && (
                    <>
                      {", "}
                      {t.organizationHref ? <Link href={t.organizationHref}>{t.organization}</Link> : t.organization}
                    </>
                  )}
                  <span className="meta">
                    {" "}
                    · {t.period} · {t.source === "registry" ? "from the registry" : "as the articles give it"}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}

      {view.controls.length > 0 && (
        <>
          <h2>Controls put in place</h2>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Chemicals this jurisdiction controls</caption>
              <thead>
                <tr>
                  <th scope="col">Chemical</th>
                  <th scope="col">Instrument</th>
                  <th scope="col">Date</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {view.controls.map((c, i) => (
                  <tr key={i}>
                    <th scope="row">
                      <Link href={c.chemicalHref}>{c.chemical}</Link>
                    </th>
                    <td>{c.instrument}</td>
                    <td>{c.dateLabel}</td>
                    <td>
                      <a href={c.source} rel="noopener noreferrer nofollow" target="_blank">
                        Source<span className="visually-hidden"> for {c.chemical} (opens in a new tab)</span>
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

      <h2>Chemicals</h2>
      {view.chemicals.length === 0 ? (
        <p className="empty">No chemical is named in the same articles yet.</p>
      ) : (
        <ul className="chips" aria-label="Chemicals named in the same articles">
          {view.chemicals.map((c) => (
            <li key={c.id}>
              <Link href={c.href} className="chip chip-chemical">
                <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
                {c.name} <span className="chip-count">{c.count}</span>
                <span className="visually-hidden"> articles in common</span>
              </Link>
            </li>
          ))}
        </ul>
      )}

      <EntityRecords view={view} noQuotes="No quote is attributed to this actor yet." noun="actor" />
    </>
  );
}
