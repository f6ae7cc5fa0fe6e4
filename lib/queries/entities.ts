/** Chemicals and actors: the lists and the pages of each, as plain view models. */
import { controlHistoryChart, mentionsChart } from "../charts/builders";
import type { Corpus, CorpusArticle } from "../corpus";
import { formatPartialDate, formatShortDate } from "../format";
import { colorFor } from "../palette";
import { mentionsOf } from "../records";
import type { Quote } from "../schema";
import { DEFAULT_FILTERS, hrefWith } from "../url-state";
import { actorName, chemicalName, corpusIndex, type CorpusIndex, type IndexedEvent } from "./corpus-index";
import { toEventView } from "./events";
import { actorHref, articleHref, chemicalHref } from "./links";
import { memo, once } from "./memo";

/** How many events and articles an entity page lists before pointing to the timeline. */
export const ENTITY_LIST_LIMIT = 20;

/** How many chemical and actor pages each corpus keeps built (each a few KB). */
const ENTITY_CACHE_SIZE = 64;

function articleItem(entry: { article: { slug: string; title: string; date: string; source: string } }, mentions: number) {
  return { slug: entry.article.slug, title: entry.article.title, date: entry.article.date, dateLabel: formatShortDate(entry.article.date), source: entry.article.source, href: articleHref(entry.article.slug), mentions };
}

/** How many items hold each id; `ids` gives each item's ids, each once. */
function countIds<T>(items: Iterable<T>, ids: (item: T) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const k of ids(item)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

function ranked(counts: Map<string, number>, limit: number) {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
}

/** Lengths of the lists of an inverted index: articles or events per id. */
function lengths<T>(map: Map<string, T[]>): Map<string, number> {
  return new Map([...map].map(([id, list]) => [id, list.length]));
}

const chemicalListCache = new WeakMap<Corpus, ReturnType<typeof buildChemicalList>>();

/** Registry chemicals plus unregistered ones found in text, most written about first. */
export function listChemicals(corpus: Corpus) {
  return once(chemicalListCache, corpus, buildChemicalList);
}

function buildChemicalList(corpus: Corpus) {
  const index = corpusIndex(corpus);
  const stats = { articles: lengths(index.articlesByChemical), events: index.eventsByChemical.counts() };
  const registry = new Map(corpus.registries.chemicals.chemicals.map((c) => [c.id, c]));
  return [...index.chemicals.values()]
    .map((c) => {
      const controls = registry.get(c.id)?.controls ?? [];
      return {
        id: c.id,
        name: c.name,
        cas: c.cas,
        role: c.role,
        registered: c.registered,
        href: chemicalHref(c.id),
        articles: stats.articles.get(c.id) ?? 0,
        events: stats.events.get(c.id) ?? 0,
        controlledIn: [...new Set(controls.map((k) => k.jurisdiction))].map((id) => ({ id, name: actorName(index, id), href: actorHref(id) })),
      };
    })
    .sort((a, b) => b.articles - a.articles || Number(b.registered) - Number(a.registered) || a.name.localeCompare(b.name));
}
export type ChemicalSummary = ReturnType<typeof listChemicals>[number];

function eventList(index: CorpusIndex, events: IndexedEvent[], limit = ENTITY_LIST_LIMIT) {
  return events.slice(0, limit).map((e) => toEventView(index, e.entry, e.event));
}

export function getChemical(corpus: Corpus, id: string) {
  const index = corpusIndex(corpus);
  if (!index.chemicals.has(id)) return undefined;
  return memo(index, "chemical", id, ENTITY_CACHE_SIZE, () => buildChemical(corpus, index, id));
}

function buildChemical(corpus: Corpus, index: CorpusIndex, id: string) {
  const info = index.chemicals.get(id)!;
  const entry = corpus.registries.chemicals.chemicals.find((c) => c.id === id);
  const events = index.eventsByChemical.get(id) ?? [];
  const articles = index.articlesByChemical.get(id) ?? [];

  // The first 30 figures of its events, newest first.
  const statistics: { text: string; measure?: string; href: string; article: string; date: string }[] = [];
  figures: for (const e of events) {
    for (const i of e.event.statistics) {
      const s = e.entry.records.statistics[i];
      if (s) statistics.push({ text: s.text, measure: s.measure, href: articleHref(e.entry.article.slug, e.event.provenance.sentence), article: e.entry.article.title, date: formatPartialDate(e.event.date, e.event.precision) });
      if (statistics.length >= 30) break figures;
    }
  }
  // Ten quotes: those said in a sentence that names the chemical, then others from the
  // same articles, each group newest article first.
  const direct: { entry: CorpusArticle; quote: Quote }[] = [];
  const others: { entry: CorpusArticle; quote: Quote }[] = [];
  for (const a of articles) {
    if (direct.length >= 10) break;
    const sentences = new Set(a.records.chemicals.find((c) => c.id === id)?.mentions);
    for (const quote of a.records.quotes) {
      if (sentences.has(quote.provenance.sentence)) {
        if (direct.length < 10) direct.push({ entry: a, quote });
      } else if (others.length < 10) others.push({ entry: a, quote });
    }
  }
  const quotes = [...direct.map((q) => ({ ...q, direct: true })), ...others.map((q) => ({ ...q, direct: false }))].slice(0, 10).map(({ entry: { article }, quote: q, direct }) => ({
    text: q.text,
    speaker: q.speaker,
    speakerHref: q.speakerId ? actorHref(q.speakerId) : undefined,
    article: article.title,
    date: formatShortDate(article.date),
    href: articleHref(article.slug, q.provenance.sentence),
    direct,
  }));

  const controls = [...(entry?.controls ?? [])]
    .sort((a, b) => (a.effective ?? a.announced ?? "").localeCompare(b.effective ?? b.announced ?? ""))
    .map((c) => ({
      jurisdiction: c.jurisdiction,
      jurisdictionName: actorName(index, c.jurisdiction),
      jurisdictionHref: actorHref(c.jurisdiction),
      color: colorFor(c.jurisdiction),
      instrument: c.instrument,
      announced: c.announced ? formatShortDate(c.announced) : undefined,
      effective: c.effective ? formatShortDate(c.effective) : undefined,
      source: c.source,
      note: c.note,
    }));

  return {
    id,
    name: info.name,
    cas: info.cas ?? entry?.cas,
    role: info.role ?? entry?.role,
    registered: info.registered,
    description: entry?.description,
    aliases: entry ? [...entry.aliases, ...entry.abbreviations, ...entry.systematic_names] : [],
    counts: { articles: articles.length, events: events.length, controls: controls.length },
    controls,
    controlChart: controlHistoryChart(corpus, id),
    mentionsChart: mentionsChart(corpus, { kind: "chemical", id }),
    // Actors named in the same articles, by number of articles.
    relatedActors: ranked(countIds(articles, (a) => index.idsOfArticle.get(a)!.actors), 24).map(([actorId, count]) => ({ id: actorId, name: actorName(index, actorId), href: actorHref(actorId), count })),
    statistics: statistics.slice(0, 30),
    quotes,
    articles: articles.slice(0, ENTITY_LIST_LIMIT).map((a) => articleItem(a, mentionsOf(id, a.digest.chemicals))),
    events: eventList(index, events),
    timelineHref: hrefWith("/timeline", { ...DEFAULT_FILTERS, chemical: [id] }),
    chartsHref: hrefWith("/charts", { ...DEFAULT_FILTERS, chemical: [id] }),
  };
}
export type ChemicalView = ReturnType<typeof buildChemical>;

const ACTOR_TYPE_LABEL: Record<string, string> = {
  country: "Country",
  "government-body": "Government body",
  "international-body": "International body",
  court: "Court",
  company: "Company",
  other: "Organisation",
  person: "Person",
};

const actorListCache = new WeakMap<Corpus, ReturnType<typeof buildActorList>>();

/** People and organisations of the registry and the text, most written about first. */
export function listActors(corpus: Corpus) {
  return once(actorListCache, corpus, buildActorList);
}

function buildActorList(corpus: Corpus) {
  const index = corpusIndex(corpus);
  const articles = lengths(index.articlesByActor);
  const events = index.eventsByActor.counts();
  const latestTitle = new Map<string, string>();
  for (const p of corpus.registries.actors.people) if (p.titles.length) latestTitle.set(p.id, p.titles.at(-1)!.title);
  // Articles are newest first: the first title seen is the latest.
  for (const { records } of corpus.articles) for (const o of records.officials) if (o.title && !latestTitle.has(o.id)) latestTitle.set(o.id, o.title);
  return [...index.actors.values()]
    .map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      type: a.type,
      typeLabel: ACTOR_TYPE_LABEL[a.type] ?? a.type,
      title: latestTitle.get(a.id),
      country: a.country && a.country !== a.id ? { id: a.country, name: actorName(index, a.country), href: actorHref(a.country) } : undefined,
      registered: a.registered,
      href: actorHref(a.id),
      articles: articles.get(a.id) ?? 0,
      events: events.get(a.id) ?? 0,
    }))
    .sort((a, b) => b.articles - a.articles || Number(b.registered) - Number(a.registered) || a.name.localeCompare(b.name));
}
export type ActorSummary = ReturnType<typeof listActors>[number];

export function getActor(corpus: Corpus, id: string) {
  const index = corpusIndex(corpus);
  if (!index.actors.has(id)) return undefined;
  return memo(index, "actor", id, ENTITY_CACHE_SIZE, () => buildActor(corpus, index, id));
}

function buildActor(corpus: Corpus, index: CorpusIndex, id: string) {
  const info = index.actors.get(id)!;
  const org = corpus.registries.actors.organizations.find((o) => o.id === id);
  const person = corpus.registries.actors.people.find((p) => p.id === id);
  const events = index.eventsByActor.get(id) ?? [];
  const articles = index.articlesByActor.get(id) ?? [];

  // Titles over time: the registry's, then each title as the articles give it, first to last seen.
  const reported = new Map<string, { title: string; organization?: string; organizationHref?: string; first: string; last: string; articles: number }>();
  for (const { article, records } of articles) {
    for (const o of records.officials) {
      if (o.id !== id || !o.title) continue;
      const key = `${o.title}|${o.organizationId ?? o.organization ?? ""}`;
      const seen = reported.get(key);
      if (seen) {
        seen.first = article.date < seen.first ? article.date : seen.first;
        seen.last = article.date > seen.last ? article.date : seen.last;
        seen.articles++;
      } else {
        const orgName = o.organizationId ? actorName(index, o.organizationId) : o.organization;
        reported.set(key, { title: o.title, organization: orgName, organizationHref: o.organizationId ? actorHref(o.organizationId) : undefined, first: article.date, last: article.date, articles: 1 });
      }
    }
  }
  const titles = [
    ...(person?.titles ?? []).map((t) => ({
      title: t.title,
      organization: t.organization ? actorName(index, t.organization) : undefined,
      organizationHref: t.organization ? actorHref(t.organization) : undefined,
      period: t.from || t.to ? `${t.from ? formatPartialDate(t.from) : "?"} – ${t.to ? formatPartialDate(t.to) : "present"}` : "dates not recorded",
      sortKey: t.from ?? "",
      source: "registry" as const,
    })),
    ...[...reported.values()].map((t) => ({
      title: t.title,
      organization: t.organization,
      organizationHref: t.organizationHref,
      period: t.first === t.last ? `reported ${formatShortDate(t.first)}` : `reported ${formatShortDate(t.first)} – ${formatShortDate(t.last)}`,
      sortKey: t.first,
      source: "articles" as const,
    })),
  ].sort((a, b) => a.sortKey.localeCompare(b.sortKey));

  // Its quotes: all counted, the first 20 shown.
  let quoteCount = 0;
  const quotes: { text: string; article: string; date: string; href: string }[] = [];
  for (const { article, records } of articles) {
    for (const q of records.quotes) {
      if (q.speakerId !== id) continue;
      if (quoteCount++ < 20) quotes.push({ text: q.text, article: article.title, date: formatShortDate(article.date), href: articleHref(article.slug, q.provenance.sentence) });
    }
  }

  // Controls this actor put in place, when it is a jurisdiction of the registry.
  const controls = corpus.registries.chemicals.chemicals.flatMap((c) =>
    c.controls
      .filter((k) => k.jurisdiction === id)
      .map((k) => ({ chemical: c.name, chemicalHref: chemicalHref(c.id), instrument: k.instrument, date: k.effective ?? k.announced, dateLabel: formatPartialDate(k.effective ?? k.announced ?? "") || "—", source: k.source })),
  ).sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));

  const country = info.country && info.country !== id ? { id: info.country, name: actorName(index, info.country), href: actorHref(info.country) } : undefined;
  return {
    id,
    name: info.name,
    kind: info.kind,
    typeLabel: ACTOR_TYPE_LABEL[info.type] ?? info.type,
    registered: info.registered,
    country,
    parent: org?.parent ? { id: org.parent, name: actorName(index, org.parent), href: actorHref(org.parent) } : undefined,
    aliases: org?.aliases ?? person?.aliases ?? [],
    source: person?.source,
    counts: { articles: articles.length, events: events.length, quotes: quoteCount },
    titles,
    quotes,
    controls,
    // Chemicals named in the same articles, by number of articles.
    chemicals: ranked(countIds(articles, (a) => index.idsOfArticle.get(a)!.chemicals), 30).map(([chemicalId, count]) => ({ id: chemicalId, name: chemicalName(index, chemicalId), href: chemicalHref(chemicalId), count, color: colorFor(chemicalId) })),
    mentionsChart: mentionsChart(corpus, { kind: "actor", id }),
    articles: articles.slice(0, ENTITY_LIST_LIMIT).map((a) => articleItem(a, mentionsOf(id, a.digest.actors, a.digest.officials))),
    events: eventList(index, events),
    timelineHref: hrefWith("/timeline", { ...DEFAULT_FILTERS, actor: [id] }),
    chartsHref: hrefWith("/charts", { ...DEFAULT_FILTERS, actor: [id] }),
  };
}
export type ActorView = ReturnType<typeof buildActor>;

