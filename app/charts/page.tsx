import type { Metadata } from "next";
import { listArticles } from "@/lib/queries";
import { getCorpus } from "../corpus";

export const metadata: Metadata = { title: "Charts" };

export default async function ChartsPage() {
  const articles = listArticles(await getCorpus());
  const perYear = new Map<string, number>();
  for (const a of articles) perYear.set(a.date.slice(0, 4), (perYear.get(a.date.slice(0, 4)) ?? 0) + 1);
  const rows = [...perYear.entries()].sort();
  return (
    <>
      <h1>Charts</h1>
      <h2>Articles per year</h2>
      {rows.length === 0 ? (
        <p className="empty">No articles yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col">Articles</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([year, count]) => (
                <tr key={year}>
                  <td>{year}</td>
                  <td>{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
