/**
 * Numbers that do not state a quantity (docs/EXTRACT.md, "What each record kind counts"):
 * parts of dates and years, digits inside chemical names, ordinals, law and article
 * numbers, codes and phone numbers, durations, ages, multipliers and small spelled counts.
 * Each guard looks only at the characters around one number.
 */
import type { TextRange } from "../../schema";
import type { SpanIndex } from "../../text/spans";
import { isYearInName, isYearToken } from "../../text/years";
import type { Quantity } from "./units";

/**
 * Part of a longer token: "4-AP", "COVID-19", "H5N1", "SOR/2016-294", "No.5", "+1", "11:23",
 * or the second locant of "1,4 butanediol" (digits joined by a comma without a space are no
 * count: a thousands group is read with its number).
 */
const GLUED_BEFORE = /(?:[\p{L}\p{N}_\-–/#.:+@=&\\]|\p{N},)$/u;
/**
 * Glued after: "60th", "5G", "1990s", "4-AP", "10-year", "2016-294", "24/7", "11:23",
 * "2933.39.41", "1,4 diol", and a locant before a bracket: "ethyl 3-(2H-...".
 */
const GLUED_AFTER = /^(?:[\p{L}\p{N}_@]|[-–][\p{L}\p{N}([]|[/:,]\p{N}|\.\p{N})/u;

/** A run of numbers already in a label: "Articles 4 and 5", "Sections 3, 4 or 7". */
const LABEL_CHAIN = String.raw`\s*(?:\d+\s*(?:,|and|or|to|through|-|–)\s*)*$`;

/** Words after which a number is a label in any case: "Article 5", "section 21", "No. 3", "page 4". */
const LABEL_BEFORE = new RegExp(
  String.raw`\b(?:articles?|sections?|sec\.|schedules?|chapters?|annex(?:es)?|appendix|paragraphs?|para\.|clauses?|no\.|nos\.|number|items?|pages?|p\.|pp\.|vol\.|volume|resolutions?|decrees?|dockets?|codes?|heading|subheading|HS|titles?|rules?)` + LABEL_CHAIN,
  "i",
);
/** Capitalised, these name things: "Table I", "Phase 2", "Executive Order 14195", "Alfa 1". */
const CAPITALISED_LABEL_BEFORE = new RegExp(
  String.raw`\b(?:List|Table|Part|Phase|Round|Point|Class|Category|Level|Tier|Grade|Step|Stage|Decision|Order|Regulation|Bill|Amendment|File|Route|Highway|Interstate|Flight|Room|Version|Session|Model|Alfa|Alpha|Operation|Unit|Division|District|Region|Zone|Gate|Terminal|Platform|Channel|Case|Law)` + LABEL_CHAIN,
);

/** The denominator of a rate: "32.6 per 100,000 people", "seven out of 10 pills". */
const DENOMINATOR_BEFORE = /\b(?:per|out\s+of)\s+$/i;

/** A capitalised word just before a bare number names something: "Alfa 1", "Boeing 747". */
const NAME_BEFORE = /(?:^|[^.!?\s]\s+)([A-Z][\p{L}-]*)\s+$/u;
/** Capitalised words that still introduce quantities: "About 500", "At least 30", "In 2019". */
const NOT_A_NAME = new Set(
  (
    "About Around Over Under Nearly Almost Some Roughly Approximately Only Just Least Most More Less Than " +
    "The A An And Or But In On At Of By For With From To Into Since Between After Before During Those " +
    "These All Another Total Exactly Precisely Estimated Up Down Further Additional"
  ).split(" "),
);

/** After a name, a bare number closed by a comma is an age: "Thomas Rauh, 37, and ...". */
const AGE_AFTER_NAME = { before: /[A-Z][\p{L}'-]+,\s$/u, after: /^(?:[,;)]|\.(?!\d)|\s+and\b)/ };
const AGE_LEAD = /\b(?:aged?|ages)\s+(?:of\s+|between\s+)?$|\b(?:aged?|ages)\s+(?:between\s+)?\d{1,3}\s*(?:to|and|-|–)\s*$|[A-Z][\p{L}'-]+\s\($/u;

/** "53 years", "six-month"; but "up 9,000 year-on-year" compares with last year, it lasts nothing. */
const DURATION_AFTER =
  /^\s*-?\s*(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|decades?|centuries|century)\b(?![-\s]+(?:on|over)[-\s]+(?:years?|months?|weeks?)\b)/i;
const MULTIPLIER_AFTER = /^\s*-?\s*(?:times|fold)\b/i;
const TIME_AFTER = /^\s*(?:a\.?m\.?|p\.?m\.?|o['’]clock|GMT|UTC|EST|EDT|ET|PT|BST|CET)(?![A-Za-z])/;
const PHONE = { before: /\(\s*$/, after: /^\s*\)\s*\d/ };
/** "1. Tariff cuts:" at the start of a line is list numbering; so is a heading's "1.CONTEXT". */
const LIST_NUMBER = { before: /(?:^|\n)[ \t>#*]*$/, after: /^(?:[.)]\s|\.\p{Lu})/u };

/** Whole phone numbers, legal citations and links, whose digit groups would otherwise read as counts. */
const PROTECTED =
  /\b\d+\s+(?:U\.S\.C\.|USC|C\.F\.R\.|CFR|FR|Fed\.\s?Reg\.)\s*(?:§+\s*)?[\d.()a-z]*|§+\s*[\d.()a-z-]+|\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}|\(\d{3}\)\s?\d{3}[-.\s]\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b|\bhttps?:\/\/[^\s)\]>]+|\bwww\.[^\s)\]>]+/g;

const LOOK = 60;

/** Spans of phone numbers, legal citations and links: nothing inside them is a statistic. */
export function protectedSpans(body: string): TextRange[] {
  return [...body.matchAll(PROTECTED)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Why a quantity is not a statistic, or undefined when it is one. Reasons help tests and debugging. */
export function rejectReason(body: string, q: Quantity, taken: SpanIndex): string | undefined {
  if (taken.overlaps(q.numberStart, q.numberEnd)) return "inside a date or chemical name";
  const lead = body.slice(Math.max(0, q.start - LOOK), q.start);
  const tail = body.slice(q.end, q.end + LOOK);
  const bare = q.unit === undefined && !q.scaled;

  if (GLUED_BEFORE.test(lead) || GLUED_AFTER.test(tail)) return "part of a longer token";
  if (bare && !q.spelled) {
    const digits = body.slice(q.numberStart, q.numberEnd);
    if (isYearToken(body, q.numberStart, q.numberEnd) || isYearInName(body, q.numberStart, q.numberEnd)) return "a year";
    if (/^\d{6,}$/.test(digits)) return "a code (long number without separators)";
    if (LABEL_BEFORE.test(lead) || CAPITALISED_LABEL_BEFORE.test(lead)) return "a label number";
    const name = NAME_BEFORE.exec(lead);
    const smallPlain = /^\d{1,3}$/.test(digits);
    if (name && smallPlain && !NOT_A_NAME.has(name[1]) && /^(?:\s*[,.;:)\]]|\s*$|\s+[A-Z])/.test(tail)) return "a number in a name";
    if (AGE_AFTER_NAME.before.test(lead) && AGE_AFTER_NAME.after.test(tail) && q.value < 120) return "an age";
    if (LIST_NUMBER.before.test(lead) && LIST_NUMBER.after.test(tail)) return "list numbering";
    if (PHONE.before.test(lead) && PHONE.after.test(tail)) return "a phone number";
    if (TIME_AFTER.test(tail)) return "a time of day";
  }
  if (q.unit === undefined && AGE_LEAD.test(lead)) return "an age";
  if (q.unit === undefined && DENOMINATOR_BEFORE.test(lead)) return "a rate's denominator";
  if (q.unit === undefined && DURATION_AFTER.test(tail)) return "a duration";
  if (q.unit === undefined && MULTIPLIER_AFTER.test(tail)) return "a multiplier";
  return undefined;
}
