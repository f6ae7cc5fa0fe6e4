/**
 * Partial ISO dates in one place. A date is written at its precision: YYYY, YYYY-MM or
 * YYYY-MM-DD. So string order is time order, and cutting two dates to the coarser of their
 * precisions says whether one contains the other ("2025-07" contains "2025-07-20").
 * Everything here is plain strings and UTC numbers: no time zone can shift a day.
 */
import type { Precision } from "./schema";

const LENGTH: Readonly<Record<Precision, number>> = { year: 4, month: 7, day: 10 };
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Lower is more precise: day 0, month 1, year 2. */
export const PRECISION_RANK: Readonly<Record<Precision, number>> = { day: 0, month: 1, year: 2 };

/** The precision a date is written at. */
export function precisionOf(date: string): Precision {
  return date.length >= 10 ? "day" : date.length >= 7 ? "month" : "year";
}

/** The date cut to a precision: cutTo("2025-07-20", "month") is "2025-07". */
export function cutTo(date: string, precision: Precision): string {
  return date.slice(0, LENGTH[precision]);
}

/** The less precise of two precisions. */
export function coarser(a: Precision, b: Precision): Precision {
  return PRECISION_RANK[a] >= PRECISION_RANK[b] ? a : b;
}

export function yearOf(date: string): string {
  return date.slice(0, 4);
}

/** True when y-m-d is a day of the calendar (2024-02-29 is, 2025-02-29 is not). */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar day written YYYY-MM-DD (rejects 2025-02-31). */
export function isRealIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** First day a partial date covers: 2024 -> 2024-01-01, 2024-05 -> 2024-05-01. */
export function firstDay(value: string): string {
  if (value.length === 4) return `${value}-01-01`;
  if (value.length === 7) return `${value}-01`;
  return value;
}

/** Last day a partial date covers: 2024 -> 2024-12-31, 2023-02 -> 2023-02-28. */
export function lastDay(value: string): string {
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) {
    const [y, m] = value.split("-").map(Number);
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const days = m === 2 && !leap ? 28 : DAYS_IN_MONTH[m - 1];
    return `${value}-${String(days).padStart(2, "0")}`;
  }
  return value;
}

/** UTC milliseconds of the first day of a partial date (YYYY, YYYY-MM or YYYY-MM-DD). */
export function partialDateToMs(value: string): number {
  const [y, m = "1", d = "1"] = value.split("-");
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
}

/** The YYYY-MM-DD of a UTC millisecond time (the inverse of partialDateToMs for days). */
export function isoDayOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// Calendar arithmetic on days given as numbers (extraction picks years and weekdays with it).

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export function parseIsoDay(iso: string): Ymd {
  const [y, m, d] = iso.split("-").map(Number);
  return { y, m, d };
}

export function dayNumber({ y, m, d }: Ymd): number {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDayNumber(n: number): Ymd {
  const date = new Date(n * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(day: Ymd): number {
  return new Date(dayNumber(day) * DAY_MS).getUTCDay();
}

export function addDays(day: Ymd, n: number): Ymd {
  return fromDayNumber(dayNumber(day) + n);
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + n;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}
