/**
 * Which way a sentence points in time, seen from one date expression inside it.
 *
 * docs/EXTRACT.md resolves "July 20" or "in May" to the past one when the sentence speaks of
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
 *
 * The edge word itself never sets the tense of its own date: "starting" in "was set at 20%
 * starting in March" opens the period, the clause's verb says when. And a period that ends
 * on the date of a present-perfect clause ("has paused the tariffs until at least March 4")
 * is still running, so its end is read as "none" (nearest), not as the past.
 */
import type { Tense } from "../schema";

interface Marker {
  start: number;
  end: number;
  tense: Tense;
  /** A present perfect ("has paused", "have been"): past in form, but reaching the present. */
  perfect?: boolean;
  /** A schedule in the present tense ("takes effect"): ahead, or the very day written. */
  schedule?: boolean;
}

/** What a date's tense rests on: the tense, and whether a present-tense schedule gave it. */
export interface TenseReading {
  tense: Tense;
  schedule: boolean;
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
  /\b(?:(?:was|were)\s+(?:set\s+(?:to|for)|scheduled|slated|expected|due|planned)|would|could|should|might|is|are|am|remains?|runs|applies|expires|lasts|continues|stays|holds|covers|requires|includes|says|becomes|begins|ends|starts)\b/gi;

/**
 * Words that make a date the edge of a period rather than an event: "from May 1", "until
 * May 15", "starting in March", "until at least March 4". Group 1 is the edge word.
 */
const PERIOD_EDGE =
  /\b(from|until|till|to|through|by|starting|effective|beginning|as\s+of)\s+(?:at\s+(?:least|the\s+earliest)\s+)?(?:(?:in|on|from)\s+)?$/i;
/** Edges that close a period: a present-perfect clause keeps such a period open. */
const END_EDGE = /^(?:until|till|through)$/i;
/** How far back an edge phrase may reach: "starting from ", "until at the earliest ". */
const EDGE_LOOKBACK = 32;

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
  // "will be held", "is made": irregular participles are passive after these too.
  if (NOT_PAST_BEFORE.has(previous)) return false;
  if (IRREGULAR_PAST.has(word)) return true;
  if (!/^[a-z]{2,}ed$/.test(word) || ADJECTIVAL_ED.has(word)) return false;
  return !/eed$/.test(word) || /^(?:agreed|freed|decreed|guaranteed)$/.test(word);
}

/** Future phrases in the present simple: "the rule takes effect on Monday" may mean today. */
const PRESENT_SCHEDULE = /^(?:takes|comes|enters)\s/i;

/** Auxiliaries of the present perfect: "has paused", "have agreed". */
const PERFECT_AUXILIARY = /^(?:has|have|['’]s|['’]ve)$/i;

/** Finds tense markers and clause boundaries once per sentence. */
export function analyseSentence(text: string): SentenceTense {
  const markers: Marker[] = [];
  for (const m of text.matchAll(FUTURE)) {
    const schedule = PRESENT_SCHEDULE.test(m[0]);
    markers.push({ start: m.index, end: m.index + m[0].length, tense: "future", ...(schedule ? { schedule } : {}) });
  }
  for (const m of text.matchAll(PAST_WORDS)) {
    const perfect = /^(?:has|have)\s/i.test(m[0]);
    markers.push({ start: m.index, end: m.index + m[0].length, tense: "past", ...(perfect ? { perfect } : {}) });
  }
  for (const m of text.matchAll(PRESENT)) markers.push({ start: m.index, end: m.index + m[0].length, tense: "none" });
  let previous = "";
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (isPastWord(word, previous.toLowerCase())) {
      const perfect = PERFECT_AUXILIARY.test(previous);
      markers.push({ start: m.index, end: m.index + word.length, tense: "past", ...(perfect ? { perfect } : {}) });
    }
    previous = word;
  }
  const boundaries = [...text.matchAll(CLAUSE_BOUNDARY)].map((m) => m.index);
  return { markers, boundaries };
}

/** The edge phrase just before a date ("until at least "), as offsets and its edge word. */
function edgeBefore(sentence: string, start: number): { start: number; word: string } | null {
  const from = Math.max(0, start - EDGE_LOOKBACK);
  const m = PERIOD_EDGE.exec(sentence.slice(from, start));
  return m ? { start: from + m.index, word: m[1] } : null;
}

/** The tense of the date at [start, end) of a sentence (offsets into the sentence text). */
export function tenseAt(analysis: SentenceTense, sentence: string, start: number, end: number): Tense {
  return readingAt(analysis, sentence, start, end).tense;
}

/** The tense of the date at [start, end), and whether a present-tense schedule decided it. */
export function readingAt(analysis: SentenceTense, sentence: string, start: number, end: number): TenseReading {
  const marker = decidingMarker(analysis, sentence, start, end);
  if (marker === "none") return { tense: "none", schedule: false };
  return { tense: marker?.tense ?? "none", schedule: marker?.schedule === true };
}

/** The marker that decides a date's tense, "none" when a rule says so, undefined when nothing does. */
function decidingMarker(analysis: SentenceTense, sentence: string, start: number, end: number): Marker | "none" | undefined {
  const clauseStart = Math.max(0, ...analysis.boundaries.filter((b) => b < start));
  const clauseEnd = Math.min(Infinity, ...analysis.boundaries.filter((b) => b >= end));
  const edge = edgeBefore(sentence, start);
  // The edge word is no marker of its own date ("starting in March").
  const outside = analysis.markers.filter((m) => (m.end <= start || m.start >= end) && !(edge && m.start >= edge.start && m.end <= start));
  const inClause = outside.filter((m) => m.start >= clauseStart && m.end <= clauseEnd);
  if (inClause.length) {
    const marker = nearestMarker(inClause, start, end);
    // "has paused the tariffs until March 4": the period still runs, so its end is not past.
    if (marker?.perfect && edge && END_EDGE.test(edge.word)) return "none";
    return marker;
  }
  // An edge that opens the sentence ("Beginning Wednesday, China will ...") takes the main
  // clause's tense, like any opening date phrase; elsewhere, reporting verbs around it date
  // the announcement, not the period.
  if (edge && sentence.slice(0, edge.start).trim() !== "") return "none";
  const before = outside.filter((m) => m.end <= start);
  return nearestMarker(before.length ? before : outside, start, end);
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
