/**
 * Publication dates as publishers write them, read into YYYY-MM-DD without guessing:
 * ISO 8601 (the day as written, before any time-zone shift), RFC 822 as in RSS
 * ("Sun, 20 Jul 2025 10:00:00 +0000"), and "20 July 2025" / "July 20, 2025". Anything
 * else, or an impossible day, is a problem in words, never a date.
 */
import { IsoDay } from "../schema";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export type DateReading = { ok: true; date: IsoDay } | { ok: false; message: string };

function monthNumber(word: string): number | undefined {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i === -1 ? undefined : i + 1;
}

function day(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function readPublicationDate(value: string): DateReading {
  const text = value.trim();
  if (!text) return { ok: false, message: "is empty" };
  let candidate: string | undefined;
  // ISO 8601: 2025-07-20, 2025-07-20T10:00:00Z, 2025-07-20 10:00:00+08:00, 20250720
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(text);
  if (m) candidate = day(+m[1], +m[2], +m[3]);
  // RFC 822 / 1123 and "20 July 2025": optional weekday, day, month name, year.
  if (!candidate && (m = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text))) {
    const month = monthNumber(m[2]);
    if (month) candidate = day(+m[3], month, +m[1]);
  }
  // "July 20, 2025", "Sunday, July 20, 2025", "Jul. 20 2025"
  if (!candidate && (m = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text))) {
    const month = monthNumber(m[1]);
    if (month) candidate = day(+m[3], month, +m[2]);
  }
  if (!candidate) return { ok: false, message: `"${text.slice(0, 60)}" could not be read as a day; write it as YYYY-MM-DD` };
  if (!IsoDay.safeParse(candidate).success) return { ok: false, message: `"${text.slice(0, 60)}" is not a real calendar day` };
  return { ok: true, date: candidate };
}
