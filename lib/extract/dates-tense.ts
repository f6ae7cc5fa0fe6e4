/**
 * Which way a sentence points in time, seen from one date expression inside it.
 *
 * CONTRACT.md resolves "July 20" or "in May" to the past one when the sentence speaks of
 * the past and to the next one when it speaks of the future. A sentence often does both
 * ("Last Friday, authorities announced that two chemicals will be controlled from July
 * 20"), so we read the tense marker nearest to the date inside its own clause. When the
 * clause has none:
 * - a date that opens or closes a period ("from September 1", "until November 10") is
 *   read as "none" (the nearest date wins): reporting verbs elsewhere ("under a notice
 *   issued on Friday") date the announcement, not the period;
 * - otherwise the nearest marker before the date in the sentence, else the nearest after
 *   it ("In April, he announced ...").
 * Present-tense verbs ("runs", "is") are markers too, of "none".
 */
import type { Tense } from "./dates-calendar";

interface Marker {
  start: number;
  end: number;
  tense: Tense;
}

export interface SentenceTense {
  markers: Marker[];
  /** Offsets (into the sentence) where a clause ends and the next begins. */
  boundaries: number[];
}

/**
 * Phrases that put an event ahead of the writer. "would" and "was due to" are left out:
 * they are the past's future ("the truce agreed in May was due to expire").
 */
const FUTURE =
  /\b(?:will|shall|won't|(?:is|are)\s+(?:set|scheduled|slated|expected|due|poised|going|planned)|(?:plans?|intends?|aims?|hopes?|seeks?|vows?|pledges?|promises?|expects?)\s+to|expects?|anticipates?|(?:takes?|taking|to\s+take)\s+effect|(?:comes?|coming|to\s+come)\s+into\s+(?:force|effect)|enters?\s+into\s+force|starting|effective|upcoming|next|tomorrow|later\s+this)\b|['’]ll\b/gi;

/** Auxiliaries and adverbs of the past. */
const PAST_WORDS = /\b(?:was|were|had|did|has\s+been|have\s+been|ago|earlier|previously|yesterday|last)\b/gi;

/**
 * Present-tense verbs that describe a state running now ("the truce runs until November
 * 10"), and modals whose time the writer leaves open ("said the rules would apply from
 * May 1" may be either side of the publication day).
 */
const PRESENT =
  /\b(?:(?:was|were)\s+(?:set|scheduled|slated|expected|due|planned)|would|could|should|might|is|are|am|remains?|runs|applies|expires|lasts|continues|stays|holds|covers|requires|includes|says|becomes|begins|ends|starts)\b/gi;

/** Words that make a date the edge of a period rather than an event: "from May 1", "until May 15". */
const PERIOD_EDGE = /\b(?:from|until|till|to|through|by|starting|effective|as\s+of)\s+$/i;

/** Common irregular past-tense verbs (ambiguous ones such as "put", "set", "cut" are left out). */
export const IRREGULAR_PAST = new Set(
  (
    "said told met took came began made held saw gave went became left fell rose grew sent brought found " +
    "caught sought bought struck won led ran kept spent paid sold got knew thought wrote spoke broke chose " +
    "drove flew lost meant stood stole taught threw understood withdrew laid fled fought dealt felt heard " +
    "built lent bound arose undertook upheld oversaw overtook forbade sank shook swore wore"
  ).split(" "),
);

/** Words ending in -ed that news uses mostly as adjectives ("controlled substances", "so-called"). */
const ADJECTIVAL_ED = new Set(
  (
    "related controlled based called limited registered listed scheduled alleged suspected armed " +
    "organized organised concerned detailed advanced unprecedented named designated licensed unlicensed " +
    "regulated unregulated united interested experienced skilled talented qualified sophisticated " +
    "coordinated concentrated dedicated needed red bed hundred"
  ).split(" "),
);

/** A participle after these is passive or infinitive, not a past verb: "will be added", "is controlled". */
const NOT_PAST_BEFORE = new Set(["be", "been", "being", "is", "are", "am", "will", "to", "would", "could", "should", "must", "can", "may", "might", "remain", "remains", "get", "gets"]);

const WORD = /[A-Za-z][A-Za-z'’-]*/g;

/** Where one clause ends and the next begins; "and" too: "added X in March and will add Y in January". */
const CLAUSE_BOUNDARY =
  /[;:()]|,\s|\s[—–-]{1,2}\s|\b(?:and|that|which|who|when|while|after|before|because|although|though|but|whereas)\b/gi;

function isPastWord(word: string, previous: string): boolean {
  if (IRREGULAR_PAST.has(word)) return true;
  if (!/^[a-z]{2,}ed$/.test(word) || ADJECTIVAL_ED.has(word)) return false;
  if (/eed$/.test(word) && !/^(?:agreed|freed|decreed|guaranteed)$/.test(word)) return false;
  return !NOT_PAST_BEFORE.has(previous);
}

/** Finds tense markers and clause boundaries once per sentence. */
export function analyseSentence(text: string): SentenceTense {
  const markers: Marker[] = [];
  for (const m of text.matchAll(FUTURE)) markers.push({ start: m.index, end: m.index + m[0].length, tense: "future" });
  for (const m of text.matchAll(PAST_WORDS)) markers.push({ start: m.index, end: m.index + m[0].length, tense: "past" });
  for (const m of text.matchAll(PRESENT)) markers.push({ start: m.index, end: m.index + m[0].length, tense: "none" });
  let previous = "";
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (isPastWord(word, previous.toLowerCase())) markers.push({ start: m.index, end: m.index + word.length, tense: "past" });
    previous = word;
  }
  const boundaries = [...text.matchAll(CLAUSE_BOUNDARY)].map((m) => m.index);
  return { markers, boundaries };
}

/** The tense of the date at [start, end) of a sentence (offsets into the sentence text). */
export function tenseAt(analysis: SentenceTense, sentence: string, start: number, end: number): Tense {
  const clauseStart = Math.max(0, ...analysis.boundaries.filter((b) => b < start));
  const clauseEnd = Math.min(Infinity, ...analysis.boundaries.filter((b) => b >= end));
  const outside = analysis.markers.filter((m) => m.end <= start || m.start >= end);
  const inClause = outside.filter((m) => m.start >= clauseStart && m.end <= clauseEnd);
  if (inClause.length) return nearestMarker(inClause, start, end)?.tense ?? "none";
  if (PERIOD_EDGE.test(sentence.slice(Math.max(0, start - 12), start))) return "none";
  const before = outside.filter((m) => m.end <= start);
  return nearestMarker(before.length ? before : outside, start, end)?.tense ?? "none";
}

/** Nearest by characters; at equal distance a past or future marker beats a present one. */
function nearestMarker(markers: Marker[], start: number, end: number): Marker | undefined {
  const distance = (m: Marker) => (m.end <= start ? start - m.end : m.start - end);
  let best: Marker | undefined;
  for (const m of markers) {
    const closer = !best || distance(m) < distance(best);
    const tieWins = best !== undefined && distance(m) === distance(best) && best.tense === "none" && m.tense !== "none";
    if (closer || tieWins) best = m;
  }
  return best;
}
