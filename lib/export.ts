/**
 * Exports: rows of one record kind (see lib/store/export.ts) written as CSV or JSON, as a
 * stream, so a download of every event of the corpus never holds them all at once. The
 * route handlers and `npm run export` share this code and the queries behind the pages.
 */
import { csvCell } from "./charts/csv";
import type { ExportKind, ExportRow, ExportValue } from "./store";

export type ExportFormat = "csv" | "json";

export function exportFormat(value: string | null | undefined): ExportFormat {
  return value === "json" ? "json" : "csv";
}

/** A cell: lists joined by "; ", text that a spreadsheet would run escaped (see csvCell). */
function cell(value: ExportValue | undefined): string {
  if (Array.isArray(value)) return csvCell(value.join("; "));
  return csvCell(value as string | number | null | undefined);
}

export function csvHeader(kind: ExportKind): string {
  return kind.columns.map(([c]) => csvCell(c)).join(",") + "\r\n";
}

export function csvLine(kind: ExportKind, row: ExportRow): string {
  return kind.columns.map(([c]) => cell(row[c])).join(",") + "\r\n";
}

/** The rows as text chunks: a CSV with a header row, or a JSON array of objects (one per line). */
export function* exportChunks(kind: ExportKind, rows: Iterable<ExportRow>, format: ExportFormat, batch = 500): Generator<string> {
  let out = format === "csv" ? csvHeader(kind) : "[";
  let n = 0;
  for (const row of rows) {
    if (format === "csv") out += csvLine(kind, row);
    else out += `${n === 0 ? "\n" : ",\n"}${JSON.stringify(Object.fromEntries(kind.columns.map(([c]) => [c, row[c] ?? null])))}`;
    if (++n % batch === 0) {
      yield out;
      out = "";
    }
  }
  if (format === "json") out += n === 0 ? "]\n" : "\n]\n";
  if (out) yield out;
}

/** An HTTP response that streams the rows as a file download. */
export function exportResponse(kind: ExportKind, rows: Iterable<ExportRow>, format: ExportFormat, fileBase: string): Response {
  const chunks = exportChunks(kind, rows, format);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel() {
      // Closes the database iterator behind the rows.
      chunks.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileBase.replace(/[^A-Za-z0-9._-]+/g, "-")}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** README of an export folder: what each file holds, column by column. */
export function exportReadme(kinds: readonly ExportKind[], format: ExportFormat, filters: string): string {
  const lines = [
    "# Precursor Watch export",
    "",
    `Filters: ${filters || "none (every record)"}.`,
    "",
    format === "csv"
      ? "CSV files (RFC 4180, UTF-8, a header row). Lists are joined with \"; \". Text that a spreadsheet would read as a formula (starting with =, +, - or @) starts with an apostrophe."
      : "JSON files: each an array of objects with the columns below as keys; lists are arrays.",
    "Dates are ISO 8601 text as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD.",
    "Events are those the filters match; every other file holds the records of the articles that have at least one matching event.",
    "",
  ];
  for (const kind of kinds) {
    lines.push(`## ${kind.name}.${format}`, "", kind.description, "", "| column | meaning |", "| --- | --- |");
    for (const [column, meaning] of kind.columns) lines.push(`| ${column} | ${meaning} |`);
    lines.push("");
  }
  return lines.join("\n");
}
