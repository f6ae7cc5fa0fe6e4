/**
 * Date mentions: every expression that names a calendar day, month or year, or a range
 * of them, resolved against the publication date by the rules in docs/EXTRACT.md.
 *
 * 1. patterns.ts finds candidates (full dates, "July 20", "in May", "2019",
 *    weekdays, "last month", "2022-23", ...).
 * 2. Overlaps go to the longest candidate ("November last year" beats "last year").
 * 3. Neighbours joined by "to", "through" or a dash, or "between ... and", become a range.
 * 4. A day or month without a year takes the year its sentence's tense points to
 *    (lib/text/tense.ts); weekdays count back from the publication day, or forward when the
 *    sentence speaks of the future.
 *
 * chrono-node is not used: its casual parser costs about 1.2 ms per 600-word article
 * (an eighth of the whole extraction budget), and every case it would handle here still
 * needs our own tense, weekday, range and trap rules.
 */
import { parseIsoDay, type Ymd } from "../../dates";
import type { DateMention, Precision, Tense } from "../../schema";
import { sentenceAt } from "../../text/sentences";
import type { ExtractContext } from "../context";
import {
  formatParts,
  isAfter,
  monthForDay,
  precisionOfParts,
  weekdayNear,
  yearForDay,
  yearForMonth,
  type DateParts,
} from "./calendar";
import { findCandidates, type Candidate } from "./patterns";
import { analyseSentence, readingAt, type SentenceTense, type TenseReading } from "../../text/tense";

/** What may stand between two dates that form one range. */
const RANGE_GAP = /^,?\s*(?:to|through|thru|until|till|[-–—])\s*$/i;
const AND_GAP = /^,?\s*and\s*$/i;
const BETWEEN_BEFORE = /\bbetween\s+$/i;
const FROM_BEFORE = /\bfrom\s+$/i;
const SINCE_BEFORE = /\bsince\s+$/i;
/** A weekday right before a full date only names that date's day: "Wednesday, April 12". */
const WEEKDAY_TO_DATE_GAP = /^,?\s*\(?$/;

/** Longest first at each start; a candidate that overlaps an accepted one is dropped. */
function selectNonOverlapping(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  let reach = -1;
  for (const c of sorted) {
    if (c.start < reach) continue;
    kept.push(c);
    reach = c.end;
  }
  return kept;
}

const leadOf = (body: string, start: number) => body.slice(Math.max(0, start - 12), start);

/** Joins "from X to Y", "between X and Y" and "X-Y" into ranges; drops "Wednesday," before a date. */
function joinNeighbours(body: string, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const a = candidates[i];
    const b = candidates[i + 1];
    const gap = b ? body.slice(a.end, b.start) : "";
    if (b && a.kind === "weekday" && b.kind === "point" && b.parts.d !== undefined && WEEKDAY_TO_DATE_GAP.test(gap)) continue;
    if (b && a.kind === "point" && b.kind === "point") {
      const lead = leadOf(body, a.start);
      const between = AND_GAP.test(gap) && BETWEEN_BEFORE.test(lead);
      if (between || RANGE_GAP.test(gap)) {
        const opener = (between ? BETWEEN_BEFORE : FROM_BEFORE).exec(lead);
        const start = opener ? a.start - opener[0].length : a.start;
        out.push({ kind: "range", start, end: b.end, from: a.parts, to: b.parts });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

function yearFor(parts: DateParts, ref: Ymd, tense: Tense): number {
  if (parts.m === undefined) return ref.y;
  return parts.d === undefined ? yearForMonth(parts.m, ref, tense) : yearForDay(parts.m, parts.d, ref, tense);
}

/** Fills the missing pieces of a range from its other end, or from the tense when neither has a year. */
function resolveRange(from: DateParts, to: DateParts, ref: Ymd, tense: Tense): { from: DateParts; to: DateParts } {
  let a = { ...from };
  let b = { ...to };
  if (b.m === undefined && b.d !== undefined) b.m = a.m; // "March 1 to 5"
  if (a.m === undefined && a.d !== undefined) a.m = b.m; // "1 to 5 March"
  if (a.y === undefined && b.y !== undefined) a.y = isAfter(a, b) ? b.y - 1 : b.y;
  else if (b.y === undefined && a.y !== undefined) b.y = isAfter(a, b) ? a.y + 1 : a.y;
  else if (a.y === undefined && b.y === undefined) {
    // A past range ends before the publication day; any other starts where its tense says.
    if (tense === "past") {
      b = { ...b, y: yearFor(b, ref, tense) };
      a = { ...a, y: isAfter(a, b) ? (b.y ?? ref.y) - 1 : b.y };
    } else {
      a = { ...a, y: yearFor(a, ref, tense) };
      b = { ...b, y: isAfter(a, b) ? (a.y ?? ref.y) + 1 : a.y };
    }
  }
  return { from: a, to: b };
}

const FINER: Record<Precision, number> = { year: 0, month: 1, day: 2 };

interface Resolved {
  start: string;
  end?: string;
  precision: Precision;
  tense?: Tense;
}

type WeekdayMode = Parameters<typeof weekdayNear>[2];

/** "last Friday" is strictly before; a future weekday is after, or on the day for a present-tense schedule. */
function weekdayMode(mode: "bare" | "last" | "next", reading: TenseReading | undefined): WeekdayMode {
  if (mode === "last") return "before";
  if (mode === "next") return "after";
  if (reading?.tense !== "future") return "on-or-before";
  return reading.schedule ? "on-or-after" : "after";
}

/** Turns a candidate into calendar values; `reading` is read only when the text leaves the year open. */
function resolve(c: Candidate, ref: Ymd, reading: () => TenseReading, previousYear: number | undefined): Resolved | null {
  const tense = () => reading().tense;
  if (c.kind === "invalid") return null;
  if (c.kind === "weekday") {
    const r = c.mode === "bare" ? reading() : undefined;
    return { start: formatParts(weekdayNear(c.weekday, ref, weekdayMode(c.mode, r))), precision: "day", tense: r?.tense };
  }
  if (c.kind === "point") {
    if (c.parts.y !== undefined) return { start: formatParts(c.parts), precision: precisionOfParts(c.parts) };
    if (c.parts.m === undefined && c.parts.d !== undefined) {
      // "on the 30th": the month as well as the year comes from the tense.
      const t = tense();
      const parts = { ...monthForDay(c.parts.d, ref, t), d: c.parts.d };
      return { start: formatParts(parts), precision: "day", tense: t };
    }
    if (c.yearOfPrevious && previousYear !== undefined) {
      const parts = { ...c.parts, y: previousYear };
      return { start: formatParts(parts), precision: precisionOfParts(parts) };
    }
    const t = c.tense ?? tense();
    const parts = { ...c.parts, y: yearFor(c.parts, ref, t) };
    return { start: formatParts(parts), precision: precisionOfParts(parts), tense: t };
  }
  const open = c.from.y === undefined || c.to.y === undefined;
  const t = open ? tense() : undefined;
  const { from, to } = resolveRange(c.from, c.to, ref, t ?? "none");
  if (isAfter(from, to)) return null;
  const [pa, pb] = [precisionOfParts(from), precisionOfParts(to)];
  return { start: formatParts(from), end: formatParts(to), precision: FINER[pa] >= FINER[pb] ? pa : pb, tense: t };
}

export function extractDates(body: string, ctx: ExtractContext): DateMention[] {
  const ref = parseIsoDay(ctx.date);
  const candidates = joinNeighbours(body, selectNonOverlapping(findCandidates(body, ref)));
  const analyses = new Map<number, SentenceTense>();
  const mentions: DateMention[] = [];
  let previousYear: number | undefined; // the last year the text wrote out, for "of that year"

  for (const c of candidates) {
    const sentenceIndex = sentenceAt(ctx.sentences, c.start);
    const sentence = ctx.sentences[sentenceIndex];
    const reading = (): TenseReading => {
      if (!sentence) return { tense: "none", schedule: false };
      let analysis = analyses.get(sentenceIndex);
      if (!analysis) analyses.set(sentenceIndex, (analysis = analyseSentence(sentence.text)));
      return readingAt(analysis, sentence.text, c.start - sentence.start, c.end - sentence.start);
    };
    const resolved = resolve(c, ref, reading, previousYear);
    if (!resolved) continue;
    const written = c.kind === "point" ? c.parts.y : c.kind === "range" ? (c.to.y ?? c.from.y) : undefined;
    if (written !== undefined) previousYear = written;
    // "since 2013" opens a range: start, no end. The word belongs to the expression.
    const since = c.kind === "point" ? SINCE_BEFORE.exec(leadOf(body, c.start)) : null;
    const start = since ? c.start - since[0].length : c.start;
    mentions.push({
      text: body.slice(start, c.end),
      start: resolved.start,
      ...(resolved.end !== undefined && resolved.end !== resolved.start ? { end: resolved.end } : {}),
      precision: resolved.precision,
      ...(resolved.tense !== undefined ? { tense: resolved.tense } : {}),
      provenance: { article: ctx.slug, sentence: sentenceIndex, start, end: c.end },
    });
  }
  return mentions;
}
