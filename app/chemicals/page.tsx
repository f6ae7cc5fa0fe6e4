import type { Metadata } from "next";
import Link from "next/link";
import { listChemicals } from "@/lib/queries";
import { getCorpus } from "../corpus";

export const metadata: Metadata = { title: "Chemicals" };

export default async function ChemicalsPage() {
  const chemicals = listChemicals(await getCorpus());
  return (
    <>
      <h1>Chemicals</h1>
      <p className="lede">Registered chemicals and drugs, and unregistered ones found in the articles.</p>
      {chemicals.length === 0 ? (
        <p className="empty">No chemicals: add them to content/registry/chemicals.yaml.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">CAS</th>
                <th scope="col">Role</th>
                <th scope="col">Controls</th>
                <th scope="col">Articles</th>
              </tr>
            </thead>
            <tbody>
              {chemicals.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/chemicals/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                    {!c.registered && <span className="meta"> (not in registry)</span>}
                  </td>
                  <td className="mono">{c.cas ?? "—"}</td>
                  <td>{c.role ?? "—"}</td>
                  <td>{c.controls}</td>
                  <td>{c.articles}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
