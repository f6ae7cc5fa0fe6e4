/** Display helpers shared by queries, charts and components: pure, no React. */
import { precisionOf } from "./dates";
import type { Precision } from "./schema";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));

/** "16 March 2017", "March 2017" or "2017", by precision. */
export function formatPartialDate(value: string, precision?: Precision): string {
  const [y, m, d] = value.split("-");
  const p = precision ?? precisionOf(value);
  if (p === "year" || !m) return y;
  const month = MONTHS[Number(m) - 1] ?? m;
  if (p === "month" || !d) return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}

/** "16 Mar 2017", "Mar 2017" or "2017": compact, for tables and chart ticks. */
export function formatShortDate(value: string): string {
  const [y, m, d] = value.split("-");
  if (!m) return y;
  const month = SHORT_MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export function formatRange(start: string, end: string | undefined, precision?: Precision): string {
  if (!end || end === start) return formatPartialDate(start, precision);
  return `${formatPartialDate(start, precision)} – ${formatPartialDate(end, precision)}`;
}

/** The month name of "YYYY-MM". */
export function monthName(month: string): string {
  return MONTHS[Number(month.slice(5, 7)) - 1] ?? month;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${trim(value / 1e9)}bn`;
  if (abs >= 1e6) return `${trim(value / 1e6)}m`;
  if (abs >= 1e4) return `${trim(value / 1e3)}k`;
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

function trim(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: value < 10 ? 1 : 0 });
}

/** Value formats a chart can ask for by name (functions cannot cross to the browser). */
export const VALUE_FORMATS = ["count", "percent", "number"] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];

export function formatValue(value: number, format: ValueFormat): string {
  if (format === "percent") return `${value.toLocaleString("en-US", { maximumFractionDigits: 1 })}%`;
  if (format === "count") return formatNumber(Math.round(value));
  return formatNumber(value);
}

/** Time-axis values are UTC milliseconds; ticks show a year, a month or a day. */
export type TimeTick = "year" | "month" | "day";

export function formatTime(ms: number, tick: TimeTick): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (tick === "year") return String(y);
  const month = SHORT_MONTHS[d.getUTCMonth()];
  if (tick === "month") return `${month} ${y}`;
  return `${d.getUTCDate()} ${month} ${y}`;
}
