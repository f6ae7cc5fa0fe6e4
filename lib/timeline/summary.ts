/**
 * The one line a timeline entry shows: the clearest of its sources' sentences. Readers scan
 * a timeline, so a short, complete sentence from the most precise source beats a long one
 * that wanders through background; an over-long sentence is cut at a clause, not mid-word.
 */

/** About two lines on a card; longer sentences are cut. */
export const SUMMARY_MAX = 220;
/** Shorter sentences tend to be fragments ("On July 20, it did."), so they rank lower. */
const SUMMARY_MIN = 40;
/** A cut never leaves less than this much of the sentence. */
const CUT_FLOOR = 120;

/** Starts like a sentence and ends with its full stop (a quote or bracket may follow). */
export function looksComplete(sentence: string): boolean {
  const text = sentence.trim();
  return /^["“‘(]?[\p{Lu}\d]/u.test(text) && /[.!?]["”’)]?$/.test(text);
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** How far a length lies outside the comfortable range; 0 inside it. */
function lengthPenalty(length: number): number {
  if (length < SUMMARY_MIN) return SUMMARY_MIN - length;
  if (length > SUMMARY_MAX) return length - SUMMARY_MAX;
  return 0;
}

/**
 * A sentence that leans on the one before it ("It did.", "That tariff took effect", "An
 * order signed last week puts the lower rate into effect"): on a card, with no article
 * around it, it says too little.
 */
export function leansOnContext(sentence: string): boolean {
  return /^(?:it|its|that|this|these|those|they|their|he|she|the (?:move|order|decision|rules?|measures?|step|tariff|duty|lower rate|change|pause|truce)|an? (?:executive )?order signed)\b/i.test(sentence.trim());
}

/**
 * The sentence to summarise with, from sentences listed most precise source first
 * (`candidates` holds only those of the most precise precision): a complete sentence that
 * stands on its own, naming what the entry is about (`names`: how many of the entry's
 * chemicals and actors each names), of a comfortable length. Ties keep list order, so the
 * choice is as deterministic as the list.
 */
export function clearestSentence(candidates: readonly string[], names: readonly number[] = []): string {
  const ranked = candidates
    .map((raw, index) => ({ text: collapseSpaces(raw), index, names: Math.min(names[index] ?? 0, 3) }))
    .sort(
      (a, b) =>
        Number(!looksComplete(a.text)) - Number(!looksComplete(b.text)) ||
        Number(leansOnContext(a.text)) - Number(leansOnContext(b.text)) ||
        b.names - a.names ||
        lengthPenalty(a.text.length) - lengthPenalty(b.text.length) ||
        a.text.length - b.text.length ||
        a.index - b.index,
    );
  return ranked[0]?.text ?? "";
}

/** Cuts at the last clause break (else the last space) before the limit, and marks the cut. */
export function trimSummary(sentence: string, max = SUMMARY_MAX): string {
  const text = collapseSpaces(sentence);
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const clause = Math.max(...[", ", "; ", ": ", " — ", " – ", " - "].map((mark) => head.lastIndexOf(mark)));
  const space = head.lastIndexOf(" ");
  const cut = clause >= CUT_FLOOR ? clause : space >= CUT_FLOOR ? space : max - 1;
  return `${head.slice(0, cut).replace(/[\s,;:—–-]+$/, "")}…`;
}

export function summarise(candidates: readonly string[], names?: readonly number[]): string {
  return trimSummary(clearestSentence(candidates, names));
}
