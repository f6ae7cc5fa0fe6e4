/**
 * Indexes derived from a corpus, built once per corpus object (the loader hands back the
 * same object while nothing changed) and shared by every query: names of actors and
 * chemicals, each event flattened with what filters test, article jurisdictions, and
 * inverted indexes (events and articles per actor, chemical and event type) so a query
 * about one entity or one filter value reads its own list instead of every event.
 */
import type { Corpus, CorpusArticle } from "../corpus";
import { splitIds, uniqueIds } from "../records";
import type { ActorType, ChemicalRole, Event, EventDigests, EventType, PartialIsoDate } from "../schema";

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
  /** The whole event, from the article's records (parsed on first use). */
  readonly event: Event;
  entry: CorpusArticle;
  /** What filters and sorts test, from the digest: reading them never parses records. */
  date: PartialIsoDate;
  type: EventType;
  /** Sentence index in the article. */
  sentence: number;
  /** Actor and official ids: the actor filter matches either. */
  readonly actorIds: string[];
  readonly chemicalIds: string[];
  /** The same ids joined by spaces, as the digest holds them. */
  readonly actorsJoined: string;
  readonly chemicalsJoined: string;
  /** First and last day the event may fall on, for range filters (YYYY-MM-DD). */
  first: string;
  last: string;
  /** Lowercased sentence, names and article title: what the text filter searches (built on first use). */
  readonly text: string;
  /** Place in `CorpusIndex.events` (newest first): merges and sorts of subsets use it. */
  position: number;
}

/**
 * The ids of one kind (actors, chemicals or types) of every event as small integers in
 * flat arrays: the ids of the event at position p are `keys[values[k]]` for k from
 * `offsets[p]` to `offsets[p + 1]`, in the event's own order. Counting ids over many
 * events reads these instead of following each event's lists and hashing strings.
 */
export interface Codes {
  keys: string[];
  offsets: Int32Array;
  values: Int32Array;
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
  /** Events naming each actor or official id, newest first (a subsequence of `events`). */
  eventsByActor: EventLists;
  /** Events naming each chemical id, newest first. */
  eventsByChemical: EventLists;
  /** Events of each type, newest first. */
  eventsByType: EventLists;
  /** Articles naming each actor or official id, in corpus order (newest first). */
  articlesByActor: Map<string, CorpusArticle[]>;
  /** Articles naming each chemical id, in corpus order. */
  articlesByChemical: Map<string, CorpusArticle[]>;
  /**
   * By position in `events`: the latest last day of that event and every older one. Past a
   * position where it falls before a from-date, no event can match that date.
   */
  latestLastFrom: string[];
  /** Ids an article names, each once: actors and officials, and chemicals. */
  idsOfArticle: Map<CorpusArticle, { actors: string[]; chemicals: string[] }>;
  /** Each event's actor, chemical and type ids as codes; keys in the order of the maps above. */
  codes: { actor: Codes; chemical: Codes; type: Codes };
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

/** A partial date as a number in the same order as its text: 2024 < 2024-01 < 2024-01-01. */
function dateKey(value: string): number {
  const year = Number(value.slice(0, 4));
  const month = value.length >= 7 ? Number(value.slice(5, 7)) : 0;
  const day = value.length >= 10 ? Number(value.slice(8, 10)) : 0;
  return year * 10_000 + month * 100 + day;
}

/**
 * Events newest first; within a day by article slug (code-unit order), then sentence, so
 * the order is stable. A bucket sort: articles are visited in slug order and each
 * article's events in sentence order, so each date's bucket fills already in order and
 * only the distinct dates are sorted. Comparing 250,000 events (localeCompare above all)
 * was a fifth of the index build.
 */
function sortNewestFirst(perArticle: Map<string, IndexedEvent[]>): IndexedEvent[] {
  const buckets = new Map<number, IndexedEvent[]>();
  for (const slug of [...perArticle.keys()].sort()) {
    const list = perArticle.get(slug)!;
    const ordered = list.every((e, i) => i === 0 || list[i - 1].sentence <= e.sentence) ? list : [...list].sort((x, y) => x.sentence - y.sentence);
    for (const e of ordered) {
      const key = dateKey(e.date);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(e);
      else buckets.set(key, [e]);
    }
  }
  const out: IndexedEvent[] = [];
  for (const key of [...buckets.keys()].sort((x, y) => y - x)) for (const e of buckets.get(key)!) out.push(e);
  return out;
}

/**
 * An event as the index holds it. The search text joins the sentence, the names and the
 * title; it is built the first time a text filter reads it, since most events are never
 * searched and building all of them was a third of the index build at 10,000 articles.
 */
class Indexed implements IndexedEvent {
  position = 0;
  readonly date: PartialIsoDate;
  readonly type: EventType;
  readonly sentence: number;
  /** Ids joined by spaces, as the digest holds them; split when a filter first asks. */
  readonly actorsJoined: string;
  readonly chemicalsJoined: string;
  readonly first: string;
  readonly last: string;
  private search: string | undefined;
  private actorList: string[] | undefined;
  private chemicalList: string[] | undefined;

  constructor(
    digest: EventDigests,
    readonly entry: CorpusArticle,
    /** Place of the event in the article's record list (and in each digest column). */
    private readonly k: number,
    private readonly names: { actors: Map<string, ActorInfo>; chemicals: Map<string, ChemicalInfo> },
  ) {
    this.date = digest.date[k];
    this.type = digest.type[k];
    this.sentence = digest.sentence[k];
    this.actorsJoined = digest.actors[k];
    this.chemicalsJoined = digest.chemicals[k];
    this.first = firstDay(this.date);
    this.last = lastDay(digest.end[k] ?? this.date);
  }

  get event(): Event {
    return this.entry.records.events[this.k];
  }

  get actorIds(): string[] {
    return (this.actorList ??= splitIds(this.actorsJoined));
  }

  get chemicalIds(): string[] {
    return (this.chemicalList ??= splitIds(this.chemicalsJoined));
  }

  get text(): string {
    if (this.search === undefined) {
      const names = [
        ...this.actorIds.map((id) => this.names.actors.get(id)?.name ?? id),
        ...this.chemicalIds.map((id) => this.names.chemicals.get(id)?.name ?? id),
      ];
      this.search = `${this.event.sentence}\n${names.join("\n")}\n${this.entry.article.title}`.toLowerCase();
    }
    return this.search;
  }
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

  const eventsByArticle = new Map<string, IndexedEvent[]>();
  const mainJurisdiction = new Map<string, string>();
  const mainChemical = new Map<string, string>();

  const names = { actors, chemicals };
  for (const entry of corpus.articles) {
    const { digest, article } = entry;
    const { described } = digest;
    for (const a of described.actors) {
      if (!actors.has(a.id)) actors.set(a.id, { id: a.id, name: a.name, kind: "organization", type: a.type, registered: a.registered, country: a.country });
      if (a.type === "country" || a.type === "international-body") jurisdictions.add(a.id);
    }
    for (const o of described.officials) {
      if (!actors.has(o.id)) actors.set(o.id, { id: o.id, name: o.name, kind: "person", type: "person", registered: o.registered, country: o.countryId });
    }
    for (const c of described.chemicals) {
      if (!chemicals.has(c.id)) chemicals.set(c.id, { id: c.id, name: c.name, cas: c.cas, role: c.role, registered: c.registered });
    }

    // An article's jurisdiction: the country or body its actors point to most often.
    const byJurisdiction = new Map<string, number>();
    const count = (id: string | null | undefined, n: number) => {
      if (id && jurisdictions.has(id)) byJurisdiction.set(id, (byJurisdiction.get(id) ?? 0) + n);
    };
    const { actors: named, officials, chemicals: chemicalsNamed } = digest;
    for (let i = 0; i < named.id.length; i++) {
      const id = named.id[i];
      count(jurisdictions.has(id) ? id : (named.country[i] ?? actors.get(id)?.country), named.mentions[i]);
    }
    for (let i = 0; i < officials.id.length; i++) count(officials.countryId[i] ?? actors.get(officials.id[i])?.country, officials.mentions[i]);
    const j = mostMentioned(byJurisdiction);
    if (j) mainJurisdiction.set(article.slug, j);
    const c = mostMentioned(new Map(chemicalsNamed.id.map((id, i) => [id, chemicalsNamed.mentions[i]])));
    if (c) mainChemical.set(article.slug, c);

    const list: IndexedEvent[] = [];
    for (let k = 0; k < digest.events.sentence.length; k++) {
      const indexed = new Indexed(digest.events, entry, k, names);
      list.push(indexed);
    }
    eventsByArticle.set(article.slug, list);
  }
  const events = sortNewestFirst(eventsByArticle);

  // Inverted indexes. Built from the sorted list, so each list is newest first and each
  // map's keys come in the order a scan of every event would first meet them; the same
  // pass writes each event's ids as codes (see `Codes`).
  // Latest last day from each position on: a from-filter stops where this falls before it.
  const latestLastFrom = new Array<string>(events.length);
  for (let p = events.length - 1; p >= 0; p--) {
    const last = events[p].last;
    latestLastFrom[p] = p + 1 < events.length && latestLastFrom[p + 1] > last ? latestLastFrom[p + 1] : last;
  }
  const actor = new CodesBuilder(events.length);
  const chemical = new CodesBuilder(events.length);
  const type = new CodesBuilder(events.length);
  for (let position = 0; position < events.length; position++) {
    const e = events[position];
    e.position = position;
    actor.addJoined(e.actorsJoined);
    chemical.addJoined(e.chemicalsJoined);
    type.addOne(e.type);
  }
  const codes = { actor: actor.codes(), chemical: chemical.codes(), type: type.codes() };
  const articlesByActor = new Map<string, CorpusArticle[]>();
  const articlesByChemical = new Map<string, CorpusArticle[]>();
  const idsOfArticle = new Map<CorpusArticle, { actors: string[]; chemicals: string[] }>();
  for (const entry of corpus.articles) {
    const { digest } = entry;
    const ids = {
      actors: uniqueIds(digest.actors.id, digest.officials.id),
      chemicals: uniqueIds(digest.chemicals.id),
    };
    idsOfArticle.set(entry, ids);
    for (const id of ids.actors) push(articlesByActor, id, entry);
    for (const id of ids.chemicals) push(articlesByChemical, id, entry);
  }
  return {
    actors,
    chemicals,
    events,
    eventsByArticle,
    mainJurisdiction,
    mainChemical,
    jurisdictions,
    eventsByActor: new EventLists(events, codes.actor),
    eventsByChemical: new EventLists(events, codes.chemical),
    eventsByType: new EventLists(events, codes.type),
    articlesByActor,
    articlesByChemical,
    idsOfArticle,
    latestLastFrom,
    codes,
  };
}

/** Collects, over events in order, each event's ids of one kind as codes (see `Codes`). */
class CodesBuilder {
  private readonly code = new Map<string, number>();
  private readonly joinedCodes = new Map<string, number[]>();
  private readonly keys: string[] = [];
  private readonly offsets: Int32Array;
  private values = new Int32Array(1024);
  private length = 0;
  private count = 0;

  constructor(size: number) {
    this.offsets = new Int32Array(size + 1);
  }

  /**
   * The ids of the next event, joined by spaces. Most events share a handful of id
   * strings ("china", "china united-states"), so each string's codes are worked out once.
   */
  addJoined(joined: string): void {
    let codes = this.joinedCodes.get(joined);
    if (!codes) {
      codes = splitIds(joined).map((id) => this.codeOf(id));
      this.joinedCodes.set(joined, codes);
    }
    this.offsets[this.count++] = this.length;
    for (let i = 0; i < codes.length; i++) this.push(codes[i]);
    this.offsets[this.count] = this.length;
  }

  /** The one id of the next event. */
  addOne(id: string): void {
    this.offsets[this.count++] = this.length;
    this.push(this.codeOf(id));
    this.offsets[this.count] = this.length;
  }

  private push(code: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = code;
  }

  private codeOf(id: string): number {
    let c = this.code.get(id);
    if (c === undefined) {
      c = this.keys.length;
      this.code.set(id, c);
      this.keys.push(id);
    }
    return c;
  }

  codes(): Codes {
    return { keys: this.keys, offsets: this.offsets, values: this.values.slice(0, this.length) };
  }
}

/**
 * Events per id of one kind, newest first (each a subsequence of `CorpusIndex.events`),
 * read like a Map. A list is made from the codes the first time its id is asked for and
 * kept; counts come from the codes alone. Building every list up front was a quarter of
 * the index build at 10,000 articles, for lists most of which no page ever reads.
 */
export class EventLists implements Iterable<[string, IndexedEvent[]]> {
  private readonly code: Map<string, number>;
  private readonly made: (IndexedEvent[] | undefined)[];
  /** Position of the event each code value belongs to, made on the first `get`. */
  private positionOf: Int32Array | undefined;
  private countsMade: Map<string, number> | undefined;

  constructor(
    private readonly events: readonly IndexedEvent[],
    private readonly codes: Codes,
  ) {
    this.code = new Map(codes.keys.map((key, c) => [key, c]));
    this.made = new Array(codes.keys.length);
  }

  /** The events naming `id`, newest first; undefined when no event names it. */
  get(id: string): IndexedEvent[] | undefined {
    const c = this.code.get(id);
    if (c === undefined) return undefined;
    let list = this.made[c];
    if (!list) {
      const { offsets, values } = this.codes;
      if (!this.positionOf) {
        this.positionOf = new Int32Array(values.length);
        for (let p = 0; p < this.events.length; p++) this.positionOf.fill(p, offsets[p], offsets[p + 1]);
      }
      list = [];
      let last = -1;
      for (let k = 0; k < values.length; k++) {
        if (values[k] !== c) continue;
        const p = this.positionOf[k];
        if (p !== last) list.push(this.events[(last = p)]);
      }
      this.made[c] = list;
    }
    return list;
  }

  /** Ids in the order a scan of every event first meets them. */
  keys(): IterableIterator<string> {
    return this.codes.keys.values();
  }

  *[Symbol.iterator](): IterableIterator<[string, IndexedEvent[]]> {
    for (const id of this.codes.keys) yield [id, this.get(id)!];
  }

  /** How many events name each id, in `keys()` order, without making any list. */
  counts(): Map<string, number> {
    if (!this.countsMade) {
      const { keys, offsets, values } = this.codes;
      const n = new Int32Array(keys.length);
      for (let p = 0; p < this.events.length; p++) {
        // Each id once per event, as the lists count it.
        outer: for (let k = offsets[p]; k < offsets[p + 1]; k++) {
          for (let j = offsets[p]; j < k; j++) if (values[j] === values[k]) continue outer;
          n[values[k]]++;
        }
      }
      this.countsMade = new Map(keys.map((key, c) => [key, n[c]]));
    }
    return this.countsMade;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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

/**
 * Events of any of several lists (each a subsequence of `index.events`), newest first,
 * each once: the union of the events of several actors or chemicals.
 */
export function unionByPosition(lists: readonly (readonly IndexedEvent[])[]): IndexedEvent[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return [];
  let out = nonEmpty[0] as IndexedEvent[];
  for (let k = 1; k < nonEmpty.length; k++) out = mergeByPosition(out, nonEmpty[k]);
  return out;
}

/** Two newest-first lists merged into one, each event once. */
function mergeByPosition(a: readonly IndexedEvent[], b: readonly IndexedEvent[]): IndexedEvent[] {
  const out: IndexedEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x.position <= y.position) {
      out.push(x);
      i++;
      if (x === y) j++;
    } else {
      out.push(y);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/**
 * The first position in `events` (a newest-first subsequence of `index.events`) whose
 * first day is on or before `to` (YYYY-MM-DD): every event before it begins after `to`.
 * Events are sorted by date and an event's first day grows with its date, so this is a
 * binary search; a to-filter reads only the events from there on.
 */
export function firstStartingBy(events: readonly IndexedEvent[], to: string): number {
  return searchFirst(events, (e) => e.first <= to);
}

/** First index where `test` holds, for a test that once true stays true along the list. */
function searchFirst<T>(list: readonly T[], test: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(list[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function actorName(index: CorpusIndex, id: string): string {
  return index.actors.get(id)?.name ?? id;
}

export function chemicalName(index: CorpusIndex, id: string): string {
  return index.chemicals.get(id)?.name ?? id;
}
