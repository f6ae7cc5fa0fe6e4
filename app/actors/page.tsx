import type { Metadata } from "next";
import Link from "next/link";
import { plural } from "@/lib/format";
import { listActors, type ActorSummary } from "@/lib/queries";
import { getCorpus } from "../corpus";

export const metadata: Metadata = { title: "Actors" };

function ActorTable({ actors, person, caption }: { actors: ActorSummary[]; person: boolean; caption: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">{person ? "Latest title" : "Type"}</th>
            <th scope="col">Country</th>
            <th scope="col" className="num">
              Articles
            </th>
            <th scope="col" className="num">
              Events
            </th>
          </tr>
        </thead>
        <tbody>
          {actors.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link href={a.href}>{a.name}</Link>
                {!a.registered && <span className="meta"> (not in registry)</span>}
              </th>
              <td>{person ? (a.title ?? "–") : a.typeLabel}</td>
              <td>{a.country ? <Link href={a.country.href}>{a.country.name}</Link> : "–"}</td>
              <td className="num">{a.articles.toLocaleString("en-US")}</td>
              <td className="num">{a.events.toLocaleString("en-US")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function ActorsPage() {
  const actors = listActors(await getCorpus());
  const people = actors.filter((a) => a.kind === "person");
  const organizations = actors.filter((a) => a.kind === "organization");
  return (
    <>
      <h1>Actors</h1>
      <p className="lede">
        {plural(organizations.length, "country or organisation", "countries and organisations")} and {plural(people.length, "person", "people")} named in the
        articles or the registry. Most written about first.
      </p>
      <section aria-labelledby="organizations">
        <h2 id="organizations">Countries and organisations</h2>
        {organizations.length === 0 ? (
          <p className="empty">None yet: add them to content/registry/actors.yaml.</p>
        ) : (
          <ActorTable actors={organizations} person={false} caption="Countries and organisations" />
        )}
      </section>
      <section aria-labelledby="people">
        <h2 id="people">People</h2>
        {people.length === 0 ? <p className="empty">No people found yet.</p> : <ActorTable actors={people} person caption="People" />}
      </section>
    </>
  );
}
