/**
 * The shapes of calendar expressions in news copy, each a regex plus a small builder that
 * checks what the regex cannot (a real day, a month that is not the verb "may", a year that
 * is not a count). Builders return raw candidates; index.ts picks among overlapping ones,
 * joins ranges and fills in missing years.
 */
import { addDays, addMonths, isRealDay, type Ymd } from "../../dates";
import type { DateParts } from "./calendar";
import { isYearInName, isYearToken } from "../../text/years";

export type WeekdayMode = "bare" | "last" | "next";

export type Candidate =
  /**
   * A day, month or year; `parts.y` is missing when the text gives none. `yearOfPrevious`:
   * "May 1 of that year" takes the year the text named last.
   */
  | { kind: "point"; start: number; end: number; parts: DateParts; tense?: "past" | "future"; yearOfPrevious?: boolean }
  | { kind: "range"; start: number; end: number; from: DateParts; to: DateParts }
  | { kind: "weekday"; start: number; end: number; weekday: number; mode: WeekdayMode }
  /** Looks like a date but names none ("February 30, 2023"): holds its span so no part of it is read. */
  | { kind: "invalid"; start: number; end: number };

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const ABBREVIATIONS = ["Sept", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Months are capitalised ("may" is a verb, "march" a walk); headlines may shout them. */
const withCaps = (words: readonly string[]) => words.flatMap((w) => [w, w.toUpperCase()]);
const FULL_MONTH = withCaps(MONTHS).join("|");
const MONTH = `(?:${FULL_MONTH}|(?:${withCaps(ABBREVIATIONS).join("|")})\\.?)(?![A-Za-z])`;

const month = (group: string) => `(?<${group}>${MONTH})`;
const day = (group: string) => `(?<${group}>[0-3]?\\d)(?:st|nd|rd|th)?(?![\\d:A-Za-z])`;
const year = (group: string) => `(?<${group}>(?:1[89]|20)\\d\\d)(?![\\d%A-Za-z])`;
/** An ordinal day: "31st", "2nd" (the suffix is required: "the 30" is no date). */
const DAY_ORDINAL = "(?<d>[0-3]?\\d)(?:st|nd|rd|th)";
/**
 * What may follow "on the 30th" for it to be a day: punctuation, the end, or a word that
 * starts a new phrase; "on the 30th anniversary" or "on the 30th of May" are not this shape.
 */
const DAY_ALONE_AFTER = "(?=\\s*(?:[,.;:)(]|$)|\\s+(?:and|in|at|when|after|before|local|to|with|during|as|but|that|while)\\b)";
/**
 * What joins the two days of one range: a dash, or "to", "through", "until" ("from 18 to 23
 * March"), or "and" after "between" (checked by `dayRange`: "on May 1 and 5" names two days).
 */
const DAY_RANGE_JOIN = "(?:\\s*[-–]\\s*|\\s+(?<sep>to|through|thru|until|till|and)\\s+)";
/** Not glued to a number or symbol before: keeps "1,300 May" or "$16 March" out. */
const FREE = "(?<![\\d.,$€£¥/-])";

export function monthNumber(word: string): number {
  return MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === word.slice(0, 3).toLowerCase()) + 1;
}

/** Words that put a bare month in time ("in May", "since March", "mid-June", "last April"). */
const TEMPORAL_BEFORE =
  /\b(?:in|on|since|by|from|until|till|through|throughout|to|and|or|between|of|during|before|after|early|late|mid|end|around|as of|each|every|for|last|next|this)[\s-]+$/i;

const HOLIDAY_BEFORE = /\b(?:Black|Cyber|Good|Super|Easter|Holy|Ash|Giving)\s+$/;

interface Rule {
  name: string;
  pattern: RegExp;
  build: (m: RegExpExecArray, body: string, ref: Ymd) => Candidate | null;
}

const g = (m: RegExpExecArray, name: string): string | undefined => m.groups?.[name];
const num = (m: RegExpExecArray, name: string): number | undefined => {
  const v = g(m, name);
  return v === undefined ? undefined : Number(v);
};

/** A point from a match; "invalid" when the day does not exist (31 April, 30 February). */
function point(m: RegExpExecArray, parts: DateParts, tense?: "past" | "future"): Candidate {
  const [start, end] = [m.index, m.index + m[0].length];
  if (parts.d !== undefined && !isRealDay(parts.y ?? 2000, parts.m ?? 1, parts.d)) return { kind: "invalid", start, end };
  return { kind: "point", start, end, parts, tense };
}

function monthParts(m: RegExpExecArray, group = "m"): number {
  return monthNumber(g(m, group) ?? "");
}

const lead = (body: string, start: number) => body.slice(Math.max(0, start - 24), start);

const RULES: Rule[] = [
  {
    name: "iso day", // 2025-02-04
    pattern: new RegExp(`(?<![\\d-])${year("y")}-(?<m>[01]\\d)-(?<d>[0-3]\\d)(?![\\d-])`, "g"),
    build: (m) => point(m, { y: num(m, "y"), m: num(m, "m"), d: num(m, "d") }),
  },
  {
    name: "numeric day", // 10/30/2025 (US order), 30/10/2025 when the first number cannot be a month
    pattern: new RegExp(`(?<![\\d/.])(?<a>[0-3]?\\d)/(?<b>[0-3]?\\d)/${year("y")}(?![/\\d])`, "g"),
    build: (m) => {
      const [a, b] = [num(m, "a") ?? 0, num(m, "b") ?? 0];
      const [month, dayOfMonth] = a <= 12 ? [a, b] : [b, a];
      return point(m, { y: num(m, "y"), m: month, d: dayOfMonth });
    },
  },
  {
    name: "month day year", // March 16, 2017 / Apr 1,2019
    pattern: new RegExp(`${month("m")}\\s+${day("d")}(?:,\\s*|\\s+)${year("y")}`, "g"),
    build: (m) => point(m, { y: num(m, "y"), m: monthParts(m), d: num(m, "d") }),
  },
  {
    name: "day month year", // 16 March 2017 / 7th Aug, 2024 / 5th of May 2020
    pattern: new RegExp(`${FREE}\\b${day("d")}\\s+(?:of\\s+)?${month("m")},?\\s+${year("y")}`, "g"),
    build: (m) => point(m, { y: num(m, "y"), m: monthParts(m), d: num(m, "d") }),
  },
  {
    name: "month day-day", // March 1-5 / March 1-5, 2024 / March 18 to 23
    // "March 1 to 15 April" is no range inside March: the second day has its own month.
    pattern: new RegExp(`${month("m")}\\s+${day("d1")}${DAY_RANGE_JOIN}${day("d2")}(?!\\s+(?:of\\s+)?${MONTH})(?:,?\\s+${year("y")})?`, "g"),
    build: (m, body) => dayRange(m, body),
  },
  {
    name: "day-day month", // 1-5 March 2024 / from 18 to 23 March 2024 / between 3 and 7 May
    pattern: new RegExp(`${FREE}\\b${day("d1")}${DAY_RANGE_JOIN}${day("d2")}\\s+${month("m")}(?:,?\\s+${year("y")})?`, "g"),
    build: (m, body) => dayRange(m, body),
  },
  {
    name: "month-month", // January-March 2024
    pattern: new RegExp(`${month("m1")}\\s*[-–]\\s*${month("m2")}(?:,?\\s+${year("y")})?`, "g"),
    build: (m) => {
      const y = num(m, "y");
      const [m1, m2] = [monthParts(m, "m1"), monthParts(m, "m2")];
      const fromYear = y !== undefined && m1 > m2 ? y - 1 : y;
      return { kind: "range", start: m.index, end: m.index + m[0].length, from: { y: fromYear, m: m1 }, to: { y, m: m2 } };
    },
  },
  {
    name: "year-year", // 2022-2023 / 2022–23
    pattern: new RegExp(`(?<![\\w$€£¥#/.,:+-])${year("y1")}\\s*[-–]\\s*(?<y2>(?:19|20)?\\d\\d)(?![\\d%A-Za-z-]|[.,]\\d)`, "g"),
    build: (m) => {
      const y1 = num(m, "y1") ?? 0;
      const raw = g(m, "y2") ?? "";
      const y2 = raw.length === 2 ? Math.floor(y1 / 100) * 100 + Number(raw) : Number(raw);
      if (y2 <= y1 || y2 - y1 > 50) return null;
      return { kind: "range", start: m.index, end: m.index + m[0].length, from: { y: y1 }, to: { y: y2 } };
    },
  },
  {
    name: "month day relative year", // September 22 last year / May 12 this year
    pattern: new RegExp(`${month("m")}\\s+${day("d")},?\\s+(?:of\\s+)?(?<rel>last|this|next)\\s+year\\b`, "g"),
    build: (m, _body, ref) => point(m, { y: ref.y + relativeStep(g(m, "rel")), m: monthParts(m), d: num(m, "d") }),
  },
  {
    name: "day month relative year", // 22 September last year
    pattern: new RegExp(`${FREE}\\b${day("d")}\\s+(?:of\\s+)?${month("m")},?\\s+(?:of\\s+)?(?<rel>last|this|next)\\s+year\\b`, "g"),
    build: (m, _body, ref) => point(m, { y: ref.y + relativeStep(g(m, "rel")), m: monthParts(m), d: num(m, "d") }),
  },
  {
    name: "day or month of that year", // May 1 of that year / in March of the same year
    pattern: new RegExp(`${month("m")}(?:\\s+${day("d")})?,?\\s+of\\s+(?:that|the\\s+same|that\\s+same)\\s+year\\b`, "g"),
    build: (m) => {
      const c = point(m, { m: monthParts(m), d: num(m, "d") });
      return c.kind === "point" ? { ...c, yearOfPrevious: true } : c;
    },
  },
  {
    name: "month day", // July 20 / Sept. 1st
    pattern: new RegExp(`${month("m")}\\s+${day("d")}`, "g"),
    build: (m) => point(m, { m: monthParts(m), d: num(m, "d") }),
  },
  {
    name: "day month", // 16 March / 5th of May
    pattern: new RegExp(`${FREE}\\b${day("d")}\\s+(?:of\\s+)?${month("m")}`, "g"),
    build: (m) => point(m, { m: monthParts(m), d: num(m, "d") }),
  },
  {
    name: "month year", // October 2021 / Aug, 2024 / May of 2019
    pattern: new RegExp(`${month("m")},?\\s+(?:of\\s+)?${year("y")}`, "g"),
    build: (m) => point(m, { y: num(m, "y"), m: monthParts(m) }),
  },
  {
    name: "month relative year", // November last year
    pattern: new RegExp(`${month("m")},?\\s+(?:of\\s+)?(?<rel>last|this|next)\\s+year\\b`, "g"),
    build: (m, _body, ref) => point(m, { y: ref.y + relativeStep(g(m, "rel")), m: monthParts(m) }),
  },
  {
    name: "month alone", // in May / last November / mid-June
    pattern: new RegExp(`(?:\\b(?<rel>[Ll]ast|[Nn]ext|[Tt]his)\\s+)?(?<m>${FULL_MONTH})(?![A-Za-z])`, "g"),
    build: (m, body, ref) => {
      const rel = g(m, "rel")?.toLowerCase();
      const monthWord = g(m, "m") ?? "";
      const temporal = rel !== undefined || TEMPORAL_BEFORE.test(lead(body, m.index));
      if (!temporal && /^may$/i.test(monthWord)) return null; // "officials may act"
      // "April Smith", "June Lee": a month before a capitalised word is a first name.
      if (!temporal && /^\s+[A-Z][a-z]/.test(body.slice(m.index + m[0].length, m.index + m[0].length + 3))) return null;
      const month = monthNumber(monthWord);
      // "last October" is strictly before the current month: said in October, it is a year ago.
      if (rel === "last") return point(m, { y: month < ref.m ? ref.y : ref.y - 1, m: month });
      if (rel === "next") return point(m, { y: month > ref.m ? ref.y : ref.y + 1, m: month });
      return point(m, { m: month });
    },
  },
  {
    name: "day of a relative month", // the 31st of last month / the 5th of this month
    pattern: new RegExp(`(?<=\\bthe\\s+)${DAY_ORDINAL}\\s+of\\s+(?<rel>last|this|next)\\s+month\\b`, "gi"),
    build: (m, _body, ref) => {
      const { y, m: month } = addMonths(ref.y, ref.m, relativeStep(g(m, "rel")));
      return point(m, { y, m: month, d: num(m, "d") });
    },
  },
  {
    name: "day of the month alone", // on the 30th (translated copy names days so)
    pattern: new RegExp(`(?<=\\bon\\s+the\\s+)${DAY_ORDINAL}${DAY_ALONE_AFTER}`, "gi"),
    build: (m) => {
      const d = num(m, "d") ?? 0;
      return d >= 1 && d <= 31 ? { kind: "point", start: m.index, end: m.index + m[0].length, parts: { d } } : null;
    },
  },
  {
    name: "year", // in 2019 / mid-2020 / since 2013
    pattern: /(?<!\d)(?:19|20)\d\d(?!\d)/g,
    build: (m, body) => {
      const [start, end] = [m.index, m.index + m[0].length];
      if (!isYearToken(body, start, end) || isYearInName(body, start, end)) return null;
      return point(m, { y: Number(m[0]) });
    },
  },
  {
    name: "weekday", // on Thursday / last Friday / next Monday
    pattern: new RegExp(`\\b(?<wd>${withCaps(WEEKDAYS).join("|")})(?![A-Za-z])`, "g"),
    build: (m, body) => {
      const before = lead(body, m.index);
      if (HOLIDAY_BEFORE.test(before)) return null; // "Black Friday", "Super Tuesday"
      const rel = /\b(last|next|this)\s+$/i.exec(before);
      const mode: WeekdayMode = rel?.[1].toLowerCase() === "last" ? "last" : rel?.[1].toLowerCase() === "next" ? "next" : "bare";
      const start = rel ? m.index - rel[0].length : m.index;
      const weekday = WEEKDAYS.findIndex((w) => w.toLowerCase() === (g(m, "wd") ?? "").toLowerCase());
      return { kind: "weekday", start, end: m.index + m[0].length, weekday, mode };
    },
  },
  {
    name: "yesterday or tomorrow", // "today" is left out: often rhetorical (docs/EXTRACT.md)
    pattern: /\b(?<rel>yesterday|tomorrow)\b/gi,
    build: (m, _body, ref) => {
      const { y, m: month, d } = addDays(ref, g(m, "rel")?.toLowerCase() === "yesterday" ? -1 : 1);
      return point(m, { y, m: month, d });
    },
  },
  {
    name: "relative year or month", // this year / earlier this year / last month / next year
    pattern: /\b(?:(?:earlier|later|early|late)\s+)?(?<rel>this|last|next)\s+(?<unit>year|month)\b/gi,
    build: (m, _body, ref) => {
      const step = relativeStep(g(m, "rel"));
      if (g(m, "unit")?.toLowerCase() === "year") return point(m, { y: ref.y + step });
      const { y, m: month } = addMonths(ref.y, ref.m, step);
      return point(m, { y, m: month });
    },
  },
];

function relativeStep(rel: string | undefined): number {
  const word = rel?.toLowerCase();
  return word === "last" ? -1 : word === "next" ? 1 : 0;
}

function dayRange(m: RegExpExecArray, body: string): Candidate | null {
  if (g(m, "sep")?.toLowerCase() === "and" && !/\bbetween\s+$/i.test(lead(body, m.index))) return null;
  const [d1, d2] = [num(m, "d1") ?? 0, num(m, "d2") ?? 0];
  const monthIndex = monthParts(m);
  const y = num(m, "y");
  if (d2 <= d1) return null;
  if (!isRealDay(y ?? 2000, monthIndex, d1) || !isRealDay(y ?? 2000, monthIndex, d2)) return { kind: "invalid", start: m.index, end: m.index + m[0].length };
  return { kind: "range", start: m.index, end: m.index + m[0].length, from: { y, m: monthIndex, d: d1 }, to: { y, m: monthIndex, d: d2 } };
}

/** Every candidate any rule finds, in no particular order; overlaps are resolved by the caller. */
export function findCandidates(body: string, ref: Ymd): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(body); m; m = rule.pattern.exec(body)) {
      const candidate = rule.build(m, body, ref);
      if (candidate) out.push(candidate);
    }
  }
  return out;
}
