/**
 * When a happening took place: the time expressions of one sentence that can date an
 * event. They start from the sentence's date mentions (lib/extract/dates) and then
 * - drop datelines ("VIENNA, 16 March (UNIS) -"): they date the copy, not a happening;
 * - drop dates of comparisons ("up 2.1% from the same period last year");
 * - add what only events need: "today" and "this week" (the article's own day and month),
 *   "last week" (the previous Monday to Sunday), and "the following month", "the same
 *   month", "that day", which count from the date the article named last.
 */
import { addDays, addMonths, cutTo, parseIsoDay, PRECISION_RANK, weekdayOf, type Ymd } from "../../dates";
import type { DateMention, IsoDay, PartialIsoDate, Precision } from "../../schema";

export interface EventTime {
  /** Offsets into the sentence text, end exclusive. */
  start: number;
  end: number;
  date: PartialIsoDate;
  until?: PartialIsoDate;
  precision: Precision;
  /** Read from a mention of the dates extractor (false: an expression only events use). */
  fromMention: boolean;
}

const pad = (n: number) => String(n).padStart(2, "0");
const isoDay = (d: Ymd) => `${d.y}-${pad(d.m)}-${pad(d.d)}`;
const isoMonth = (y: number, m: number) => `${y}-${pad(m)}`;

/** What follows a dateline's date: an agency in brackets, a dash, or a time of day. */
const AFTER_DATELINE = /^\s*(?:\)|\(|--|—|–|-\s|,?\s*\d{1,2}:\d\d)/;
/** A comparison's date: the text right before it asks "compared with when?". */
const COMPARISON_BEFORE =
  /\b(?:same (?:period|time|month|quarter|week)(?: of| in)?|compared (?:with|to)(?: the same \w+(?: of| in)?)?|than(?: in| during)?|(?:up|down|rise|rose|increase|decrease|drop|dropped|fall|fell|jump|jumped)\b[^.;,]{0,25}?\bfrom(?: the same \w+(?: of| in)?)?(?: in)?|year-on-year|versus|vs\.?)\s+$/i;

/** True for a date at the head of the copy that only says when it was filed. */
export function isDateline(sentenceIndex: number, text: string, start: number, end: number): boolean {
  if (sentenceIndex > 1 || start > 90) return false;
  const before = text.slice(0, start);
  // A dateline stands before the first verb: capitals, place names, agencies, punctuation.
  if (/\b(?:said|says|will|was|were|is|are|has|have|had)\b/.test(before)) return false;
  return AFTER_DATELINE.test(text.slice(end)) || /\(\s*[^)]*$/.test(before) || /^\s*(?:updated|published|posted)\b/i.test(before);
}

export function isComparison(text: string, start: number): boolean {
  return COMPARISON_BEFORE.test(text.slice(Math.max(0, start - 60), start));
}

/** A year that names a treaty or a law: "the 1988 Convention", "the 1961 Single Convention". */
function isNameYear(text: string, end: number): boolean {
  return /^\s+(?:UN\s+|Single\s+)?(?:Convention|[Tt]reaty|Act|Protocol|Agreement|[Ll]aw)\b/.test(text.slice(end, end + 30));
}

/**
 * "has been a List I chemical since 2007": the start of a state, told as background. Only
 * "since 1964, when it was added ..." dates a happening, and the "when" clause holds it.
 */
function isStateStart(text: string, start: number, end: number): boolean {
  const since = /\bsince\s+$/i.test(text.slice(Math.max(0, start - 6), start)) || /^since\b/i.test(text.slice(start, start + 6));
  return since && !/^,?\s+when\b/i.test(text.slice(end, end + 8));
}

/** "runs until November 10", "extended to November 10", "before 2024": a state's bound, not a happening. */
function isStateEnd(text: string, start: number): boolean {
  return /\b(?:until|till|through|thru|to|before|prior to)\s+$/i.test(text.slice(Math.max(0, start - 10), start));
}

function monday(day: Ymd): Ymd {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

const UNIT_PRECISION = { day: "day", month: "month", year: "year" } as const;

/** "the following month" / "the same day": a step from the previous date, at that unit. */
function relativeTo(previous: EventTime | undefined, unit: "day" | "month" | "year", step: number): Pick<EventTime, "date" | "precision"> | undefined {
  if (!previous) return undefined;
  if (PRECISION_RANK[previous.precision] > PRECISION_RANK[unit]) return undefined; // "the following day" after "in May": unknown
  const date = cutTo(previous.date, UNIT_PRECISION[unit]);
  if (step === 0) return { date, precision: unit };
  if (unit === "year") return { date: String(Number(date) + step), precision: unit };
  if (unit === "month") {
    const [y, m] = date.split("-").map(Number);
    const next = addMonths(y, m, step);
    return { date: isoMonth(next.y, next.m), precision: unit };
  }
  return { date: isoDay(addDays(parseIsoDay(date), step)), precision: unit };
}

const EXTRA_PATTERNS: readonly { pattern: RegExp; resolve: (m: RegExpExecArray, ref: Ymd, previous: EventTime | undefined) => Pick<EventTime, "date" | "until" | "precision"> | undefined }[] = [
  { pattern: /\btoday\b/gi, resolve: (_m, ref) => ({ date: isoDay(ref), precision: "day" }) },
  // A week can straddle two months; the article's own month is the honest precision.
  { pattern: /\bthis week\b/gi, resolve: (_m, ref) => ({ date: isoMonth(ref.y, ref.m), precision: "month" }) },
  {
    pattern: /\blast week\b/gi,
    resolve: (_m, ref) => {
      const start = addDays(monday(ref), -7);
      return { date: isoDay(start), until: isoDay(addDays(start, 6)), precision: "day" };
    },
  },
  {
    pattern: /\b(?:the (?:following|next|subsequent)|a) (day|month|year)(?: later)?\b/gi,
    resolve: (m, _ref, previous) => (/^a /i.test(m[0]) && !/later$/i.test(m[0]) ? undefined : relativeTo(previous, m[1].toLowerCase() as "day", 1)),
  },
  {
    pattern: /\b(?:the same|that|later that|earlier that) (day|month|year)\b/gi,
    resolve: (m, _ref, previous) => relativeTo(previous, m[1].toLowerCase() as "day", 0),
  },
];

/**
 * Every time expression of one sentence that may date an event, in text order.
 * `previous` is the last date the article named before this sentence.
 */
export function eventTimes(
  sentence: { index: number; text: string; start: number },
  mentions: readonly DateMention[],
  articleDate: IsoDay,
  previous: EventTime | undefined,
): EventTime[] {
  const times: EventTime[] = [];
  for (const mention of mentions) {
    const start = mention.provenance.start - sentence.start;
    const end = mention.provenance.end - sentence.start;
    if (isDateline(sentence.index, sentence.text, start, end)) continue;
    if (isComparison(sentence.text, start) || isNameYear(sentence.text, end) || isStateStart(sentence.text, start, end) || isStateEnd(sentence.text, start)) continue;
    times.push({ start, end, date: mention.start, until: mention.end, precision: mention.precision, fromMention: true });
  }
  const ref = parseIsoDay(articleDate);
  const taken = (start: number, end: number) => times.some((t) => start < t.end && t.start < end);
  for (const { pattern, resolve } of EXTRA_PATTERNS) {
    for (const m of sentence.text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end) || isComparison(sentence.text, start)) continue;
      const resolved = resolve(m as RegExpExecArray, ref, times.at(-1) ?? previous);
      if (resolved) times.push({ start, end, ...resolved, fromMention: false });
    }
  }
  return times.sort((a, b) => a.start - b.start);
}
