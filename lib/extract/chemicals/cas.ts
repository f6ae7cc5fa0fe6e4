/**
 * CAS registry numbers: NNNNNNN-NN-N, two to seven digits, two digits, one check digit.
 * The check digit is the sum of the other digits weighted 1, 2, 3, ... from the right,
 * modulo 10. It rejects most dates, phone fragments and typos that merely look like CAS.
 */

const CAS_SHAPE = /^(\d{2,7})-(\d{2})-(\d)$/;

/** True when `value` is shaped like a CAS number and its check digit is right. Pure. */
export function isValidCas(value: string): boolean {
  const m = CAS_SHAPE.exec(value.trim());
  if (!m) return false;
  const digits = (m[1] + m[2]).split("").reverse();
  const sum = digits.reduce((acc, d, i) => acc + Number(d) * (i + 1), 0);
  return sum % 10 === Number(m[3]);
}

export interface CasMatch {
  /** The number as written (hyphens normalised to ASCII). */
  cas: string;
  /** Offsets into the text, end exclusive. */
  start: number;
  end: number;
}

// Any Unicode hyphen or dash may join the groups in copied text; the lookarounds keep us
// from cutting a CAS-shaped piece out of a longer number ("2024-09-01", "1-800-555-12-34").
const CAS_IN_TEXT = /(?<![\d\-\u2010-\u2015.,])(\d{2,7})[-\u2010-\u2015](\d{2})[-\u2010-\u2015](\d)(?![\d\-\u2010-\u2015]|[.,]\d)/g;

/** Every CAS number in `text` whose check digit is right, in text order. Pure. */
export function findCasNumbers(text: string): CasMatch[] {
  const found: CasMatch[] = [];
  for (const m of text.matchAll(CAS_IN_TEXT)) {
    const cas = `${m[1]}-${m[2]}-${m[3]}`;
    if (!isValidCas(cas)) continue;
    const start = m.index ?? 0;
    found.push({ cas, start, end: start + m[0].length });
  }
  return found;
}
