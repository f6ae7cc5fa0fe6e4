/** Display helpers shared by queries and charts: pure, no React. */
import type { Precision } from "./schema";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "16 March 2017", "March 2017" or "2017", by precision. */
export function formatPartialDate(value: string, precision?: Precision): string {
  const [y, m, d] = value.split("-");
  const p = precision ?? (d ? "day" : m ? "month" : "year");
  if (p === "year" || !m) return y;
  const month = MONTHS[Number(m) - 1] ?? m;
  if (p === "month" || !d) return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}

export function formatRange(start: string, end: string | undefined, precision?: Precision): string {
  if (!end || end === start) return formatPartialDate(start, precision);
  return `${formatPartialDate(start, precision)} – ${formatPartialDate(end, precision)}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}
