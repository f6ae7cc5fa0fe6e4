/**
 * Indexes derived from a corpus, built once per corpus object (the loader hands back the
 * same object while nothing changed) and shared by every query: names of actors and
 * chemicals, each event flattened with what filters test, and article jurisdictions.
 */
import type { Corpus, CorpusArticle } from "../corpus";
import type { ActorType, ChemicalRole, Event } from "../schema";

export type ActorKind = "person" | "organization";

export interface ActorInfo {
  id: string;
  name: string;
  kind: ActorKind;
  /** Organisation type, or "person". */
  type: ActorType | "person";
  registered: boolean;
  /** Actor id of its country (an organisation's or a person's). */
  country?: string;
}

export interface ChemicalInfo {
  id: string;
  name: string;
  cas?: string;
  role?: ChemicalRole;
  registered: boolean;
}

export interface IndexedEvent {
  event: Event;
  entry: CorpusArticle;
  /** Actor and official ids: the actor filter matches either. */
  actorIds: string[];
  chemicalIds: string[];
  /** First and last day the event may fall on, for range filters (YYYY-MM-DD). */
  first: string;
  last: string;
  /** Lowercased sentence, names and article title: what the text filter searches. */
  text: string;
}

export interface CorpusIndex {
  actors: Map<string, ActorInfo>;
  chemicals: Map<string, ChemicalInfo>;
  /** Every event, newest first (ties: article slug, then sentence). */
  events: IndexedEvent[];
  /** Event positions by article slug. */
  eventsByArticle: Map<string, IndexedEvent[]>;
  /** The jurisdiction an article is mostly about (country or international body), if any. */
  mainJurisdiction: Map<string, string>;
  /** The chemical an article names most, if any. */
  mainChemical: Map<string, string>;
  /** Ids of actors that are jurisdictions: countries and international bodies. */
  jurisdictions: Set<string>;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** First day a partial date covers: 2024 -> 2024-01-01, 2024-05 -> 2024-05-01. */
export function firstDay(value: string): string {
  if (value.length === 4) return `${value}-01-01`;
  if (value.length === 7) return `${value}-01`;
  return value;
}

/** Last day a partial date covers: 2024 -> 2024-12-31, 2023-02 -> 2023-02-28. */
export function lastDay(value: string): string {
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) {
    const [y, m] = value.split("-").map(Number);
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const days = m === 2 && !leap ? 28 : DAYS_IN_MONTH[m - 1];
    return `${value}-${String(days).padStart(2, "0")}`;
  }
  return value;
}

/** Newest first; within a day, by article then sentence, so the order is stable. */
export function compareEventsNewestFirst(a: IndexedEvent, b: IndexedEvent): number {
  if (a.event.date !== b.event.date) return a.event.date < b.event.date ? 1 : -1;
  if (a.entry.article.slug !== b.entry.article.slug) return a.entry.article.slug.localeCompare(b.entry.article.slug);
  return a.event.provenance.sentence - b.event.provenance.sentence;
}

function mostMentioned(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [id, count] of counts) if (count > bestCount) [best, bestCount] = [id, count];
  return best;
}

function build(corpus: Corpus): CorpusIndex {
  const actors = new Map<string, ActorInfo>();
  const chemicals = new Map<string, ChemicalInfo>();
  const { registries } = corpus;
  for (const o of registries.actors.organizations) {
    actors.set(o.id, { id: o.id, name: o.name, kind: "organization", type: o.type, registered: true, country: o.country });
  }
  for (const p of registries.actors.people) {
    actors.set(p.id, { id: p.id, name: p.name, kind: "person", type: "person", registered: true, country: p.country });
  }
  for (const c of registries.chemicals.chemicals) {
    chemicals.set(c.id, { id: c.id, name: c.name, cas: c.cas, role: c.role, registered: true });
  }
  const jurisdictions = new Set<string>();
  for (const a of actors.values()) if (a.type === "country" || a.type === "international-body") jurisdictions.add(a.id);
  for (const c of registries.chemicals.chemicals) for (const control of c.controls) jurisdictions.add(control.jurisdiction);

  const events: IndexedEvent[] = [];
  const eventsByArticle = new Map<string, IndexedEvent[]>();
  const mainJurisdiction = new Map<string, string>();
  const mainChemical = new Map<string, string>();

  for (const entry of corpus.articles) {
    const { extraction, article } = entry;
    for (const a of extraction.actors) {
      if (!actors.has(a.id)) actors.set(a.id, { id: a.id, name: a.name, kind: "organization", type: a.type, registered: a.registered, country: a.country });
      if (a.type === "country" || a.type === "international-body") jurisdictions.add(a.id);
    }
    for (const o of extraction.officials) {
      if (!actors.has(o.id)) actors.set(o.id, { id: o.id, name: o.name, kind: "person", type: "person", registered: o.registered, country: o.countryId });
    }
    for (const c of extraction.chemicals) {
      if (!chemicals.has(c.id)) chemicals.set(c.id, { id: c.id, name: c.name, cas: c.cas, role: c.role, registered: c.registered });
    }

    // An article's jurisdiction: the country or body its actors point to most often.
    const byJurisdiction = new Map<string, number>();
    const count = (id: string | undefined, n: number) => {
      if (id && jurisdictions.has(id)) byJurisdiction.set(id, (byJurisdiction.get(id) ?? 0) + n);
    };
    for (const a of extraction.actors) count(jurisdictions.has(a.id) ? a.id : (a.country ?? actors.get(a.id)?.country), a.mentions.length);
    for (const o of extraction.officials) count(o.countryId ?? actors.get(o.id)?.country, o.mentions.length);
    const j = mostMentioned(byJurisdiction);
    if (j) mainJurisdiction.set(article.slug, j);
    const c = mostMentioned(new Map(extraction.chemicals.map((ch) => [ch.id, ch.mentions.length])));
    if (c) mainChemical.set(article.slug, c);

    const list: IndexedEvent[] = [];
    for (const event of extraction.events) {
      const actorIds = [...new Set([...event.actors, ...event.officials])];
      const names = [
        ...actorIds.map((id) => actors.get(id)?.name ?? id),
        ...event.chemicals.map((id) => chemicals.get(id)?.name ?? id),
      ];
      const indexed: IndexedEvent = {
        event,
        entry,
        actorIds,
        chemicalIds: [...new Set(event.chemicals)],
        first: firstDay(event.date),
        last: lastDay(event.end ?? event.date),
        text: `${event.sentence}\n${names.join("\n")}\n${article.title}`.toLowerCase(),
      };
      list.push(indexed);
      events.push(indexed);
    }
    eventsByArticle.set(article.slug, list);
  }
  events.sort(compareEventsNewestFirst);
  return { actors, chemicals, events, eventsByArticle, mainJurisdiction, mainChemical, jurisdictions };
}

const cache = new WeakMap<Corpus, CorpusIndex>();

export function corpusIndex(corpus: Corpus): CorpusIndex {
  let index = cache.get(corpus);
  if (!index) {
    index = build(corpus);
    cache.set(corpus, index);
  }
  return index;
}

export function actorName(index: CorpusIndex, id: string): string {
  return index.actors.get(id)?.name ?? id;
}

export function chemicalName(index: CorpusIndex, id: string): string {
  return index.chemicals.get(id)?.name ?? id;
}
