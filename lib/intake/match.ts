/**
 * `--match`: whether a feed item is about what Precursor Watch follows. An item matches
 * when its title or text names one of the words (whole words, any case) or any chemical
 * of the registry (by the extractor's own matcher: names, aliases, abbreviations, CAS).
 */
import { extractChemicals } from "../extract/chemicals";
import { makeContext, type Registries } from "../extract/context";

/** The words a bare `--match` means. */
export const DEFAULT_MATCH_WORDS = [
  "fentanyl",
  "fentanil",
  "fentanilo",
  "precursor",
  "precursors",
  "pre-precursor",
  "nitazene",
  "nitazenes",
  "synthetic opioid",
  "synthetic opioids",
  "carfentanil",
  "piperidone",
];

/** `--match a,b` -> ["a", "b"]; a bare `--match` (empty value) -> the default list. */
export function matchWords(value: string | undefined): string[] {
  const words = (value ?? "").split(",").map((w) => w.trim()).filter(Boolean);
  return words.length ? words : DEFAULT_MATCH_WORDS;
}

function wordPattern(word: string): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu");
}

/** What made the text match (a word or a chemical's name), or undefined when nothing did. */
export function matchReason(text: string, words: readonly string[], registries: Registries): string | undefined {
  const word = words.find((w) => wordPattern(w).test(text));
  if (word) return word;
  const chemical = extractChemicals(text, makeContext(text, { date: "2000-01-01", registries })).find((c) => c.registered);
  return chemical?.name;
}
