/**
 * Word tokens for the name extractors (actors, officials, quotes). Names are read as runs
 * of words, so one tokenizer decides once what a word is: "Angell-Hansen" and "Xi'an" are
 * one word (so "Xi" is never found inside them), "U.S." is one word whose key is "US",
 * "Dr." and the initial "S." keep their dot, and "China's" is the word "China" marked
 * possessive.
 */
import type { Sentence } from "../../text/sentences";

export interface Token {
  /** Position in the token list. */
  index: number;
  /** Offsets of the word in the body, end exclusive; a possessive "'s" is left out. */
  start: number;
  end: number;
  /** End including a possessive "'s": where the gap to the next token starts. */
  tail: number;
  /** The word as written, with an abbreviation's or initial's dot, without "'s". */
  text: string;
  /** The word without a final dot. */
  word: string;
  /** The word without any dots: "U.S." -> "US"; what registry matching compares. */
  key: string;
  /** `key` in lower case: what word lists compare. */
  lower: string;
  possessive: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
}

/** Dotted initialisms ("U.S.", "e.g."), then words with inner hyphens or apostrophes, then numbers. */
const TOKEN = /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['\u2019\-\u2010\u2011]\p{L}[\p{L}\p{M}]*)*|\d+(?:[.,]\d+)*/gu;
const POSSESSIVE = /['\u2019]s$/;
const UPPER = /^\p{Lu}/u;

/** Words that keep a following dot as part of the word (compared lowercased). */
const DOTTED = new Set([
  "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cmdr", "adm",
  "maj", "pres", "amb", "hon", "rev", "st", "jr", "sr", "co", "corp", "inc", "ltd", "no", "mt", "ft",
]);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    let raw = m[0];
    const start = m.index;
    let tail = start + raw.length;
    // Abbreviations and single-letter initials own their dot; a sentence's final dot is not a word's.
    if (text[tail] === "." && !raw.endsWith(".") && ((raw.length === 1 && UPPER.test(raw)) || DOTTED.has(raw.toLowerCase()))) {
      raw += ".";
      tail++;
      TOKEN.lastIndex = tail;
    }
    const possessive = POSSESSIVE.test(raw);
    const textOut = possessive ? raw.slice(0, -2) : raw;
    const word = textOut.endsWith(".") ? textOut.slice(0, -1) : textOut;
    const key = word.replace(/\./g, "");
    tokens.push({
      index: tokens.length,
      start,
      end: start + textOut.length,
      tail,
      text: textOut,
      word,
      key,
      lower: key.toLowerCase(),
      possessive,
      cap: UPPER.test(textOut),
    });
  }
  return tokens;
}

/** Tokens per sentence list: one ExtractContext holds one body, so actors, officials and
 * quotes share a single tokenization of it. */
const cache = new WeakMap<readonly Sentence[], { body: string; tokens: Token[] }>();

export function tokensFor(body: string, sentences: readonly Sentence[]): Token[] {
  const hit = cache.get(sentences);
  if (hit && hit.body === body) return hit.tokens;
  const tokens = tokenize(body);
  cache.set(sentences, { body, tokens });
  return tokens;
}

/** Text between two tokens: "" when adjacent, " " for one space, ", " etc. */
export function gapBetween(body: string, a: Token, b: Token): string {
  return body.slice(a.tail, b.start);
}

const isBlank = (ch: string) => ch === " " || ch === "\t" || ch === "\u00a0";

/**
 * One or two spaces or tabs between two tokens (no line break, no punctuation): they belong
 * to one phrase. Reads the body in place: this runs for every token.
 */
export function spaced(body: string, a: Token, b: Token): boolean {
  const n = b.start - a.tail;
  return n > 0 && n <= 2 && isBlank(body[a.tail]) && (n === 1 || isBlank(body[a.tail + 1]));
}

