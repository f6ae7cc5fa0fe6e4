/**
 * Reading numbers as news copy writes them: "1,300", "2.42", "121 million", "$1.5bn",
 * "twenty-five", "a billion". Shared by the statistics extractor; pure and allocation-light.
 */

/** Spelled-out numbers below twenty. "a" counts as one before a scale word ("a billion"). */
const UNITS: Readonly<Record<string, number>> = {
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};

const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Multipliers written after a number. The short forms only ever follow digits ("$17m", "1.5bn"). */
export const SCALES: Readonly<Record<string, number>> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9,
  // Indian and Pakistani copy: a lakh (also "lac") is 100,000, a crore 10 million; copy
  // often writes them plural ("Rs 120 crores", "50 lakhs").
  lakh: 1e5, lakhs: 1e5, lac: 1e5, lacs: 1e5, crore: 1e7, crores: 1e7,
};

const SMALL_WORDS = ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEEN_WORDS = Object.keys(UNITS).filter((w) => UNITS[w] >= 10);

/**
 * Regex source for a spelled-out number from ten to ninety-nine ("twenty-five", "eleven").
 * Smaller ones are not statistics on their own (docs/EXTRACT.md), so they are read only before a scale.
 */
export const BIG_NUMBER_WORD_SOURCE =
  `(?:(?:${Object.keys(TENS).join("|")})(?:[- ](?:${SMALL_WORDS.slice(1).join("|")}))?` +
  `|${TEEN_WORDS.sort((a, b) => b.length - a.length).join("|")})`;

/** Regex source for one to nine ("two million", "two milligrams"); "a" is added by callers that need it. */
export const SMALL_NUMBER_WORD_SOURCE = `(?:${SMALL_WORDS.slice(1).join("|")})`;

/** Regex source for digits as written in news: "1,300", "15887", "2.42", ".5" is not accepted. */
export const DIGITS_SOURCE = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

/** "1,300" -> 1300, "2.42" -> 2.42. */
export function parseDigits(text: string): number {
  return Number(text.replace(/,/g, ""));
}

/** "twenty-five" -> 25, "eleven" -> 11, "a" -> 1, "half a" -> 0.5; undefined for anything else. */
export function parseNumberWord(text: string): number | undefined {
  if (/^half\s+an?$/i.test(text)) return 0.5; // "half a million"
  const words = text.toLowerCase().split(/[- ]+/);
  if (words.length === 1) return UNITS[words[0]] ?? TENS[words[0]];
  if (words.length === 2 && words[0] in TENS && words[1] in UNITS && UNITS[words[1]] < 10) {
    return TENS[words[0]] + UNITS[words[1]];
  }
  return undefined;
}

/** Multiplies without binary noise: 2.42 * 1e6 is 2420000, not 2420000.0000000005. */
export function scaled(value: number, scale: number): number {
  return Number((value * scale).toPrecision(12));
}

/** The value of a scale word such as "million" or "bn" (case-insensitive); 1 when absent. */
export function scaleOf(word: string | undefined): number {
  if (!word) return 1;
  return SCALES[word.toLowerCase()] ?? 1;
}
