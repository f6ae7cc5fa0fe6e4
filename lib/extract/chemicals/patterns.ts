/**
 * Drug names the registry does not know, found by their shape. New fentanyl analogues are
 * named "<acyl or ring prefix> + fentanyl/fentanil" (ocfentanil, para-fluorofentanyl,
 * "cyclopropyl fentanyl"), nitazene opioids "<x>nitazene" or "<x>nitazepyne", designer
 * benzodiazepines "<x>zolam" or "<x>zepam". No English word has these endings, so the
 * shape alone is safe; what needs care is English compounds such as "non-fentanyl".
 */
import type { ChemicalRole } from "../../schema";
import { ENGLISH_PREFIXES, rightBoundaryOk } from "./boundaries";

export interface PatternMatch {
  /** The name as written, without a plural "s". */
  name: string;
  start: number;
  end: number;
  role: ChemicalRole;
}

/** A word that may hold hyphens: "para-fluorofentanyl", "N-pyrrolidino-etonitazene". */
const TOKEN = /[\p{L}\p{N}]+(?:[-\u2010-\u2015][\p{L}\p{N}]+)*/gu;
const DRUG_ENDING = /(fentanyl|fentanil|nitazene|nitazepyne|zolam|zepam)(s?)$/i;
/** Endings that are a drug name on their own when the registry does not list them. */
const BARE_NAMES = new Set(["fentanyl", "fentanil", "nitazene"]);
const OPIOID_ENDINGS = /^(fentanyl|fentanil|nitazene|nitazepyne)$/i;

/** The piece before "-fentanyl" must read as chemistry ("3-methyl-", "para-fluoro-"), not English ("non-", "Mexico-"). */
const CHEMICAL_SEGMENT = /^[a-z]{2,}(?:yl|o)$/;
/** A separate word that names an acyl group: "cyclopropyl fentanyl", "methoxyacetyl fentanyl". */
const ACYL_WORD_BEFORE = /(?<![\p{L}\p{N}\-\u2010-\u2015])((?:[\p{L}\p{N}]+[-\u2010-\u2015])*[a-z]{2,}(?:yl|oyl))(?:[ \t]+|[ \t]*\n[ \t]*)$/u;
/** English words ending in -yl that are not acyl groups. */
const NOT_ACYL = new Set(["vinyl", "beryl", "sibyl", "idyl", "dactyl"]);

type PrefixReading = "analogue" | "english" | "none";

/** Whether what precedes the ending makes a new drug, an English compound, or neither. */
function readPrefix(prefix: string, ending: string): PrefixReading {
  if (prefix === "") return BARE_NAMES.has(ending.toLowerCase()) ? "analogue" : "none";
  if (/[-\u2010-\u2015]$/.test(prefix)) {
    const segments = prefix.slice(0, -1).split(/[-\u2010-\u2015]/);
    const last = segments[segments.length - 1];
    if (CHEMICAL_SEGMENT.test(last)) return "analogue";
    // "non-fentanyl": the drug itself, when its name may stand alone.
    return segments.length === 1 && ENGLISH_PREFIXES.has(last.toLowerCase()) && BARE_NAMES.has(ending.toLowerCase()) ? "english" : "none";
  }
  // "StopFentanyl" is a hashtag, not a drug: a capital after a lowercase letter joins words.
  if (/\p{Ll}$/u.test(prefix) && /^\p{Lu}/u.test(ending)) return "none";
  return /\p{L}{2}$/u.test(prefix) ? "analogue" : "none";
}

function roleFor(ending: string): ChemicalRole {
  return OPIOID_ENDINGS.test(ending) ? "opioid" : "other-drug";
}

/**
 * Unregistered drug names by shape, skipping words where `taken(start, end)` says a
 * registered name already sits. Pure.
 */
export function findPatternNames(text: string, taken: (start: number, end: number) => boolean): PatternMatch[] {
  const found: PatternMatch[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    const ending = DRUG_ENDING.exec(token);
    if (!ending) continue;
    const start = m.index ?? 0;
    const end = start + token.length;
    // The same class-word rule as for registered names: "fentanyl related substances".
    if (taken(start, end) || !rightBoundaryOk(text, end)) continue;
    const name = ending[2] ? token.slice(0, -1) : token;
    const prefix = name.slice(0, name.length - ending[1].length);
    const reading = readPrefix(prefix, ending[1]);
    if (reading === "none") continue;
    const from = reading === "english" ? start + prefix.length : start;
    found.push({ name: name.slice(from - start), start: from, end, role: roleFor(ending[1]) });
  }
  return found;
}

/**
 * When plain "fentanyl" at `start` follows an acyl word ("cyclopropyl fentanyl"), the two
 * words are one unregistered analogue; returns where it starts and its name.
 */
export function acylAnalogueBefore(text: string, start: number, end: number): { start: number; name: string } | null {
  const window = text.slice(Math.max(0, start - 80), start);
  const m = ACYL_WORD_BEFORE.exec(window);
  if (!m) return null;
  const word = m[1];
  if (NOT_ACYL.has(word.toLowerCase())) return null;
  const from = start - window.length + (m.index ?? 0);
  return { start: from, name: text.slice(from, end) };
}

