/**
 * When is a four-digit number a year? "in 2019", "mid-2020" and "OTHER 2022 CBSA
 * HIGHLIGHTS" are years; "2,019", "SOR/2016-294", "2000 people" and "COVID-2019" are not.
 * A year inside a name ("the 1988 Convention", "the Control Act of 1996") is still a year
 * for statistics, which must skip it, but not a date mention (docs/EXTRACT.md): it names
 * a thing rather than dating anything.
 */

/** Words after which a number is a quantity, not a year: "2000 people", "1500 tons". */
const QUANTITY_NOUN =
  /^\s+(?:people|persons|individuals|deaths|overdoses|cases|suspects|arrests|officers|agents|troops|soldiers|migrants|victims|tons|tonnes|kilograms|kilos|kg|pounds|lbs|grams|pills|tablets|doses|firearms|weapons|guns|rifles|rounds|labs|laboratories|companies|firms|shipments|packages|parcels|containers|vehicles|trucks|cars|vessels|sites|websites|accounts|substances|chemicals|analogues|analogs|members|times)\b/i;

/** Words before a number that make it a quantity: "more than 2000", "some 1500". */
const QUANTITY_LEAD = /\b(?:more than|less than|fewer than|at least|up to|nearly|almost|about|around|roughly|approximately|some|over|under|only|total of|estimated)\s+$/i;

/** A year preceded by one of these still reads as a year even before a plural noun: "in 2019 arrests". */
const TEMPORAL_LEAD = /\b(?:in|since|by|of|from|until|till|through|to|during|before|after|between|early|late|mid|fiscal|the|year|circa)\s+$/i;

/** Names that carry a year: "the 1988 Convention", "1961 Single Convention", "Act of 1996". */
const NAME_AFTER = /^\s+(?:(?:UN|U\.N\.|United\s+Nations|Single|International|Federal)\s+)?(?:Convention|Act|Protocol|Treaty|Agreement|Accord|Law|Amendment|Declaration|Resolution|Olympics|Games|Plan|Strategy|Initiative|Report|Assessment|Survey)\b/;
const NAME_BEFORE = /\b(?:Act|Convention|Protocol|Law|Treaty|Agreement|Accord|Amendment|Declaration)\s+of\s+$/;
/** "the 2023 National Drug Threat Assessment": a year between "the" and a capitalised name. */
const THE_BEFORE_NAME = { before: /\bthe\s+$/i, after: /^\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]/ };

const LOOK = 40;

function before(body: string, start: number): string {
  return body.slice(Math.max(0, start - LOOK), start);
}

function after(body: string, end: number): string {
  return body.slice(end, end + LOOK);
}

/**
 * True when the four digits at [start, end) stand for a calendar year, judged only by
 * their shape and neighbours (names included).
 */
export function isYearToken(body: string, start: number, end: number): boolean {
  const text = body.slice(start, end);
  if (!/^(?:19|20)\d\d$/.test(text)) return false;
  const prev = body[start - 1] ?? " ";
  // Glued to other symbols: "$2019", "#2019", "SOR/2016-294", "1,2019", "No.2019" (but "FY2024" is a year).
  if (/[\w$€£¥#/.,:+]/.test(prev) && !/\bFY$/.test(before(body, start))) return false;
  // A hyphen before is fine only in "mid-2019", "pre-2020", "late-2021".
  if ((prev === "-" || prev === "–") && !/\b(?:mid|early|late|pre|post|end)-$/i.test(before(body, start))) return false;
  const tail = after(body, end);
  // Glued to letters, digits or a unit after: "1990s", "2019%", "2019.5", "2019/20".
  if (/^[\w%]/.test(tail) || /^[.,/:]\d/.test(tail)) return false;
  // A hyphen and digits after is a year range ("2022-23", "2022-2023") or a code ("2016-294").
  if (/^[-–]\d/.test(tail) && !/^[-–](?:\d\d|(?:19|20)\d\d)(?![\d-])/.test(tail)) return false;
  const lead = before(body, start);
  if (QUANTITY_LEAD.test(lead)) return false;
  if (QUANTITY_NOUN.test(after(body, end)) && !TEMPORAL_LEAD.test(lead)) return false;
  return true;
}

/** True when a year is part of a name ("the 1988 Convention"): a year, but not a date mention. */
export function isYearInName(body: string, start: number, end: number): boolean {
  const lead = before(body, start);
  const tail = after(body, end);
  if (NAME_AFTER.test(tail) || NAME_BEFORE.test(lead)) return true;
  return THE_BEFORE_NAME.before.test(lead) && THE_BEFORE_NAME.after.test(tail);
}
