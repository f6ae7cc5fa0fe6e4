import type { Metadata } from "next";
import Link from "next/link";
import { plural } from "@/lib/format";
import { listChemicals } from "@/lib/queries";
import { getCorpus } from "../corpus";

export const metadata: Metadata = { title: "Chemicals" };

export default async function ChemicalsPage() {
  const chemicals = listChemicals(await getCorpus());
  const registered = chemicals.filter((c) => c.registered).length;
  return (
    <>
      <h1>Chemicals</h1>
      <p className="lede">
        {plural(registered, "chemical")} in the registry
        {chemicals.length > registered && `, and ${plural(chemicals.length - registered, "unregistered name")} found in the articles`}. Most written about first.
      </p>
      {chemicals.length === 0 ? (
        <p className="empty">No chemicals: add them to content/registry/chemicals.yaml.</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="chemicals-table">
            <caption className="visually-hidden">Chemicals, with where they are controlled and how often they are written about</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">CAS</th>
                <th scope="col">Role</th>
                <th scope="col">Controlled in</th>
                <th scope="col" className="num">
                  Articles
                </th>
                <th scope="col" className="num">
                  Events
                </th>
              </tr>
            </thead>
            <tbody>
              {chemicals.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link href={c.href}>{c.name}</Link>
                    {!c.registered && <span className="meta"> (not in registry)</span>}
                  </th>
                  <td className="mono">{c.cas ?? "–"}</td>
                  <td>{c.role ?? "–"}</td>
                  <td>
                    {c.controlledIn.length === 0
                      ? "–"
                      : c.controlledIn.map((j, i) => (
                          <span key={j.id}>
                            {i > 0 && ", "}
                            <Link href={j.href}>{j.name}</Link>
                          </span>
                        ))}
                  </td>
                  <td className="num">{c.articles.toLocaleString("en-US")}</td>
                  <td className="num">{c.events.toLocaleString("en-US")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
