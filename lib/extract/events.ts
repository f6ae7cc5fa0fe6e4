/**
 * Events: one per sentence that carries a date. The event gathers what the same sentence
 * names (actors, officials, chemicals, figures) and gets a type from its verbs. An
 * article with no dated sentence still gets one event, its lead, on the publication day,
 * so that every article appears on the timeline.
 */
import type { Actor, Chemical, DateMention, Event, EventType, Official, Quote, Statistic } from "../schema";
import type { ExtractContext } from "./context";

export interface FoundRecords {
  chemicals: Chemical[];
  dates: DateMention[];
  actors: Actor[];
  officials: Official[];
  statistics: Statistic[];
  quotes: Quote[];
}

/** Checked in order: the most specific kind of action wins over a generic "said". */
const TYPE_RULES: readonly [EventType, RegExp][] = [
  ["sentencing", /\b(sentenc\w*|jailed|imprisonment|prison term|death penalty|executed)\b/i],
  ["prosecution", /\b(indict\w*|charged|charges|prosecut\w*|pleaded|plead|convicted|conviction|trial|extradit\w*)\b/i],
  ["arrest", /\b(arrest\w*|detained|detention|apprehended|captured)\b/i],
  ["seizure", /\b(seiz\w*|confiscat\w*|intercept\w*|dismantl\w*|raided|raids?|busts?)\b/i],
  ["tariff", /\b(tariffs?|duties|duty|levies|levy)\b/i],
  ["control", /\b(control\w*|schedul\w*|listed|listing|added to|designat\w*|regulat\w*|ban(ned|s)?|restrict\w*|export licen[cs]\w*|list I|table I|precursor list)\b/i],
  ["agreement", /\b(agree\w*|agreement|deal|pledg\w*|accord|truce|cooperation|commit\w*)\b/i],
  ["meeting", /\b(met|meet\w*|talks|summit|visit\w*|session|conference|call with)\b/i],
  ["statement", /\b(said|says|stated|announc\w*|told|warned|urged|called on|according to|statement|report\w*)\b/i],
];

export function classifyEvent(sentence: string): EventType {
  for (const [type, pattern] of TYPE_RULES) if (pattern.test(sentence)) return type;
  return "other";
}

/** Ids of the records that have a span in each sentence, built in one pass over the records. */
function idsBySentence<T extends { id: string }>(items: readonly T[], spans: (item: T) => { sentence: number }[]): Map<number, string[]> {
  const bySentence = new Map<number, string[]>();
  for (const item of items) {
    for (const sentence of new Set(spans(item).map((s) => s.sentence))) {
      const list = bySentence.get(sentence) ?? [];
      list.push(item.id);
      bySentence.set(sentence, list);
    }
  }
  return bySentence;
}

/** Prefer the most precise date of a sentence; among equals, the first one written. */
function mainDate(dates: DateMention[]): DateMention {
  const rank = { day: 0, month: 1, year: 2 } as const;
  return [...dates].sort((a, b) => rank[a.precision] - rank[b.precision] || a.provenance.start - b.provenance.start)[0];
}

export function buildEvents(ctx: ExtractContext, found: FoundRecords): Event[] {
  const datesBySentence = new Map<number, DateMention[]>();
  for (const date of found.dates) {
    const list = datesBySentence.get(date.provenance.sentence) ?? [];
    list.push(date);
    datesBySentence.set(date.provenance.sentence, list);
  }

  // Bucket every record by sentence once: per-sentence scans were quadratic on long texts.
  const actors = idsBySentence(found.actors, (a) => a.mentions);
  const officials = idsBySentence(found.officials, (o) => o.mentions);
  const chemicals = idsBySentence(found.chemicals, (c) => c.mentions);
  const statistics = new Map<number, number[]>();
  found.statistics.forEach((s, i) => statistics.set(s.provenance.sentence, [...(statistics.get(s.provenance.sentence) ?? []), i]));

  const events: Event[] = [];
  const make = (index: number, date: Pick<Event, "date" | "end" | "precision">): Event => {
    const sentence = ctx.sentences[index];
    return {
      id: `${ctx.slug}#${index}`,
      ...date,
      type: classifyEvent(sentence.text),
      status: date.date > ctx.date ? "scheduled" : "past",
      actors: actors.get(index) ?? [],
      officials: officials.get(index) ?? [],
      chemicals: chemicals.get(index) ?? [],
      statistics: statistics.get(index) ?? [],
      sentence: sentence.text,
      provenance: { article: ctx.slug, sentence: index, start: sentence.start, end: sentence.end },
    };
  };

  for (const [index, dates] of [...datesBySentence.entries()].sort((a, b) => a[0] - b[0])) {
    if (!ctx.sentences[index]) continue;
    const date = mainDate(dates);
    events.push(make(index, { date: date.start, end: date.end, precision: date.precision }));
  }

  if (events.length === 0 && ctx.sentences.length > 0) {
    events.push(make(0, { date: ctx.date, precision: "day" }));
  }
  return events;
}
