/**
 * Word boundaries for chemical names. Chemical names are built from letters, digits and
 * hyphens ("1-boc-4-AP", "4-ANPP"), so a plain \b is wrong: it would find "4-AP" inside
 * "1-boc-4-AP" and "NPP" inside "4-NPP". Here a name must not touch a letter or digit on
 * either side, and a hyphen joining it to more name is also a join, with two exceptions
 * news prose needs: an English prefix before it ("anti-fentanyl", or another chemical,
 * "heroin-fentanyl") and an English word after it ("fentanyl-laced", "xylazine-positive").
 */

const WORD_CHAR = /[\p{L}\p{N}]/u;
const HYPHEN = /[-\u2010-\u2015]/;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

export function isHyphen(ch: string | undefined): boolean {
  return ch !== undefined && HYPHEN.test(ch);
}

/** Prefixes that make an English compound with a drug name rather than a new chemical. */
export const ENGLISH_PREFIXES: ReadonlySet<string> = new Set(["anti", "non", "counter"]);

/**
 * Words after a hyphen that turn a drug name into a class word: "fentanyl-related
 * substances", "fentanyl-like", "fentanyl-type" name a family, not the drug.
 */
export const CLASS_SUFFIXES = new Set([
  "related", "like", "type", "class", "analog", "analogs", "analogue", "analogues",
]);

/** "fentanyl related substances" written without the hyphen is the same class word. */
const CLASS_PHRASE_AFTER = /^\s+(?:related|like)\s+(?:substances?|compounds?|chemicals?|analog(?:ue)?s?)\b/i;

/** The letters (and digits) of the word that ends just before `end`. */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return text.slice(i, end);
}

/** The letters (and digits) of the word that starts at `start`. */
function wordAfter(text: string, start: number): string {
  let i = start;
  while (i < text.length && isWordChar(text[i])) i++;
  return text.slice(start, i);
}

/**
 * May a name start at `start`? `joinedTo` is the end of the previous chemical found, so
 * "heroin-fentanyl" yields both drugs while "boc-4-AP" does not yield 4-AP.
 */
export function leftBoundaryOk(text: string, start: number, joinedTo: number): boolean {
  if (start === 0) return true;
  const before = text[start - 1];
  if (isWordChar(before)) return false;
  if (!isHyphen(before) || !isWordChar(text[start - 2])) return true;
  if (start - 1 === joinedTo) return true;
  return ENGLISH_PREFIXES.has(wordBefore(text, start - 1).toLowerCase());
}

/** May a name end at `end` (exclusive)? */
export function rightBoundaryOk(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const after = text[end];
  if (isWordChar(after)) return false;
  if (isHyphen(after) && isWordChar(text[end + 1])) {
    const word = wordAfter(text, end + 1);
    // A digit after the hyphen continues a longer name or code ("PMK-2" is no PMK); a word
    // may be capitalised in a headline ("Fentanyl-Laced Pills").
    if (/^\d/.test(word)) return false;
    return !CLASS_SUFFIXES.has(word.toLowerCase());
  }
  return !CLASS_PHRASE_AFTER.test(text.slice(end, end + 40));
}
