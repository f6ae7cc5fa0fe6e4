import type { Metadata } from "next";
import { plural } from "@/lib/format";
import { listIssues } from "@/lib/queries";
import { getCorpus } from "../corpus";

export const metadata: Metadata = { title: "Content issues" };

export default async function IssuesPage() {
  const { total, groups, errors, warnings } = listIssues(await getCorpus());
  return (
    <>
      <h1>Content issues</h1>
      <p className="lede">
        {total === 0
          ? "Every article and registry file is valid."
          : `${plural(errors, "error")} and ${plural(warnings, "warning")}. A file with an error is left out of the dashboard until it is fixed; the rest keeps working. Run npm run check to see the same list in a terminal.`}
      </p>
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`kind-${group.kind}`} data-testid="content-issue-kind" data-kind={group.kind}>
          <h2 id={`kind-${group.kind}`}>
            {group.title} <span className="muted">({group.issues.length})</span>
          </h2>
          <div className="table-wrap">
            <table aria-labelledby={`kind-${group.kind}`}>
              <thead>
                <tr>
                  <th scope="col">Severity</th>
                  <th scope="col">File</th>
                  <th scope="col">Line</th>
                  <th scope="col">Field</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {group.issues.map((issue, i) => (
                  <tr key={`${issue.file}:${issue.line}:${issue.field}:${i}`} data-testid="content-issue">
                    <td>
                      <span className={`badge badge-${issue.severity}`}>{issue.severity}</span>
                    </td>
                    <td className="mono">{issue.file}</td>
                    <td>{issue.line}</td>
                    <td className="mono">{issue.field}</td>
                    <td>{issue.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
