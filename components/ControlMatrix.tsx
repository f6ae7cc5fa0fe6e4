import Link from "next/link";
import type { ControlMatrixView } from "@/lib/queries";

/** Chemicals by jurisdiction; each cell is the first date of control, linked to its source. */
export function ControlMatrix({ matrix }: { matrix: ControlMatrixView }) {
  if (matrix.rows.length === 0) return <p className="empty">No control actions are recorded in the chemical registry yet.</p>;
  return (
    <div className="table-wrap matrix-wrap">
      <table className="matrix" data-testid="control-matrix">
        <caption className="visually-hidden">Control status: the first date each jurisdiction controlled each chemical</caption>
        <thead>
          <tr>
            <th scope="col">Chemical</th>
            {matrix.jurisdictions.map((j) => (
              <th key={j.id} scope="col">
                <Link href={j.href}>{j.name}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link href={row.href}>{row.name}</Link>
                <span className="matrix-role">{row.role}</span>
              </th>
              {row.cells.map((cell) =>
                cell.controlled ? (
                  <td key={cell.jurisdiction} className={`matrix-cell is-${cell.status === "in effect" ? "effective" : "announced"}`}>
                    <a href={cell.source} rel="noopener noreferrer nofollow" target="_blank" title={cell.description}>
                      {cell.dateLabel}
                      <span className="visually-hidden">
                        {" "}
                        ({cell.description}; source, opens in a new tab)
                      </span>
                    </a>
                    {cell.status === "announced" && <span className="matrix-status">announced</span>}
                    {cell.more > 0 && <span className="matrix-status">+{cell.more} more</span>}
                  </td>
                ) : (
                  <td key={cell.jurisdiction} className="matrix-cell is-none">
                    <span aria-hidden="true">–</span>
                    <span className="visually-hidden">not controlled in the registry</span>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
