import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventList } from "@/components/EventList";
import { formatPartialDate } from "@/lib/format";
import { getChemical } from "@/lib/queries";
import { getCorpus } from "../../corpus";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const view = getChemical(await getCorpus(), decodeURIComponent(id));
  return { title: view?.summary.name ?? "Chemical not found" };
}

export default async function ChemicalPage({ params }: Props) {
  const { id } = await params;
  const view = getChemical(await getCorpus(), decodeURIComponent(id));
  if (!view) notFound();
  const { summary } = view;
  return (
    <>
      <p className="meta">
        <Link href="/chemicals">Chemicals</Link> /
      </p>
      <h1>{summary.name}</h1>
      <p className="lede">
        {summary.role ?? "unclassified"}
        {summary.cas && ` · CAS ${summary.cas}`}
        {!summary.registered && " · not in the registry"}
        {view.aliases.length > 0 && ` · also: ${view.aliases.join(", ")}`}
      </p>
      <h2>Control history</h2>
      {view.controls.length === 0 ? (
        <p className="empty">No control actions recorded in the registry.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Jurisdiction</th>
                <th scope="col">Instrument</th>
                <th scope="col">Announced</th>
                <th scope="col">Effective</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {view.controls.map((c, i) => (
                <tr key={i}>
                  <td>
                    <Link href={`/actors/${encodeURIComponent(c.jurisdiction)}`}>{c.jurisdictionName}</Link>
                  </td>
                  <td>{c.instrument}</td>
                  <td>{c.announced ? formatPartialDate(c.announced) : "—"}</td>
                  <td>{c.effective ? formatPartialDate(c.effective) : "—"}</td>
                  <td>
                    <a href={c.source} rel="noopener noreferrer nofollow" target="_blank">
                      source
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Events</h2>
      <EventList events={view.events} empty="No dated events mention this chemical." />
    </>
  );
}
