/**
 * Out of order: an article reports as past something dated after its own date ("the rule
 * took effect on 20 July 2025" in an article of 23 June 2025). An event is out of order
 * when its date surely lies after the article's (a later day, month or year) and the date
 * it was read from stands in a past-tense clause, with nothing in the sentence that looks
 * ahead ("will", "is set to", "takes effect", "from", "until", ...).
 *
 * Only dates written with their year and a month or day: a date without a year is placed
 * by the extractor from the sentence's tense (so it cannot contradict it), and a bare year
 * is often a fiscal or reporting year that starts before the calendar one ("seized in
 * fiscal 2026", written in December 2025).
 */
import { firstDay } from "../dates";
import { analyseSentence, readingAt } from "../text/tense";
import { formatPartialDate } from "../format";
import type { DateMention, Event } from "../schema";
import { draft, type FlagDraft, type ReadArticle } from "./common";

/** Anything that points ahead: such a sentence is left alone, whatever else it says. */
const AHEAD =
  /\b(?:will|shall|would|won't|(?:is|are|was|were)\s+(?:set|scheduled|slated|expected|due|poised|going|planned|to)|plans?|planned|intends?|aims?|expects?|takes?\s+effect|to\s+take\s+effect|comes?\s+into|enters?\s+into|starting|from|until|till|through|by|beginning|effective|upcoming|next|later|deadline|pending|proposed|could|may|might)\b|['’]ll\b/i;

export function outOfOrder(article: ReadArticle, events: readonly Event[], dates: readonly DateMention[]): FlagDraft[] {
  const out: FlagDraft[] = [];
  const flagged = new Set<string>();
  for (const event of events) {
    if (event.precision === "year" || event.end || firstDay(event.date) <= article.date) continue;
    const sentence = article.sentences[event.provenance.sentence];
    if (!sentence || AHEAD.test(sentence.text)) continue;
    const mention = dates.find((d) => d.provenance.sentence === sentence.index && d.start === event.date && /\b\d{4}\b/.test(d.text));
    if (!mention || flagged.has(`${mention.provenance.start}`)) continue;
    const analysis = analyseSentence(sentence.text);
    const reading = readingAt(analysis, sentence.text, mention.provenance.start - sentence.start, mention.provenance.end - sentence.start);
    if (reading.tense !== "past") continue;
    flagged.add(`${mention.provenance.start}`);
    out.push(
      draft(
        article,
        "out-of-order",
        "warning",
        { start: mention.provenance.start, end: mention.provenance.end },
        `Reports as past something dated ${formatPartialDate(event.date, event.precision)}, after the article's own date (${formatPartialDate(article.date)}).`,
        { actors: event.actors, chemicals: event.chemicals },
      ),
    );
  }
  return out;
}
