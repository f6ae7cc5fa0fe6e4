/** CSV text for chart downloads (RFC 4180: commas, quotes and line breaks quoted). */

export type CsvCell = string | number | null | undefined;

/**
 * A cell as CSV. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a
 * leading apostrophe: article text is untrusted and a download should not execute.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
