/**
 * Events as an article page and the exports show them, the URL's filters as the store's
 * filter, and the filter panel (whose counts are of timeline entries; see ./timeline.ts).
 */
import type { Corpus } from "../corpus";
import { firstDay, lastDay } from "../dates";
import { formatPartialDate, formatShortDate } from "../format";
import { EventType } from "../schema";
import { splitMarked } from "../text/marks";
import { allActors, allChemicals, countEntriesBy, entityIds, markedSentences, namesOf, selectEvents, toEvent, whereOf, type EventFilter, type EventRow } from "../store";
import { hrefWith, type FilterState, type KnownIds, type ParamProblem } from "../url-state";
import { actorHref, articleHref, chemicalHref } from "./links";
import { memo } from "./memo";

export const PAGE_SIZE = 50;

const PRECISION_LABEL = { day: "exact day", month: "month only", year: "year only" } as const;

/** Names of every actor and chemical the rows name, looked up in one query each. */
export function namesFor(corpus: Corpus, rows: readonly EventRow[]) {
  const actors: string[] = [];
  const chemicals: string[] = [];
  for (const r of rows) {
    for (const [, id] of JSON.parse(r.actor_ids) as [string, string][]) actors.push(id);
    chemicals.push(...(JSON.parse(r.chemical_ids) as string[]));
  }
  const a = namesOf(corpus.db, "actors", actors);
  const c = namesOf(corpus.db, "chemicals", chemicals);
  return { actor: (id: string) => a.get(id) ?? id, chemical: (id: string) => c.get(id) ?? id };
}
export type Names = ReturnType<typeof namesFor>;

export function toEventView(names: Names, row: EventRow, marked?: string) {
  const event = toEvent(row);
  const sentence = event.provenance.sentence;
  const articleLink = articleHref(row.article, sentence);
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
    /** The sentence in parts, words the text filter matched marked. */
    sentenceParts: marked ? splitMarked(marked) : [{ text: event.sentence, match: false }],
    sentenceIndex: sentence,
    href: articleLink,
    article: { slug: row.article, title: row.article_title, date: row.article_date, dateLabel: formatShortDate(row.article_date), source: row.article_source },
    actors: [...new Set([...event.actors, ...event.officials])].map((id) => ({ id, name: names.actor(id), href: actorHref(id), person: people.has(id) })),
    chemicals: [...new Set(event.chemicals)].map((id) => ({ id, name: names.chemical(id), href: chemicalHref(id) })),
    figures: (JSON.parse(row.figures) as [string, string | null][]).map(([text, measure]) => ({ text: measure ? `${text} (${measure})` : text, href: articleLink })),
  };
}
export type EventView = ReturnType<typeof toEventView>;

/** Rows as views, names looked up once for all of them; with `q`, matched words marked. */
export function eventViews(corpus: Corpus, rows: readonly EventRow[], q?: string): EventView[] {
  const names = namesFor(corpus, rows);
  const marked = markedSentences(corpus.db, q, rows.map((r) => r.rowid));
  return rows.map((r) => toEventView(names, r, marked.get(r.rowid)));
}

/** The store's filter for a URL filter state: date bounds as days, page and stack left out. */
export function eventFilter(state: FilterState): EventFilter {
  return {
    actor: state.actor,
    chemical: state.chemical,
    type: state.type,
    from: state.from ? firstDay(state.from) : undefined,
    to: state.to ? lastDay(state.to) : undefined,
    q: state.q,
  };
}

/** Every event of the corpus, newest first. */
export function allEvents(corpus: Corpus): EventView[] {
  return eventViews(corpus, selectEvents(corpus.db, {}));
}

/** Ids the filters may name: every actor and chemical of the registries and the text. */
export function knownIds(corpus: Corpus): Required<KnownIds> {
  return { actors: entityIds(corpus.db, "actors"), chemicals: entityIds(corpus.db, "chemicals") };
}

export function filterEvents(corpus: Corpus, state: FilterState): EventView[] {
  return eventViews(corpus, selectEvents(corpus.db, eventFilter(state)));
}

/** A message when the text filter cannot be read as a search. */
export function searchProblem(state: FilterState): ParamProblem | undefined {
  const error = whereOf({ q: state.q }).searchError;
  return error ? { param: "q", value: state.q ?? "", message: error } : undefined;
}

/** How many options of a long filter list the page renders. */
export const MAX_OPTIONS = 100;

/**
 * Counts per filter value, each computed with every other filter applied (faceted
 * search): the number beside "China" is how many timeline entries ticking it would show.
 * Entries, not event mentions: an event that five articles report counts once.
 */
function facetCounts(corpus: Corpus, state: FilterState) {
  const filter = eventFilter(state);
  const byType = countEntriesBy(corpus.db, "type", { ...filter, type: undefined });
  return {
    actor: countEntriesBy(corpus.db, "actor", { ...filter, actor: [] }),
    chemical: countEntriesBy(corpus.db, "chemical", { ...filter, chemical: [] }),
    type: byType,
    allTypes: [...byType.values()].reduce((a, b) => a + b, 0),
  };
}

function options(counts: Map<string, number>, selected: readonly string[], name: (id: string) => string, extra: (id: string) => string | undefined) {
  const ids = new Set([...counts.keys(), ...selected]);
  const all = [...ids].map((id) => ({ id, name: name(id), count: counts.get(id) ?? 0, selected: selected.includes(id), detail: extra(id) }));
  all.sort((a, b) => Number(b.selected) - Number(a.selected) || b.count - a.count || a.name.localeCompare(b.name));
  return { options: all.slice(0, Math.max(MAX_OPTIONS, selected.length)), hidden: Math.max(0, all.length - Math.max(MAX_OPTIONS, selected.length)) };
}

/** The filter panel: every value with its count, what is selected, and what to undo. */
export function filterPanel(corpus: Corpus, state: FilterState, path: string) {
  return memo(corpus, ["filterPanel", state, path], () => filterPanelUncached(corpus, state, path));
}

function filterPanelUncached(corpus: Corpus, state: FilterState, path: string) {
  const counts = facetCounts(corpus, state);
  const actorInfo = new Map(allActors(corpus.db).map((a) => [a.id, a]));
  const chemicalInfo = new Map(allChemicals(corpus.db).map((c) => [c.id, c]));
  const actorName = (id: string) => actorInfo.get(id)?.name ?? id;
  const chemicalName = (id: string) => chemicalInfo.get(id)?.name ?? id;
  const actorDetail = (id: string) => {
    const a = actorInfo.get(id);
    return a ? (a.type === "person" ? "person" : a.type.replace("-", " ")) : undefined;
  };
  const chemicalDetail = (id: string) => chemicalInfo.get(id)?.role ?? undefined;
  const actors = options(counts.actor, state.actor, actorName, actorDetail);
  const chemicals = options(counts.chemical, state.chemical, chemicalName, chemicalDetail);
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
    active: activeFilters({ actor: actorName, chemical: chemicalName }, state, path),
    clearHref: hrefWith(path, { stack: state.stack }),
  };
}
export type FilterPanelView = ReturnType<typeof filterPanel>;


/** One chip per active filter value, each with a link that removes it. */
function activeFilters(names: { actor: (id: string) => string; chemical: (id: string) => string }, state: FilterState, path: string) {
  const chips: { key: string; label: string; value: string; removeHref: string }[] = [];
  const drop = (next: FilterState) => hrefWith(path, { ...next, page: 1 });
  for (const id of state.actor) chips.push({ key: `actor:${id}`, label: "Actor", value: names.actor(id), removeHref: drop({ ...state, actor: state.actor.filter((v) => v !== id) }) });
  for (const id of state.chemical) chips.push({ key: `chemical:${id}`, label: "Chemical", value: names.chemical(id), removeHref: drop({ ...state, chemical: state.chemical.filter((v) => v !== id) }) });
  if (state.type) chips.push({ key: "type", label: "Type", value: state.type, removeHref: drop({ ...state, type: undefined }) });
  if (state.from) chips.push({ key: "from", label: "From", value: formatPartialDate(state.from), removeHref: drop({ ...state, from: undefined }) });
  if (state.to) chips.push({ key: "to", label: "To", value: formatPartialDate(state.to), removeHref: drop({ ...state, to: undefined }) });
  if (state.q) chips.push({ key: "q", label: "Text", value: `“${state.q}”`, removeHref: drop({ ...state, q: undefined }) });
  return chips;
}

/** 1 … 4 5 [6] 7 8 … 20: the first, the last and two either side of the current page. */
export function pageLinks(page: number, count: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= count; p++) {
    if (p === 1 || p === count || Math.abs(p - page) <= 2) out.push(p);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}
