import type { Metadata } from "next";
import Link from "next/link";
import { listActors } from "@/lib/queries";
import { getCorpus } from "../corpus";

export const metadata: Metadata = { title: "Actors" };

export default async function ActorsPage() {
  const actors = listActors(await getCorpus());
  const people = actors.filter((a) => a.kind === "person");
  const organizations = actors.filter((a) => a.kind === "organization");
  return (
    <>
      <h1>Actors</h1>
      <p className="lede">Countries, organisations and people named in the articles.</p>
      {[
        { title: "Organisations and countries", list: organizations },
        { title: "People", list: people },
      ].map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h2>{group.title}</h2>
          {group.list.length === 0 ? (
            <p className="empty">None yet.</p>
          ) : (
            <ul className="list">
              {group.list.map((a) => (
                <li key={a.id}>
                  <Link href={`/actors/${encodeURIComponent(a.id)}`}>{a.name}</Link>
                  <span className="meta">
                    {" "}
                    · {a.title ?? a.type} · {a.articles} article{a.articles === 1 ? "" : "s"}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
