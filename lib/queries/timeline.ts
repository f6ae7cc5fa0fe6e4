/**
 * The timeline as users read it: one entry per real-world event, however many articles
 * report it, with every source. The URL's filters apply to entries (an entry names what
 * any of its sources names); the page is cut in the database.
 */
import type { Corpus } from "../corpus";
import { formatPartialDate, formatShortDate, monthName, plural } from "../format";
import type { TimelineEntry, TariffLayer } from "../schema";
import { articleHeads, countTimelineEntries, markedSourceSentences, namesOf, selectTimelineEntries } from "../store";
import { splitMarked } from "../text/marks";
import { filtersOnly, hrefWith, isUnfiltered, serializeFilters, withPage, type FilterState, type ParamProblem } from "../url-state";
import { eventFilter, PAGE_SIZE, pageLinks, searchProblem } from "./events";
import { entryFlagMarkers } from "./flags";
import { actorHref, articleHref, chemicalHref, exportLinks } from "./links";
import { memo } from "./memo";

const PRECISION_LABEL = { day: "exact day", month: "month only", year: "year only" } as const;
const LAYER_LABEL: Readonly<Record<TariffLayer, string>> = { fentanyl: "Fentanyl-related tariff", reciprocal: "Reciprocal tariff", other: "Tariff" };

/** The anchor of an entry on the timeline page: entry ids hold `#` and `.`. */
export function entryAnchor(id: string): string {
  return `entry-${id.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

/** "Fentanyl-related tariff at 10% on China": what a tariff entry is about, in words. */
export function tariffLabel(tariff: NonNullable<TimelineEntry["tariff"]>, actorName: (id: string) => string): string {
  const rate = tariff.rate !== undefined ? ` at ${tariff.rate}%` : "";
  const target = tariff.target ? ` on ${actorName(tariff.target)}` : "";
  return `${LAYER_LABEL[tariff.layer]}${rate}${target}`;
}

/** Names and article details for a set of entries, each looked up once. */
function lookups(corpus: Corpus, entries: readonly TimelineEntry[]) {
  const actorIds = entries.flatMap((e) => [...e.actors, ...e.officials, ...(e.tariff?.target ? [e.tariff.target] : [])]);
  const actors = namesOf(corpus.db, "actors", actorIds);
  const chemicals = namesOf(corpus.db, "chemicals", entries.flatMap((e) => e.chemicals));
  const articles = articleHeads(corpus.db, entries.flatMap((e) => e.sources.map((s) => s.article)));
  return { actor: (id: string) => actors.get(id) ?? id, chemical: (id: string) => chemicals.get(id) ?? id, article: (slug: string) => articles.get(slug) ?? { title: slug, date: "", source: "" } };
}

type FlagMarker = ReturnType<typeof entryFlagMarkers> extends Map<string, infer M> ? M : never;

export function toEntryView(entry: TimelineEntry, names: ReturnType<typeof lookups>, marked: ReadonlyMap<string, string> = new Map(), flags?: FlagMarker) {
  const people = new Set(entry.officials);
  const dateLabel = entry.end && entry.end !== entry.date ? `${formatPartialDate(entry.date, entry.precision)} – ${formatPartialDate(entry.end)}` : formatPartialDate(entry.date, entry.precision);
  const sources = entry.sources.map((s) => {
    const article = names.article(s.article);
    const sentence = marked.get(s.event);
    return {
      event: s.event,
      sentenceParts: sentence ? splitMarked(sentence) : [{ text: s.sentence, match: false }],
      href: articleHref(s.article, s.provenance.sentence),
      article: { slug: s.article, title: article.title, source: article.source, date: article.date, dateLabel: article.date ? formatShortDate(article.date) : "" },
    };
  });
  const articleCount = new Set(entry.sources.map((s) => s.article)).size;
  return {
    id: entry.id,
    anchor: entryAnchor(entry.id),
    date: entry.date,
    end: entry.end,
    precision: entry.precision,
    dateLabel,
    precisionLabel: PRECISION_LABEL[entry.precision],
    type: entry.type,
    scheduled: entry.status === "scheduled",
    phaseLabel: entry.phase === "announced" ? "announced" : entry.phase === "effective" ? "takes effect" : undefined,
    tariffLabel: entry.tariff ? tariffLabel(entry.tariff, names.actor) : undefined,
    summary: entry.summary,
    actors: [...new Set([...entry.actors, ...entry.officials])].map((id) => ({ id, name: names.actor(id), href: actorHref(id), person: people.has(id) })),
    chemicals: entry.chemicals.map((id) => ({ id, name: names.chemical(id), href: chemicalHref(id) })),
    sources,
    articleCount,
    reportedBy: `Reported by ${plural(articleCount, "article")}`,
    disputedWith: entry.disputedWith.map((id) => ({ id, href: `/timeline#${entryAnchor(id)}` })),
    /** Flags on the entry or on one of its source sentences (issue 14). */
    flags,
  };
}
export type EntryView = ReturnType<typeof toEntryView>;

/** Entries as views, names and articles looked up once for all; with `q`, matched words marked. */
export function entryViews(corpus: Corpus, entries: readonly TimelineEntry[], q?: string): EntryView[] {
  const names = lookups(corpus, entries);
  const marked = markedSourceSentences(corpus.db, q, entries);
  const flags = entryFlagMarkers(corpus, entries.map((e) => e.id));
  return entries.map((e) => toEntryView(e, names, marked, flags.get(e.id)));
}

/** The entries that name an actor or a chemical, newest first (entity pages). */
export function entriesNaming(corpus: Corpus, filter: { actor?: string[]; chemical?: string[] }, limit: number): { total: number; entries: EntryView[] } {
  return {
    total: countTimelineEntries(corpus.db, filter),
    entries: entryViews(corpus, selectTimelineEntries(corpus.db, filter, { limit, offset: 0 })),
  };
}

/** The timeline: one page of filtered entries grouped by year and month, plus paging. */
export function getTimeline(corpus: Corpus, state: FilterState, pageSize = PAGE_SIZE) {
  return memo(corpus, ["timeline", state, pageSize], () => getTimelineUncached(corpus, state, pageSize));
}

function getTimelineUncached(corpus: Corpus, state: FilterState, pageSize = PAGE_SIZE) {
  const filter = eventFilter(state);
  const totalAll = countTimelineEntries(corpus.db);
  const total = isUnfiltered(state) ? totalAll : countTimelineEntries(corpus.db, filter);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const problems: ParamProblem[] = [];
  const search = searchProblem(state);
  if (search) problems.push(search);
  let page = state.page;
  if (page > pageCount) {
    problems.push({ param: "page", value: String(page), message: `There ${pageCount === 1 ? "is only 1 page" : `are only ${pageCount} pages`} of events: showing page ${pageCount}.` });
    page = pageCount;
  }
  const slice = selectTimelineEntries(corpus.db, filter, { limit: pageSize, offset: (page - 1) * pageSize });
  const views = entryViews(corpus, slice, state.q);

  const years: { year: string; months: { key: string; label: string; entries: EntryView[] }[] }[] = [];
  views.forEach((e) => {
    const year = e.date.slice(0, 4);
    const month = e.date.length >= 7 ? e.date.slice(0, 7) : year;
    let y = years.at(-1);
    if (!y || y.year !== year) years.push((y = { year, months: [] }));
    let m = y.months.at(-1);
    if (!m || m.key !== month) y.months.push((m = { key: month, label: month.length === 7 ? `${monthName(month)} ${year}` : `${year}, month not known`, entries: [] }));
    m.entries.push(e);
  });

  const link = (p: number) => hrefWith("/timeline", withPage(state, p));
  return {
    total,
    totalAll,
    page,
    pageCount,
    pageSize,
    firstShown: total === 0 ? 0 : (page - 1) * pageSize + 1,
    lastShown: Math.min(total, page * pageSize),
    years,
    problems,
    summary: isUnfiltered(state)
      ? `${plural(total, "event")}, newest first; each is listed once with every article that reports it.`
      : `${plural(total, "event")} of ${totalAll.toLocaleString("en-US")} match the filters, newest first.`,
    prevHref: page > 1 ? link(page - 1) : undefined,
    nextHref: page < pageCount ? link(page + 1) : undefined,
    pages: pageLinks(page, pageCount).map((p) => (p === null ? null : { page: p, href: link(p), current: p === page })),
    chartsHref: hrefWith("/charts", filtersOnly(state)),
    /** Every matching event (all pages), as files. */
    exports: exportLinks("timeline", serializeFilters({ ...filtersOnly(state), stack: undefined })),
  };
}
export type TimelineView = ReturnType<typeof getTimeline>;
