import { describe, expect, it } from "vitest";
import { corpusArticle, type Corpus, type CorpusArticle } from "../../lib/corpus";
import { EMPTY_REGISTRIES } from "../../lib/extract/context";
import { filterPanel, getActor, getChemical, getOverview, getTimeline, knownIds, listActors, listChemicals } from "../../lib/queries";
import { corpusIndex, firstDay, firstStartingBy, lastDay, unionByPosition, type IndexedEvent } from "../../lib/queries/corpus-index";
import { filterIndexedEvents, filterKey } from "../../lib/queries/events";
import { Lru, memo } from "../../lib/queries/memo";
import { EventType, type Event, type Quote } from "../../lib/schema";
import { DEFAULT_FILTERS, type FilterState } from "../../lib/url-state";
import { seededRandom } from "../../scripts/bench/synthetic-corpus";

/**
 * A generated corpus, big enough for every filter path: the inverted indexes, merges,
 * date windows and memoized results must give exactly what a scan of every event gives.
 */

const ACTORS = ["china", "mexico", "canada", "united-states", "india", "un"];
const PEOPLE = ["wang", "lin", "perdue"];
const CHEMICALS = ["npp", "4-anpp", "4-ap", "fentanyl", "xylazine"];
const WORDS = ["tariff", "seized", "control", "ministry", "border", "shipment"];
const TYPES = EventType.options;

function pad(n: number) {
  return String(n).padStart(2, "0");
}

function generated(count: number, seed: number): Corpus {
  const r = seededRandom(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  const some = <T,>(list: readonly T[], max: number) => Array.from({ length: Math.floor(r() * (max + 1)) }, () => pick(list));
  const span = (text: string, sentence: number) => ({ text, start: 0, end: text.length, sentence });
  const articles: CorpusArticle[] = [];
  for (let i = 0; i < count; i++) {
    const slug = `a-${String(i).padStart(3, "0")}`;
    const year = 2016 + Math.floor(r() * 9);
    const date = `${year}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
    const prov = (sentence: number) => ({ article: slug, sentence, start: 0, end: 10 });
    const events: Event[] = [];
    const n = Math.floor(r() * 6);
    for (let s = 0; s < n; s++) {
      const y = year - Math.floor(r() * 3);
      const precision = pick(["day", "month", "year"] as const);
      const when = precision === "year" ? String(y) : precision === "month" ? `${y}-${pad(1 + Math.floor(r() * 12))}` : `${y}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
      const end = r() < 0.1 ? `${y + 1}-${pad(1 + Math.floor(r() * 12))}` : undefined;
      events.push({
        id: `${slug}#${s}`,
        date: when,
        end,
        precision,
        status: "past",
        type: pick(TYPES),
        actors: some(ACTORS, 3),
        officials: some(PEOPLE, 1),
        chemicals: some(CHEMICALS, 2),
        statistics: [],
        sentence: `Officials said ${some(WORDS, 3).join(" ")} in sentence ${s}.`,
        provenance: prov(s),
      });
    }
    const named = (ids: string[]) => [...new Set(ids)];
    const actorIds = named(events.flatMap((e) => e.actors).concat(some(ACTORS, 1)));
    const peopleIds = named(events.flatMap((e) => e.officials));
    const chemicalIds = named(events.flatMap((e) => e.chemicals).concat(some(CHEMICALS, 1)));
    const quotes: Quote[] = Array.from({ length: Math.floor(r() * 4) }, (_, q) => ({ text: `Quote ${q} of ${slug}`, speakerId: pick([...PEOPLE, "china"]), provenance: prov(Math.floor(r() * 6)) }));
    const article = { slug, file: `${slug}.md`, title: `${pick(WORDS)} news ${i}`, date, source: "Test Wire", tags: [], body: "Body.", bodyLine: 5 };
    articles.push(
      corpusArticle(article, {
        chemicals: chemicalIds.map((id) => ({ id, name: id.toUpperCase(), registered: false, mentions: [span(id, Math.floor(r() * 6))], provenance: prov(0) })),
        actors: actorIds.map((id) => ({ id, name: id, type: "country" as const, registered: false, mentions: [span(id, 0)], provenance: prov(0) })),
        officials: peopleIds.map((id) => ({ id, name: id, registered: false, mentions: [span(id, 0)], provenance: prov(0) })),
        dates: [],
        statistics: [],
        quotes,
        events,
      }),
    );
  }
  articles.sort((a, b) => (a.article.date < b.article.date ? 1 : a.article.date > b.article.date ? -1 : a.article.slug.localeCompare(b.article.slug)));
  return { articles, bySlug: new Map(articles.map((a) => [a.article.slug, a])), issues: [], registries: EMPTY_REGISTRIES, signature: `generated-${seed}` };
}

/** The filter as a plain scan of every event: what the indexes must reproduce. */
function scan(events: readonly IndexedEvent[], state: FilterState) {
  const from = state.from ? firstDay(state.from) : undefined;
  const to = state.to ? lastDay(state.to) : undefined;
  const terms = (state.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const t = {
    actor: (e: IndexedEvent) => state.actor.length === 0 || e.actorIds.some((id) => state.actor.includes(id)),
    chemical: (e: IndexedEvent) => state.chemical.length === 0 || e.chemicalIds.some((id) => state.chemical.includes(id)),
    type: (e: IndexedEvent) => !state.type || e.event.type === state.type,
    rest: (e: IndexedEvent) => (!from || e.last >= from) && (!to || e.first <= to) && terms.every((w) => e.text.includes(w)),
  };
  const matched = events.filter((e) => t.actor(e) && t.chemical(e) && t.type(e) && t.rest(e));
  const actor = new Map<string, number>();
  const chemical = new Map<string, number>();
  const type = new Map<string, number>();
  let total = 0;
  for (const e of events) {
    if (!t.rest(e)) continue;
    if (t.chemical(e) && t.type(e)) for (const id of e.actorIds) actor.set(id, (actor.get(id) ?? 0) + 1);
    if (t.actor(e) && t.type(e)) for (const id of e.chemicalIds) chemical.set(id, (chemical.get(id) ?? 0) + 1);
    if (t.actor(e) && t.chemical(e)) {
      type.set(e.event.type, (type.get(e.event.type) ?? 0) + 1);
      total++;
    }
  }
  return { matched, actor, chemical, type, total };
}

function randomStates(n: number, seed: number): FilterState[] {
  const r = seededRandom(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  const dates = ["2015", "2017", "2018-03", "2019-06-15", "2020", "2021-12", "2022-02-28", "2023-07", "2024", "2026"];
  const states: FilterState[] = [];
  for (let i = 0; i < n; i++) {
    const s: FilterState = {
      ...DEFAULT_FILTERS,
      actor: r() < 0.5 ? Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick([...ACTORS, ...PEOPLE])) : [],
      chemical: r() < 0.4 ? Array.from({ length: 1 + Math.floor(r() * 2) }, () => pick(CHEMICALS)) : [],
    };
    if (r() < 0.4) s.type = pick(TYPES);
    if (r() < 0.35) s.from = pick(dates);
    if (r() < 0.35) s.to = pick(dates);
    if (r() < 0.3) s.q = `${pick(WORDS)}${r() < 0.3 ? ` ${pick(WORDS)}` : ""}`;
    if (r() < 0.05) s.q = "   ";
    states.push(s);
  }
  return states;
}

const corpus = generated(160, 7);
const index = corpusIndex(corpus);

describe("inverted indexes", () => {
  it("give each event its position in the newest-first list", () => {
    expect(index.events.length).toBeGreaterThan(200);
    index.events.forEach((e, i) => expect(e.position).toBe(i));
  });

  it("list the events of each actor, chemical and type, newest first", () => {
    const ids = (list: IndexedEvent[] | undefined) => (list ?? []).map((e) => e.position);
    for (const id of [...ACTORS, ...PEOPLE]) expect(ids(index.eventsByActor.get(id))).toEqual(ids(index.events.filter((e) => e.actorIds.includes(id))));
    for (const id of CHEMICALS) expect(ids(index.eventsByChemical.get(id))).toEqual(ids(index.events.filter((e) => e.chemicalIds.includes(id))));
    for (const type of TYPES) expect(ids(index.eventsByType.get(type))).toEqual(ids(index.events.filter((e) => e.event.type === type)));
    // Keys in the order a scan first meets them (the order facet counts list values in).
    const seen: string[] = [];
    for (const e of index.events) for (const id of e.actorIds) if (!seen.includes(id)) seen.push(id);
    expect([...index.eventsByActor.keys()]).toEqual(seen);
  });

  it("list the articles naming each actor (or official) and chemical, in corpus order", () => {
    for (const id of [...ACTORS, ...PEOPLE]) {
      expect(index.articlesByActor.get(id) ?? []).toEqual(corpus.articles.filter((a) => a.records.actors.some((x) => x.id === id) || a.records.officials.some((o) => o.id === id)));
    }
    for (const id of CHEMICALS) expect(index.articlesByChemical.get(id) ?? []).toEqual(corpus.articles.filter((a) => a.records.chemicals.some((c) => c.id === id)));
  });

  it("encode each event's ids as codes that decode back to them", () => {
    for (const [kind, ids] of [
      ["actor", (e: IndexedEvent) => e.actorIds],
      ["chemical", (e: IndexedEvent) => e.chemicalIds],
      ["type", (e: IndexedEvent) => [e.event.type]],
    ] as const) {
      const { keys, offsets, values } = index.codes[kind];
      index.events.forEach((e, p) => expect([...values.subarray(offsets[p], offsets[p + 1])].map((c) => keys[c])).toEqual(ids(e)));
    }
  });

  it("keep, from each position on, the latest last day", () => {
    index.events.forEach((_, p) => expect(index.latestLastFrom[p]).toBe(index.events.slice(p).reduce((max, e) => (e.last > max ? e.last : max), "")));
  });

  it("merge lists by position, each event once", () => {
    const china = index.eventsByActor.get("china")!;
    const mexico = index.eventsByActor.get("mexico")!;
    const union = unionByPosition([china, mexico, china]);
    expect(union.map((e) => e.position)).toEqual(index.events.filter((e) => e.actorIds.includes("china") || e.actorIds.includes("mexico")).map((e) => e.position));
    expect(unionByPosition([])).toEqual([]);
    expect(unionByPosition([[], china])).toBe(china);
  });

  it("find by binary search where events start on or before a day", () => {
    for (const to of ["2010-01-01", "2018-06-30", "2020-12-31", "2022-01-01", "2030-01-01"]) {
      const at = firstStartingBy(index.events, to);
      expect(index.events.slice(0, at).every((e) => e.first > to)).toBe(true);
      expect(index.events.slice(at).every((e) => e.first <= to)).toBe(true);
    }
  });
});

describe("filters through the indexes", () => {
  it("key states by what they match", () => {
    const key = (s: Partial<FilterState>) => filterKey({ ...DEFAULT_FILTERS, ...s });
    expect(key({ actor: ["mexico", "china", "china"] })).toBe(key({ actor: ["china", "mexico"] }));
    expect(key({ from: "2024", to: "2024-12" })).toBe(key({ from: "2024-01-01", to: "2024-12-31" }));
    expect(key({ q: " Seized  tariff " })).toBe(key({ q: "tariff seized" }));
    expect(key({ page: 4, stack: "chemical" })).toBe(key({}));
    expect(key({ q: "   " })).toBe(key({}));
    expect(key({ actor: ["china"] })).not.toBe(key({ chemical: ["china"] }));
  });

  it("match exactly the events and counts of a scan of every event", () => {
    for (const state of randomStates(250, 3)) {
      const want = scan(index.events, state);
      const got = filterIndexedEvents(index, state);
      expect(got.map((e) => e.position), JSON.stringify(state)).toEqual(want.matched.map((e) => e.position));
      const panel = filterPanel(corpus, state, "/timeline");
      const counts = (options: { id: string; count: number; selected: boolean }[]) => Object.fromEntries(options.filter((o) => !o.selected || o.count > 0).map((o) => [o.id, o.count]));
      expect(counts(panel.actors.options), JSON.stringify(state)).toEqual(Object.fromEntries(want.actor));
      expect(counts(panel.chemicals.options), JSON.stringify(state)).toEqual(Object.fromEntries(want.chemical));
      expect(panel.types[0].count).toBe(want.total);
      for (const t of panel.types.slice(1)) expect(t.count).toBe(want.type.get(t.value) ?? 0);
      expect(getTimeline(corpus, state).total).toBe(want.matched.length);
    }
  });

  it("hands back the same result for a repeated state, and nothing across corpora", () => {
    const state = { ...DEFAULT_FILTERS, actor: ["china"], type: "control" as const };
    expect(filterIndexedEvents(index, state)).toBe(filterIndexedEvents(index, { ...state, page: 3 }));
    const other = generated(160, 7);
    expect(filterIndexedEvents(corpusIndex(other), state)).not.toBe(filterIndexedEvents(index, state));
    expect(filterIndexedEvents(corpusIndex(other), state).map((e) => e.event.id)).toEqual(filterIndexedEvents(index, state).map((e) => e.event.id));
  });
});

describe("entity pages from the indexes", () => {
  it("build a chemical page once and reuse it", () => {
    const view = getChemical(corpus, "npp")!;
    expect(getChemical(corpus, "npp")).toBe(view);
    const articles = corpus.articles.filter((a) => a.records.chemicals.some((c) => c.id === "npp"));
    expect(view.counts.articles).toBe(articles.length);
    expect(view.counts.events).toBe(index.events.filter((e) => e.chemicalIds.includes("npp")).length);
    // Quotes said where the chemical is named come first, each group newest first.
    const all = articles.flatMap(({ article, records }) => {
      const sentences = new Set(records.chemicals.find((c) => c.id === "npp")!.mentions);
      return records.quotes.map((q) => ({ text: q.text, direct: sentences.has(q.provenance.sentence), article: article.title }));
    });
    const expected = [...all].sort((a, b) => Number(b.direct) - Number(a.direct)).slice(0, 10);
    expect(view.quotes.map((q) => ({ text: q.text, direct: q.direct, article: q.article }))).toEqual(expected);
    expect(view.mentionsChart.table.rows.reduce((n, r) => n + Number(r[1]), 0)).toBe(articles.length);
    expect(getChemical(corpus, "no-such")).toBeUndefined();
  });

  it("count every quote of an actor while showing the first 20", () => {
    const view = getActor(corpus, "china")!;
    expect(getActor(corpus, "china")).toBe(view);
    const articles = corpus.articles.filter((a) => a.records.actors.some((x) => x.id === "china") || a.records.officials.some((o) => o.id === "china"));
    const quotes = articles.flatMap((a) => a.records.quotes.filter((q) => q.speakerId === "china").map((q) => q.text));
    expect(quotes.length).toBeGreaterThan(20);
    expect(view.counts.quotes).toBe(quotes.length);
    expect(view.quotes.map((q) => q.text)).toEqual(quotes.slice(0, 20));
    expect(view.events.map((e) => e.id)).toEqual(index.events.filter((e) => e.actorIds.includes("china")).slice(0, 20).map((e) => e.event.id));
  });

  it("count articles and events per entity from the list lengths", () => {
    for (const a of listActors(corpus)) {
      expect(a.articles).toBe(corpus.articles.filter((x) => [...x.records.actors, ...x.records.officials].some((y) => y.id === a.id)).length);
      expect(a.events).toBe(index.events.filter((e) => e.actorIds.includes(a.id)).length);
    }
    for (const c of listChemicals(corpus)) expect(c.events).toBe(index.events.filter((e) => e.chemicalIds.includes(c.id)).length);
    expect(listActors(corpus)).toBe(listActors(corpus));
    expect(getOverview(corpus)).toBe(getOverview(corpus));
    expect(knownIds(corpus).actors.has("china")).toBe(true);
  });
});

describe("bounded memory", () => {
  it("keeps the most recently used entries of an LRU", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now the most recent
    lru.set("c", 3);
    expect(lru.keys()).toEqual(["a", "c"]);
    expect(lru.get("b")).toBeUndefined();
    lru.set("a", 4);
    expect(lru.keys()).toEqual(["c", "a"]);
    expect(lru.size).toBe(2);
    expect(() => new Lru(0)).toThrow();
  });

  it("memoizes per owner object and bucket, within the bound", () => {
    const owner = {};
    let runs = 0;
    const compute = () => ++runs;
    expect(memo(owner, "x", "k", 2, compute)).toBe(1);
    expect(memo(owner, "x", "k", 2, compute)).toBe(1);
    expect(memo({}, "x", "k", 2, compute)).toBe(2);
    expect(memo(owner, "y", "k", 2, compute)).toBe(3);
    memo(owner, "x", "k2", 2, compute);
    memo(owner, "x", "k3", 2, compute);
    expect(memo(owner, "x", "k", 2, compute)).toBe(6); // evicted, computed again
  });
});
