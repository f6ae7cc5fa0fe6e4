/** Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as the days they cover. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

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
