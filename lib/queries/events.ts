/**
 * Events as the timeline shows them, the filters of the URL applied to them, and the
 * timeline page: filtered, counted per filter value, grouped by year and month, and cut
 * into pages on the server so the browser never receives the whole corpus.
 */
import type { Corpus, CorpusArticle } from "../corpus";
import { formatPartialDate, formatShortDate, monthName, plural } from "../format";
import { EventType, type Event, type Statistic } from "../schema";
import { filtersOnly, hrefWith, isUnfiltered, withPage, type FilterState, type KnownIds, type ParamProblem } from "../url-state";
import { actorName, chemicalName, corpusIndex, firstDay, firstStartingBy, lastDay, unionByPosition, type Codes, type CorpusIndex, type EventLists, type IndexedEvent } from "./corpus-index";
import { actorHref, articleHref, chemicalHref } from "./links";
import { memo, once } from "./memo";

export const PAGE_SIZE = 50;

const PRECISION_LABEL = { day: "exact day", month: "month only", year: "year only" } as const;

function figureLabel(s: Statistic): string {
  return s.measure ? `${s.text} (${s.measure})` : s.text;
}

export function toEventView(index: CorpusIndex, entry: CorpusArticle, event: Event) {
  const sentence = event.provenance.sentence;
  const articleLink = articleHref(entry.article.slug, sentence);
  const people = new Set(event.officials);
  return {
    id: event.id,
    date: event.date,
    end: event.end,
    precision: event.precision,
    dateLabel: event.end && event.end !== event.date ? `${formatPartialDate(event.date, event.precision)} – ${formatPartialDate(event.end)}` : formatPartialDate(event.date, event.precision),
    precisionLabel: PRECISION_LABEL[event.precision],
    type: event.type,
    sentence: event.sentence,
    sentenceIndex: sentence,
    href: articleLink,
    article: { slug: entry.article.slug, title: entry.article.title, date: entry.article.date, dateLabel: formatShortDate(entry.article.date), source: entry.article.source },
    actors: [...new Set([...event.actors, ...event.officials])].map((id) => ({ id, name: actorName(index, id), href: actorHref(id), person: people.has(id) })),
    chemicals: [...new Set(event.chemicals)].map((id) => ({ id, name: chemicalName(index, id), href: chemicalHref(id) })),
    figures: event.statistics.flatMap((i) => {
      const s = entry.records.statistics[i];
      return s ? [{ text: figureLabel(s), href: articleLink }] : [];
    }),
  };
}
export type EventView = ReturnType<typeof toEventView>;

function view(index: CorpusIndex, e: IndexedEvent): EventView {
  return toEventView(index, e.entry, e.event);
}

/** Every event of the corpus, newest first. */
export function allEvents(corpus: Corpus): EventView[] {
  const index = corpusIndex(corpus);
  return index.events.map((e) => view(index, e));
}

const knownCache = new WeakMap<CorpusIndex, Required<KnownIds>>();

/** Ids the filters may name: every actor and chemical of the registries and the text (built once per corpus). */
export function knownIds(corpus: Corpus): Required<KnownIds> {
  return once(knownCache, corpusIndex(corpus), (index) => ({ actors: new Set(index.actors.keys()), chemicals: new Set(index.chemicals.keys()) }));
}

/** Lowercased words of the text filter; an event matches when it holds every one. */
function words(q: string | undefined): string[] {
  return (q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * What a filter state matches, as a string: states that match the same events have the
 * same key (order and repeats of ids and words, and the way a date is written, do not
 * count; page and stack are not filters). Memoized filter results are keyed on it.
 */
export function filterKey(state: FilterState): string {
  const sorted = (values: readonly string[]) => [...new Set(values)].sort();
  return JSON.stringify([sorted(state.actor), sorted(state.chemical), state.type ?? "", state.from ? firstDay(state.from) : "", state.to ? lastDay(state.to) : "", sorted(words(state.q))]);
}

const MATCH_ALL = filterKey({ actor: [], chemical: [], page: 1, stack: "jurisdiction" });

/** True when the state lets every event through (even if, like a blank text, it is set). */
function matchesAll(state: FilterState): boolean {
  return isUnfiltered(state) || filterKey(state) === MATCH_ALL;
}

/** How many filtered event lists each corpus keeps (each at most one array of the events). */
const FILTERED_CACHE_SIZE = 12;
/** How many filter panels' counts each corpus keeps (a few maps of counts each). */
const FACET_CACHE_SIZE = 64;

/** Which filter dimensions an event passes; counts per value need all the others. */
function tests(state: FilterState) {
  const actors = new Set(state.actor);
  const chemicals = new Set(state.chemical);
  const from = state.from ? firstDay(state.from) : undefined;
  const to = state.to ? lastDay(state.to) : undefined;
  const terms = words(state.q);
  return {
    actor: (e: IndexedEvent) => actors.size === 0 || e.actorIds.some((id) => actors.has(id)),
    chemical: (e: IndexedEvent) => chemicals.size === 0 || e.chemicalIds.some((id) => chemicals.has(id)),
    type: (e: IndexedEvent) => !state.type || e.type === state.type,
    // An event whose date is a whole month or year matches a range it overlaps.
    date: (e: IndexedEvent) => (!from || e.last >= from) && (!to || e.first <= to),
    text: (e: IndexedEvent) => terms.every((t) => e.text.includes(t)),
  };
}

/** Events that pass every filter, newest first. */
export function filterIndexedEvents(index: CorpusIndex, state: FilterState): IndexedEvent[] {
  if (matchesAll(state)) return index.events;
  return memo(index, "filtered", filterKey(state), FILTERED_CACHE_SIZE, () => scanFiltered(index, state));
}

/**
 * The filter itself. It reads the shortest inverted list among the selected actors,
 * chemicals and type (or every event when none is selected), starts where a to-date
 * allows, stops where no older event reaches a from-date, and tests each candidate on
 * every filter: the same events in the same order as a scan of every event, for a
 * fraction of the reads.
 */
function scanFiltered(index: CorpusIndex, state: FilterState): IndexedEvent[] {
  const t = tests(state);
  const lists = (map: EventLists, ids: readonly string[]) => ids.map((id) => map.get(id) ?? []);
  const size = (lists: IndexedEvent[][]) => lists.reduce((n, l) => n + l.length, 0);
  const choices: { size: number; list: () => IndexedEvent[] }[] = [{ size: index.events.length, list: () => index.events }];
  if (state.actor.length) {
    const actorLists = lists(index.eventsByActor, state.actor);
    choices.push({ size: size(actorLists), list: () => unionByPosition(actorLists) });
  }
  if (state.chemical.length) {
    const chemicalLists = lists(index.eventsByChemical, state.chemical);
    choices.push({ size: size(chemicalLists), list: () => unionByPosition(chemicalLists) });
  }
  if (state.type) {
    const typeList = index.eventsByType.get(state.type) ?? [];
    choices.push({ size: typeList.length, list: () => typeList });
  }
  const candidates = choices.reduce((best, c) => (c.size < best.size ? c : best)).list();
  const start = state.to ? firstStartingBy(candidates, lastDay(state.to)) : 0;
  const from = state.from ? firstDay(state.from) : undefined;
  const out: IndexedEvent[] = [];
  for (let i = start; i < candidates.length; i++) {
    const e = candidates[i];
    if (from !== undefined && index.latestLastFrom[e.position] < from) break;
    if (t.actor(e) && t.chemical(e) && t.type(e) && t.date(e) && t.text(e)) out.push(e);
  }
  return out;
}

export function filterEvents(corpus: Corpus, state: FilterState): EventView[] {
  const index = corpusIndex(corpus);
  return filterIndexedEvents(index, state).map((e) => view(index, e));
}

/** How many options of a long filter list the page renders. */
export const MAX_OPTIONS = 100;

/**
 * Counts per filter value, each computed with every other filter applied (faceted
 * search): the number beside "China" is how many events ticking it would add. Each facet
 * counts the events that pass the other filters, a memoized filter result itself; with no
 * other filter, the counts are the lengths of the inverted lists. Memoized per filter key.
 */
function facetCounts(index: CorpusIndex, state: FilterState) {
  return memo(index, "facets", filterKey(state), FACET_CACHE_SIZE, () => {
    const passing = (patch: Partial<FilterState>) => filterIndexedEvents(index, { ...state, ...patch });
    const byType = passing({ type: undefined });
    const { codes } = index;
    return {
      actor: countIds(index, passing({ actor: [] }), index.eventsByActor, codes.actor),
      chemical: countIds(index, passing({ chemical: [] }), index.eventsByChemical, codes.chemical),
      type: countIds(index, byType, index.eventsByType, codes.type),
      allTypes: byType.length,
    };
  });
}

/** Events per id among `events`, ids in the order a scan of them first meets them. */
function countIds(index: CorpusIndex, events: readonly IndexedEvent[], inverted: EventLists, codes: Codes): Map<string, number> {
  // Every event: the lists' own counts, keys in the order of such a scan.
  if (events === index.events) return inverted.counts();
  const { keys, offsets, values } = codes;
  const counts = new Int32Array(keys.length);
  const seen: number[] = [];
  for (const e of events) {
    for (let k = offsets[e.position], end = offsets[e.position + 1]; k < end; k++) {
      if (counts[values[k]]++ === 0) seen.push(values[k]);
    }
  }
  return new Map(seen.map((c) => [keys[c], counts[c]]));
}

function options(counts: Map<string, number>, selected: readonly string[], name: (id: string) => string, extra: (id: string) => string | undefined) {
  const ids = new Set([...counts.keys(), ...selected]);
  const all = [...ids].map((id) => ({ id, name: name(id), count: counts.get(id) ?? 0, selected: selected.includes(id), detail: extra(id) }));
  all.sort((a, b) => Number(b.selected) - Number(a.selected) || b.count - a.count || a.name.localeCompare(b.name));
  return { options: all.slice(0, Math.max(MAX_OPTIONS, selected.length)), hidden: Math.max(0, all.length - Math.max(MAX_OPTIONS, selected.length)) };
}

/** The filter panel: every value with its count, what is selected, and what to undo. */
export function filterPanel(corpus: Corpus, state: FilterState, path: string) {
  const index = corpusIndex(corpus);
  const counts = facetCounts(index, state);
  const actorDetail = (id: string) => {
    const a = index.actors.get(id);
    return a ? (a.kind === "person" ? "person" : a.type.replace("-", " ")) : undefined;
  };
  const chemicalDetail = (id: string) => index.chemicals.get(id)?.role;
  const actors = options(counts.actor, state.actor, (id) => actorName(index, id), actorDetail);
  const chemicals = options(counts.chemical, state.chemical, (id) => chemicalName(index, id), chemicalDetail);
  const types = [
    { value: "", label: "All types", count: counts.allTypes },
    ...EventType.options.map((type) => ({ value: type, label: type, count: counts.type.get(type) ?? 0 })),
  ];
  return {
    path,
    state,
    actors,
    chemicals,
    types,
    active: activeFilters(index, state, path),
    clearHref: hrefWith(path, { stack: state.stack }),
  };
}
export type FilterPanelView = ReturnType<typeof filterPanel>;

/** One chip per active filter value, each with a link that removes it. */
function activeFilters(index: CorpusIndex, state: FilterState, path: string) {
  const chips: { key: string; label: string; value: string; removeHref: string }[] = [];
  const drop = (next: FilterState) => hrefWith(path, { ...next, page: 1 });
  for (const id of state.actor) chips.push({ key: `actor:${id}`, label: "Actor", value: actorName(index, id), removeHref: drop({ ...state, actor: state.actor.filter((v) => v !== id) }) });
  for (const id of state.chemical) chips.push({ key: `chemical:${id}`, label: "Chemical", value: chemicalName(index, id), removeHref: drop({ ...state, chemical: state.chemical.filter((v) => v !== id) }) });
  if (state.type) chips.push({ key: "type", label: "Type", value: state.type, removeHref: drop({ ...state, type: undefined }) });
  if (state.from) chips.push({ key: "from", label: "From", value: formatPartialDate(state.from), removeHref: drop({ ...state, from: undefined }) });
  if (state.to) chips.push({ key: "to", label: "To", value: formatPartialDate(state.to), removeHref: drop({ ...state, to: undefined }) });
  if (state.q) chips.push({ key: "q", label: "Text", value: `“${state.q}”`, removeHref: drop({ ...state, q: undefined }) });
  return chips;
}

/** The timeline: one page of filtered events grouped by year and month, plus paging. */
export function getTimeline(corpus: Corpus, state: FilterState, pageSize = PAGE_SIZE) {
  const index = corpusIndex(corpus);
  const matched = filterIndexedEvents(index, state);
  const total = matched.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const problems: ParamProblem[] = [];
  let page = state.page;
  if (page > pageCount) {
    problems.push({ param: "page", value: String(page), message: `There ${pageCount === 1 ? "is only 1 page" : `are only ${pageCount} pages`} of events: showing page ${pageCount}.` });
    page = pageCount;
  }
  const slice = matched.slice((page - 1) * pageSize, page * pageSize);

  const years: { year: string; months: { key: string; label: string; events: EventView[] }[] }[] = [];
  for (const e of slice) {
    const year = e.date.slice(0, 4);
    const month = e.date.length >= 7 ? e.date.slice(0, 7) : year;
    let y = years.at(-1);
    if (!y || y.year !== year) years.push((y = { year, months: [] }));
    let m = y.months.at(-1);
    if (!m || m.key !== month) {
      y.months.push((m = { key: month, label: month.length === 7 ? `${monthName(month)} ${year}` : `${year}, month not known`, events: [] }));
    }
    m.events.push(view(index, e));
  }

  const link = (p: number) => hrefWith("/timeline", withPage(state, p));
  return {
    total,
    totalAll: index.events.length,
    page,
    pageCount,
    pageSize,
    firstShown: total === 0 ? 0 : (page - 1) * pageSize + 1,
    lastShown: Math.min(total, page * pageSize),
    years,
    problems,
    summary: isUnfiltered(state) ? `${plural(total, "event")}, newest first.` : `${plural(total, "event")} of ${index.events.length.toLocaleString("en-US")} match the filters, newest first.`,
    prevHref: page > 1 ? link(page - 1) : undefined,
    nextHref: page < pageCount ? link(page + 1) : undefined,
    pages: pageLinks(page, pageCount).map((p) => (p === null ? null : { page: p, href: link(p), current: p === page })),
    chartsHref: hrefWith("/charts", filtersOnly(state)),
  };
}
export type TimelineView = ReturnType<typeof getTimeline>;

/** 1 … 4 5 [6] 7 8 … 20: the first, the last and two either side of the current page. */
export function pageLinks(page: number, count: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= count; p++) {
    if (p === 1 || p === count || Math.abs(p - page) <= 2) out.push(p);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}
