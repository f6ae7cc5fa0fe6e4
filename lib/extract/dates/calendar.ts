/**
 * Picking the year of "July 20" or "in May" from the publication date and the tense of
 * the sentence, and finding "last Friday". The day arithmetic itself is lib/dates.ts.
 */
import { addMonths, dayNumber, fromDayNumber, isRealDay, weekdayOf, type Ymd } from "../../dates";
import type { Precision, Tense } from "../../schema";


/** What an expression names before its missing pieces are filled in. */
export interface DateParts {
  y?: number;
  m?: number;
  d?: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** YYYY, YYYY-MM or YYYY-MM-DD, as deep as the parts go. */
export function formatParts(parts: DateParts): string {
  if (parts.y === undefined) throw new Error("formatParts needs a year");
  if (parts.m === undefined) return String(parts.y);
  if (parts.d === undefined) return `${parts.y}-${pad(parts.m)}`;
  return `${parts.y}-${pad(parts.m)}-${pad(parts.d)}`;
}

export function precisionOfParts(parts: DateParts): Precision {
  if (parts.d !== undefined) return "day";
  if (parts.m !== undefined) return "month";
  return "year";
}

/**
 * The year of a day written without one: the latest on or before the reference for the
 * past, the first on or after it for the future, otherwise whichever is closer (ties go
 * to the past: news mostly reports what happened).
 */
export function yearForDay(m: number, d: number, ref: Ymd, tense: Tense): number {
  const refDay = dayNumber(ref);
  const candidates = [ref.y - 1, ref.y, ref.y + 1].filter((y) => isRealDay(y, m, d));
  // 29 February may have no candidate within a year either side; fall back to four years.
  if (candidates.length === 0) return [ref.y - 4, ref.y - 3, ref.y - 2].find((y) => isRealDay(y, m, d)) ?? ref.y;
  const offset = (y: number) => dayNumber({ y, m, d }) - refDay;
  if (tense === "past") return candidates.filter((y) => offset(y) <= 0).pop() ?? candidates[0];
  if (tense === "future") return candidates.find((y) => offset(y) >= 0) ?? candidates[candidates.length - 1];
  return nearest(candidates, offset);
}

/** The year of a month written without one, by the same rules as {@link yearForDay}. */
export function yearForMonth(m: number, ref: Ymd, tense: Tense): number {
  const offset = (y: number) => y * 12 + m - (ref.y * 12 + ref.m);
  if (tense === "past") return offset(ref.y) <= 0 ? ref.y : ref.y - 1;
  if (tense === "future") return offset(ref.y) >= 0 ? ref.y : ref.y + 1;
  return nearest([ref.y - 1, ref.y, ref.y + 1], offset);
}

function nearest(candidates: number[], offset: (y: number) => number): number {
  let best = candidates[0];
  for (const y of candidates) {
    const better = Math.abs(offset(y)) < Math.abs(offset(best));
    const tieToPast = Math.abs(offset(y)) === Math.abs(offset(best)) && offset(y) <= 0;
    if (better || (tieToPast && offset(best) > 0)) best = y;
  }
  return best;
}

/**
 * The month of a day written without one ("on the 30th"): the latest such day on or before
 * the reference for the past, the first on or after it for the future, else the nearer.
 * Months too short for the day are skipped.
 */
export function monthForDay(d: number, ref: Ymd, tense: Tense): { y: number; m: number } {
  const refDay = dayNumber(ref);
  const options: { y: number; m: number; offset: number }[] = [];
  for (let step = -2; step <= 2; step++) {
    const { y, m } = addMonths(ref.y, ref.m, step);
    if (isRealDay(y, m, d)) options.push({ y, m, offset: dayNumber({ y, m, d }) - refDay });
  }
  const past = options.filter((o) => o.offset <= 0).pop();
  const future = options.find((o) => o.offset >= 0);
  const pick =
    tense === "past" ? past : tense === "future" ? future : past && future && future.offset < -past.offset ? future : past ?? future;
  return pick ?? { y: ref.y, m: ref.m };
}

/**
 * A weekday near the reference day. "on-or-before": a bare "on Thursday" (news often names
 * its own day); "before": "last Friday"; "after": "next Monday" or a weekday in a sentence
 * about the future; "on-or-after": a schedule in the present tense ("the rule takes effect
 * on Monday"), which may be the publication day itself.
 */
export function weekdayNear(weekday: number, ref: Ymd, mode: "on-or-before" | "before" | "after" | "on-or-after"): Ymd {
  const refDay = dayNumber(ref);
  const today = weekdayOf(ref);
  if (mode === "after") return fromDayNumber(refDay + (((weekday - today + 6) % 7) + 1));
  if (mode === "on-or-after") return fromDayNumber(refDay + ((weekday - today + 7) % 7));
  const back = (today - weekday + 7) % 7;
  return fromDayNumber(refDay - (mode === "before" && back === 0 ? 7 : back));
}

/** True when a comes strictly after b, comparing only the parts both have. */
export function isAfter(a: DateParts, b: DateParts): boolean {
  const key = (p: DateParts) => (p.y ?? 0) * 10_000 + (p.m ?? 0) * 100 + (p.d ?? 0);
  const shared = (p: DateParts): DateParts => ({
    y: a.y !== undefined && b.y !== undefined ? p.y : undefined,
    m: a.m !== undefined && b.m !== undefined ? p.m : undefined,
    d: a.d !== undefined && b.d !== undefined ? p.d : undefined,
  });
  return key(shared(a)) > key(shared(b));
}
