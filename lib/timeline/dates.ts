/** When two events' dates can be one happening's (lib/dates.ts cuts and compares the dates). */
import { coarser, cutTo } from "../dates";
import type { Precision } from "../schema";

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
