"use client";

import dynamic from "next/dynamic";
import { useId, useRef, useState } from "react";
import { toCsv } from "@/lib/charts/csv";
import { markerPath } from "@/lib/charts/layout";
import type { ChartSpec } from "@/lib/charts/spec";
import { buildChartSvg, rasterize, saveBlob } from "./export";

/**
 * The drawing itself (Recharts, the largest part of the page's JavaScript) loads in its
 * own chunk after the page: no route carries it in its first load. Until it arrives the
 * canvas keeps the chart's height (nothing shifts), and the header, legend, data table and
 * CSV download already work. Recharts draws only in the browser, once it has measured its
 * box, so nothing is lost by not rendering it on the server.
 */
const ChartCanvas = dynamic(() => import("./ChartCanvas").then((m) => m.ChartCanvas), {
  ssr: false,
  loading: ChartPlaceholder,
});

function ChartPlaceholder() {
  return (
    <p className="meta chart-placeholder" data-chart-placeholder="" style={{ margin: 0, padding: "2rem 0", textAlign: "center" }}>
      Drawing the chart… Its figures are in the data table below.
    </p>
  );
}

type Format = "png" | "svg" | "csv";

/** A legend key drawn the way the series is drawn: a dashed line, a dot or a block. */
function LegendKey({ color, dash, marker, kind }: { color: string; dash: string; marker: string; kind: ChartSpec["kind"] }) {
  return (
    <svg width="22" height="12" aria-hidden="true" focusable="false" className="legend-swatch">
      {kind === "line" ? (
        <line x1="1" x2="21" y1="6" y2="6" stroke={color} strokeWidth="3" strokeDasharray={dash || undefined} />
      ) : kind === "dots" ? (
        <path d={markerPath(marker, 11, 6, 4.5)} fill={color} />
      ) : (
        <rect x="1" y="0" width="20" height="12" rx="2" fill={color} />
      )}
    </svg>
  );
}

/**
 * A chart as OWID draws one: header (title, subtitle, filters), the chart, legend and
 * footer (note, source), with export buttons that all go through one pipeline.
 */
export function ChartFigure({ spec, headingLevel = 2 }: { spec: ChartSpec; headingLevel?: 2 | 3 }) {
  const surface = useRef<SVGSVGElement>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState<Format | null>(null);
  const titleId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const empty = spec.data.length === 0 || spec.categories.length === 0;

  async function download(format: Format) {
    setBusy(format);
    setStatus("");
    try {
      const name = `${spec.fileBase}.${format}`;
      if (format === "csv") {
        saveBlob(new Blob([toCsv(spec.table.header, spec.table.rows)], { type: "text/csv;charset=utf-8" }), name);
      } else {
        const exported = buildChartSvg(surface.current, spec);
        const blob = format === "svg" ? new Blob([exported.svg], { type: "image/svg+xml;charset=utf-8" }) : await rasterize(exported, 2);
        saveBlob(blob, name);
      }
      setStatus(`Saved ${name}`);
    } catch (error) {
      setStatus(`Could not export: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <figure className="chart card" aria-labelledby={titleId} data-testid={`chart-${spec.id}`} data-chart={spec.id}>
      <header className="chart-header">
        <Heading id={titleId} className="chart-title">
          {spec.title}
        </Heading>
        <p className="chart-subtitle">{spec.subtitle}</p>
        <p className="chart-filters">{spec.filtersLine}</p>
      </header>
      {empty ? (
        <p className="empty chart-empty">{spec.emptyMessage}</p>
      ) : (
        <>
          <div className="chart-canvas" data-chart-canvas="" style={{ minHeight: spec.height }}>
            <ChartCanvas spec={spec} surfaceRef={surface} />
          </div>
          <ul className="chart-legend" aria-label="Legend">
            {spec.categories.map((c) => (
              <li key={c.key}>
                <LegendKey color={c.color} dash={c.dash} marker={c.marker} kind={spec.kind} />
                {c.label}
              </li>
            ))}
          </ul>
        </>
      )}
      <figcaption className="chart-footer">
        {spec.note && <span className="chart-note">{spec.note} </span>}
        <span className="chart-source">{spec.sourceLine}</span>
      </figcaption>
      <div className="chart-actions">
        <div className="button-row" role="group" aria-label={`Download ${spec.title}`}>
          {(["png", "svg", "csv"] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="button button-small"
              onClick={() => download(format)}
              disabled={busy !== null || (empty && format !== "csv")}
              aria-busy={busy === format}
            >
              Download {format.toUpperCase()}
            </button>
          ))}
        </div>
        <p className="meta export-status" role="status" aria-live="polite">
          {status}
        </p>
      </div>
      {!empty && (
        <details className="chart-table">
          <summary>Show the data as a table</summary>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{spec.title}: data</caption>
              <thead>
                <tr>
                  {spec.table.header.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {spec.table.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell ?? "–"}</th> : <td key={j}>{cell ?? "–"}</td>))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
