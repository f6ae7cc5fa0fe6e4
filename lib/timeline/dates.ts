/**
 * Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as the timeline compares them. A date is
 * written at its precision, so cutting two dates to the coarser of their precisions says
 * whether one contains the other: "2025-07" contains "2025-07-20", "2025" contains both.
 */
import type { Precision } from "../schema";

const LENGTH: Record<Precision, number> = { year: 4, month: 7, day: 10 };

/** Lower is more precise: day 0, month 1, year 2. */
export const PRECISION_RANK: Record<Precision, number> = { day: 0, month: 1, year: 2 };

export function cutTo(date: string, precision: Precision): string {
  return date.slice(0, LENGTH[precision]);
}

export function coarser(a: Precision, b: Precision): Precision {
  return PRECISION_RANK[a] >= PRECISION_RANK[b] ? a : b;
}

export function yearOf(date: string): string {
  return date.slice(0, 4);
}

interface Dated {
  date: string;
  end?: string;
  precision: Precision;
}

/**
 * The same day, or a month or year that contains the other's day or month. For ranges,
 * both ends must agree at the coarser precision ("2024-10/2025-03" and
 * "2024-10-01/2025-03-23"): a range that merely lies inside another is a different total
 * ("January to March" is not "January to May"), and a range never joins a single date.
 */
export function datesCompatible(a: Dated, b: Dated): boolean {
  if (Boolean(a.end) !== Boolean(b.end)) return false;
  const precision = coarser(a.precision, b.precision);
  if (cutTo(a.date, precision) !== cutTo(b.date, precision)) return false;
  return !a.end || !b.end || cutTo(a.end, precision) === cutTo(b.end, precision);
}
