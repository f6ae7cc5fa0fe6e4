/** Chemicals and actors: the lists and the pages of each, as plain view models. */
import { controlHistoryChart, mentionsChart } from "../charts/builders";
import type { Corpus } from "../corpus";
import { formatPartialDate, formatShortDate } from "../format";
import { colorFor } from "../palette";
import { allActors, allChemicals, articleDatesNaming, articlesNaming, coNamed, figuresOfChemical, getActorRow, getChemicalRow, latestTitles, namesOf, quotesBy, quotesNear, reportedTitles } from "../store";
import { DEFAULT_FILTERS, hrefWith } from "../url-state";
import { entriesNaming } from "./timeline";
import { actorHref, articleHref, chemicalHref, exportLinks } from "./links";
import { memo } from "./memo";

/** How many events and articles an entity page lists before pointing to the timeline. */
export const ENTITY_LIST_LIMIT = 20;

function articleItem(a: { slug: string; title: string; date: string; source: string; mentions: number }) {
  return { slug: a.slug, title: a.title, date: a.date, dateLabel: formatShortDate(a.date), source: a.source, href: articleHref(a.slug), mentions: a.mentions };
}

function actorNames(corpus: Corpus, ids: readonly string[]): (id: string) => string {
  const names = namesOf(corpus.db, "actors", ids);
  return (id) => names.get(id) ?? id;
}

function chemicalNames(corpus: Corpus, ids: readonly string[]): (id: string) => string {
  const names = namesOf(corpus.db, "chemicals", ids);
  return (id) => names.get(id) ?? id;
}

/** Registry chemicals plus unregistered ones found in text, most written about first. */
export function listChemicals(corpus: Corpus) {
  const registry = new Map(corpus.registries.chemicals.chemicals.map((c) => [c.id, c]));
  const jurisdictions = corpus.registries.chemicals.chemicals.flatMap((c) => c.controls.map((k) => k.jurisdiction));
  const actorName = actorNames(corpus, jurisdictions);
  return allChemicals(corpus.db)
    .map((c) => {
      const controls = registry.get(c.id)?.controls ?? [];
      return {
        id: c.id,
        name: c.name,
        cas: c.cas,
        role: c.role,
        registered: c.registered,
        href: chemicalHref(c.id),
        articles: c.article_count,
        events: c.event_count,
        controlledIn: [...new Set(controls.map((k) => k.jurisdiction))].map((id) => ({ id, name: actorName(id), href: actorHref(id) })),
      };
    })
    .sort((a, b) => b.articles - a.articles || Number(b.registered) - Number(a.registered) || a.name.localeCompare(b.name));
}
export type ChemicalSummary = ReturnType<typeof listChemicals>[number];

export function getChemical(corpus: Corpus, id: string) {
  return memo(corpus, ["chemical", id], () => getChemicalUncached(corpus, id));
}

function getChemicalUncached(corpus: Corpus, id: string) {
  const info = getChemicalRow(corpus.db, id);
  if (!info) return undefined;
  const { db } = corpus;
  const entry = corpus.registries.chemicals.chemicals.find((c) => c.id === id);
  const articles = articlesNaming(db, "chemical", id, ENTITY_LIST_LIMIT);
  const articleDates = articleDatesNaming(db, "chemical", id).map((date) => ({ date }));

  const statistics = figuresOfChemical(db, id, 30).map((s) => ({ text: s.text, measure: s.measure ?? undefined, href: articleHref(s.article, s.sentence), article: s.title, date: formatPartialDate(s.date, s.precision) }));
  // Ten quotes: those said in a sentence that names the chemical, then others from the
  // same articles, each group newest article first.
  const quotes = [...quotesNear(db, id, true, 10).map((q) => ({ q, direct: true })), ...quotesNear(db, id, false, 10).map((q) => ({ q, direct: false }))].slice(0, 10).map(({ q, direct }) => ({
    text: q.text,
    speaker: q.speaker ?? undefined,
    speakerHref: q.speaker_id ? actorHref(q.speaker_id) : undefined,
    article: q.title,
    date: formatShortDate(q.date),
    href: articleHref(q.slug, q.sentence),
    direct,
  }));
  const related = coNamed(db, "chemical", id, 24);
  const controlsRaw = [...(entry?.controls ?? [])].sort((a, b) => (a.effective ?? a.announced ?? "").localeCompare(b.effective ?? b.announced ?? ""));
  const actorName = actorNames(corpus, [...related.map((r) => r.id), ...controlsRaw.map((c) => c.jurisdiction)]);
  const controls = controlsRaw.map((c) => ({
    jurisdiction: c.jurisdiction,
    jurisdictionName: actorName(c.jurisdiction),
    jurisdictionHref: actorHref(c.jurisdiction),
    color: colorFor(c.jurisdiction),
    instrument: c.instrument,
    announced: c.announced ? formatShortDate(c.announced) : undefined,
    effective: c.effective ? formatShortDate(c.effective) : undefined,
    source: c.source,
    note: c.note,
  }));
  const timeline = entriesNaming(corpus, { chemical: [id] }, ENTITY_LIST_LIMIT);

  return {
    id,
    name: info.name,
    cas: info.cas ?? entry?.cas,
    role: info.role ?? entry?.role,
    registered: info.registered,
    description: entry?.description,
    aliases: entry ? [...entry.aliases, ...entry.abbreviations, ...entry.systematic_names] : [],
    counts: { articles: articleDates.length, events: timeline.total, controls: controls.length },
    controls,
    controlChart: controlHistoryChart(corpus, id),
    mentionsChart: mentionsChart(corpus, { kind: "chemical", id }, articleDates),
    // Actors named in the same articles, by number of articles.
    relatedActors: related.map((r) => ({ id: r.id, name: actorName(r.id), href: actorHref(r.id), count: r.count })),
    statistics,
    quotes,
    articles: articles.map(articleItem),
    /** Timeline entries that name the chemical, newest first. */
    entries: timeline.entries,
    timelineHref: hrefWith("/timeline", { ...DEFAULT_FILTERS, chemical: [id] }),
    chartsHref: hrefWith("/charts", { ...DEFAULT_FILTERS, chemical: [id] }),
    /** Every event that names the chemical, as files. */
    exports: exportLinks(`chemicals/${encodeURIComponent(id)}`),
  };
}
export type ChemicalView = NonNullable<ReturnType<typeof getChemical>>;

const ACTOR_TYPE_LABEL: Record<string, string> = {
  country: "Country",
  "government-body": "Government body",
  "international-body": "International body",
  court: "Court",
  company: "Company",
  other: "Organisation",
  person: "Person",
};

/** People and organisations of the registry and the text, most written about first. */
export function listActors(corpus: Corpus) {
  const rows = allActors(corpus.db);
  const names = new Map(rows.map((a) => [a.id, a.name]));
  const latestTitle = new Map<string, string>();
  for (const p of corpus.registries.actors.people) if (p.titles.length) latestTitle.set(p.id, p.titles.at(-1)!.title);
  for (const [id, title] of latestTitles(corpus.db)) if (!latestTitle.has(id)) latestTitle.set(id, title);
  return rows
    .map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      type: a.type,
      typeLabel: ACTOR_TYPE_LABEL[a.type] ?? a.type,
      title: latestTitle.get(a.id),
      country: a.country && a.country !== a.id ? { id: a.country, name: names.get(a.country) ?? a.country, href: actorHref(a.country) } : undefined,
      registered: a.registered,
      href: actorHref(a.id),
      articles: a.article_count,
      events: a.event_count,
    }))
    .sort((a, b) => b.articles - a.articles || Number(b.registered) - Number(a.registered) || a.name.localeCompare(b.name));
}
export type ActorSummary = ReturnType<typeof listActors>[number];

export function getActor(corpus: Corpus, id: string) {
  return memo(corpus, ["actor", id], () => getActorUncached(corpus, id));
}

function getActorUncached(corpus: Corpus, id: string) {
  const info = getActorRow(corpus.db, id);
  if (!info) return undefined;
  const { db } = corpus;
  const org = corpus.registries.actors.organizations.find((o) => o.id === id);
  const person = corpus.registries.actors.people.find((p) => p.id === id);
  const articles = articlesNaming(db, "actor", id, ENTITY_LIST_LIMIT);
  const articleDates = articleDatesNaming(db, "actor", id).map((date) => ({ date }));
  const reported = reportedTitles(db, id);
  const chemicals = coNamed(db, "actor", id, 30);
  const chemicalName = chemicalNames(corpus, chemicals.map((c) => c.id));
  const controlsRaw = corpus.registries.chemicals.chemicals.flatMap((c) => c.controls.filter((k) => k.jurisdiction === id).map((k) => ({ c, k })));
  const actorName = actorNames(corpus, [
    ...(person?.titles ?? []).flatMap((t) => (t.organization ? [t.organization] : [])),
    ...reported.flatMap((t) => (t.organization_id ? [t.organization_id] : [])),
    ...(info.country ? [info.country] : []),
    ...(org?.parent ? [org.parent] : []),
  ]);

  // Titles over time: the registry's, then each title as the articles give it, first to last seen.
  const titles = [
    ...(person?.titles ?? []).map((t) => ({
      title: t.title,
      organization: t.organization ? actorName(t.organization) : undefined,
      organizationHref: t.organization ? actorHref(t.organization) : undefined,
      period: t.from || t.to ? `${t.from ? formatPartialDate(t.from) : "?"} – ${t.to ? formatPartialDate(t.to) : "present"}` : "dates not recorded",
      sortKey: t.from ?? "",
      source: "registry" as const,
    })),
    ...reported.map((t) => ({
      title: t.title,
      organization: t.organization_id ? actorName(t.organization_id) : (t.organization ?? undefined),
      organizationHref: t.organization_id ? actorHref(t.organization_id) : undefined,
      period: t.first === t.last ? `reported ${formatShortDate(t.first)}` : `reported ${formatShortDate(t.first)} – ${formatShortDate(t.last)}`,
      sortKey: t.first,
      source: "articles" as const,
    })),
  ].sort((a, b) => a.sortKey.localeCompare(b.sortKey));

  const said = quotesBy(db, id, 20);
  const timeline = entriesNaming(corpus, { actor: [id] }, ENTITY_LIST_LIMIT);
  const quotes = said.rows.map((q) => ({ text: q.text, article: q.title, date: formatShortDate(q.date), href: articleHref(q.slug, q.sentence) }));

  // Controls this actor put in place, when it is a jurisdiction of the registry.
  const controls = controlsRaw
    .map(({ c, k }) => ({ chemical: c.name, chemicalHref: chemicalHref(c.id), instrument: k.instrument, date: k.effective ?? k.announced, dateLabel: formatPartialDate(k.effective ?? k.announced ?? "") || "—", source: k.source }))
    .sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));

  const country = info.country && info.country !== id ? { id: info.country, name: actorName(info.country), href: actorHref(info.country) } : undefined;
  return {
    id,
    name: info.name,
    kind: info.kind,
    typeLabel: ACTOR_TYPE_LABEL[info.type] ?? info.type,
    registered: info.registered,
    country,
    parent: org?.parent ? { id: org.parent, name: actorName(org.parent), href: actorHref(org.parent) } : undefined,
    aliases: org?.aliases ?? person?.aliases ?? [],
    source: person?.source,
    counts: { articles: articleDates.length, events: timeline.total, quotes: said.count },
    titles,
    quotes,
    controls,
    // Chemicals named in the same articles, by number of articles.
    chemicals: chemicals.map((c) => ({ id: c.id, name: chemicalName(c.id), href: chemicalHref(c.id), count: c.count, color: colorFor(c.id) })),
    mentionsChart: mentionsChart(corpus, { kind: "actor", id }, articleDates),
    articles: articles.map(articleItem),
    /** Timeline entries that name the actor, newest first. */
    entries: timeline.entries,
    timelineHref: hrefWith("/timeline", { ...DEFAULT_FILTERS, actor: [id] }),
    chartsHref: hrefWith("/charts", { ...DEFAULT_FILTERS, actor: [id] }),
    /** Every event that names the actor, as files. */
    exports: exportLinks(`actors/${encodeURIComponent(id)}`),
  };
}
export type ActorView = NonNullable<ReturnType<typeof getActor>>;
