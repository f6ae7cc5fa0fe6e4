/**
 * Queries: the only way pages read the corpus. Each returns a plain, serialisable view
 * model; reshaping records into what a page shows happens here, not in components.
 */
import type { Corpus, CorpusArticle } from "./corpus";
import { formatPartialDate } from "./format";
import type { ContentIssue, Event, EventType, Extraction, Precision } from "./schema";

export interface Ref {
  id: string;
  name: string;
}

export interface EventView {
  id: string;
  date: string;
  end?: string;
  precision: Precision;
  dateLabel: string;
  type: EventType;
  sentence: string;
  sentenceIndex: number;
  article: { slug: string; title: string; date: string };
  actors: Ref[];
  officials: Ref[];
  chemicals: Ref[];
  figures: string[];
}

export interface ArticleSummary {
  slug: string;
  title: string;
  date: string;
  source: string;
  tags: string[];
  counts: { chemicals: number; officials: number; dates: number; statistics: number; events: number };
}

function nameMaps(extraction: Extraction) {
  return {
    actors: new Map(extraction.actors.map((a) => [a.id, a.name])),
    officials: new Map(extraction.officials.map((o) => [o.id, o.name])),
    chemicals: new Map(extraction.chemicals.map((c) => [c.id, c.name])),
  };
}

export function toEventView(entry: CorpusArticle, event: Event): EventView {
  const names = nameMaps(entry.extraction);
  const ref = (map: Map<string, string>) => (id: string) => ({ id, name: map.get(id) ?? id });
  return {
    id: event.id,
    date: event.date,
    end: event.end,
    precision: event.precision,
    dateLabel: formatPartialDate(event.date, event.precision),
    type: event.type,
    sentence: event.sentence,
    sentenceIndex: event.provenance.sentence,
    article: { slug: entry.article.slug, title: entry.article.title, date: entry.article.date },
    actors: event.actors.map(ref(names.actors)),
    officials: event.officials.map(ref(names.officials)),
    chemicals: event.chemicals.map(ref(names.chemicals)),
    figures: event.statistics.map((i) => entry.extraction.statistics[i]?.text).filter((t): t is string => Boolean(t)),
  };
}

/** Every event of the corpus, newest first. */
export function allEvents(corpus: Corpus): EventView[] {
  const events: EventView[] = [];
  for (const entry of corpus.articles) for (const event of entry.extraction.events) events.push(toEventView(entry, event));
  return events.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id.localeCompare(b.id)));
}

export function summarizeArticle(entry: CorpusArticle): ArticleSummary {
  const { article, extraction } = entry;
  return {
    slug: article.slug,
    title: article.title,
    date: article.date,
    source: article.source,
    tags: article.tags,
    counts: {
      chemicals: extraction.chemicals.length,
      officials: extraction.officials.length,
      dates: extraction.dates.length,
      statistics: extraction.statistics.length,
      events: extraction.events.length,
    },
  };
}

export function listArticles(corpus: Corpus): ArticleSummary[] {
  return corpus.articles.map(summarizeArticle);
}

export interface OverviewView {
  counts: { articles: number; events: number; chemicals: number; actors: number; officials: number; issues: number };
  dateRange?: { first: string; last: string };
  latestEvents: EventView[];
}

export function getOverview(corpus: Corpus, latest = 8): OverviewView {
  const chemicals = new Set<string>();
  const actors = new Set<string>();
  const officials = new Set<string>();
  let events = 0;
  for (const { extraction } of corpus.articles) {
    extraction.chemicals.forEach((c) => chemicals.add(c.id));
    extraction.actors.forEach((a) => actors.add(a.id));
    extraction.officials.forEach((o) => officials.add(o.id));
    events += extraction.events.length;
  }
  const dates = corpus.articles.map((a) => a.article.date).sort();
  return {
    counts: {
      articles: corpus.articles.length,
      events,
      chemicals: chemicals.size,
      actors: actors.size,
      officials: officials.size,
      issues: corpus.issues.length,
    },
    dateRange: dates.length ? { first: dates[0], last: dates[dates.length - 1] } : undefined,
    latestEvents: allEvents(corpus).slice(0, latest),
  };
}

export function listIssues(corpus: Corpus): { errors: number; warnings: number; issues: ContentIssue[] } {
  const issues = [...corpus.issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const errors = issues.filter((i) => i.severity === "error").length;
  return { errors, warnings: issues.length - errors, issues };
}

/** Kinds of highlight on the article page. */
export type HighlightKind = "chemical" | "date" | "official" | "actor" | "statistic" | "quote";

export interface Highlight {
  kind: HighlightKind;
  start: number;
  end: number;
  label: string;
  /** Link target for the record's own page, when it has one. */
  href?: string;
}

export interface ArticleView {
  summary: ArticleSummary;
  url?: string;
  body: string;
  highlights: Highlight[];
  sentences: { index: number; start: number; end: number }[];
}

/** Non-overlapping highlights, earliest and longest first, so the text can be wrapped once. */
export function articleHighlights(extraction: Extraction): Highlight[] {
  const all: Highlight[] = [];
  for (const c of extraction.chemicals)
    for (const m of c.mentions)
      all.push({ kind: "chemical", start: m.start, end: m.end, label: c.name, href: c.registered ? `/chemicals/${encodeURIComponent(c.id)}` : undefined });
  for (const o of extraction.officials)
    for (const m of o.mentions) all.push({ kind: "official", start: m.start, end: m.end, label: o.title ? `${o.name}, ${o.title}` : o.name, href: `/actors/${encodeURIComponent(o.id)}` });
  for (const a of extraction.actors)
    for (const m of a.mentions) all.push({ kind: "actor", start: m.start, end: m.end, label: a.name, href: `/actors/${encodeURIComponent(a.id)}` });
  for (const d of extraction.dates) all.push({ kind: "date", start: d.provenance.start, end: d.provenance.end, label: d.end ? `${d.start} to ${d.end}` : d.start });
  for (const s of extraction.statistics)
    all.push({ kind: "statistic", start: s.provenance.start, end: s.provenance.end, label: `${s.value} ${s.unit}${s.measure ? ` (${s.measure})` : ""}` });
  all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Highlight[] = [];
  let reach = -1;
  for (const h of all) {
    if (h.start >= reach && h.end > h.start) {
      kept.push(h);
      reach = h.end;
    }
  }
  return kept;
}

export function getArticleView(corpus: Corpus, slug: string): ArticleView | undefined {
  const entry = corpus.bySlug.get(slug);
  if (!entry) return undefined;
  const sentences = new Map<number, { index: number; start: number; end: number }>();
  for (const e of entry.extraction.events) sentences.set(e.provenance.sentence, { index: e.provenance.sentence, start: e.provenance.start, end: e.provenance.end });
  return {
    summary: summarizeArticle(entry),
    url: entry.article.url,
    body: entry.article.body,
    highlights: articleHighlights(entry.extraction),
    sentences: [...sentences.values()],
  };
}

export interface ChemicalSummary {
  id: string;
  name: string;
  cas?: string;
  role?: string;
  registered: boolean;
  articles: number;
  controls: number;
}

/** Registry chemicals plus unregistered ones found in text, by number of articles. */
export function listChemicals(corpus: Corpus): ChemicalSummary[] {
  const byId = new Map<string, ChemicalSummary>();
  for (const c of corpus.registries.chemicals.chemicals) {
    byId.set(c.id, { id: c.id, name: c.name, cas: c.cas, role: c.role, registered: true, articles: 0, controls: c.controls.length });
  }
  for (const { extraction } of corpus.articles) {
    for (const c of extraction.chemicals) {
      const entry = byId.get(c.id) ?? { id: c.id, name: c.name, cas: c.cas, role: c.role, registered: c.registered, articles: 0, controls: 0 };
      entry.articles++;
      byId.set(c.id, entry);
    }
  }
  return [...byId.values()].sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
}

export interface ChemicalView {
  summary: ChemicalSummary;
  aliases: string[];
  controls: { jurisdiction: string; jurisdictionName: string; instrument: string; announced?: string; effective?: string; source: string }[];
  events: EventView[];
}

export function getChemical(corpus: Corpus, id: string): ChemicalView | undefined {
  const summary = listChemicals(corpus).find((c) => c.id === id);
  if (!summary) return undefined;
  const entry = corpus.registries.chemicals.chemicals.find((c) => c.id === id);
  const orgNames = new Map(corpus.registries.actors.organizations.map((o) => [o.id, o.name]));
  const events = allEvents(corpus).filter((e) => e.chemicals.some((c) => c.id === id));
  return {
    summary,
    aliases: entry ? [...entry.aliases, ...entry.abbreviations, ...entry.systematic_names] : [],
    controls: (entry?.controls ?? []).map((c) => ({ ...c, jurisdictionName: orgNames.get(c.jurisdiction) ?? c.jurisdiction })),
    events,
  };
}

export interface ActorSummary {
  id: string;
  name: string;
  kind: "person" | "organization";
  type: string;
  registered: boolean;
  articles: number;
  title?: string;
}

export function listActors(corpus: Corpus): ActorSummary[] {
  const byId = new Map<string, ActorSummary>();
  for (const o of corpus.registries.actors.organizations)
    byId.set(o.id, { id: o.id, name: o.name, kind: "organization", type: o.type, registered: true, articles: 0 });
  for (const p of corpus.registries.actors.people)
    byId.set(p.id, { id: p.id, name: p.name, kind: "person", type: "person", registered: true, articles: 0, title: p.titles.at(-1)?.title });
  for (const { extraction } of corpus.articles) {
    for (const a of extraction.actors) {
      const entry = byId.get(a.id) ?? { id: a.id, name: a.name, kind: "organization" as const, type: a.type, registered: a.registered, articles: 0 };
      entry.articles++;
      byId.set(a.id, entry);
    }
    for (const o of extraction.officials) {
      const entry = byId.get(o.id) ?? { id: o.id, name: o.name, kind: "person" as const, type: "person", registered: o.registered, articles: 0, title: o.title };
      entry.articles++;
      byId.set(o.id, entry);
    }
  }
  return [...byId.values()].sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
}

export interface ActorView {
  summary: ActorSummary;
  aliases: string[];
  titles: { title: string; organization?: string; from?: string; to?: string }[];
  quotes: { text: string; article: { slug: string; title: string }; sentenceIndex: number }[];
  events: EventView[];
}

export function getActor(corpus: Corpus, id: string): ActorView | undefined {
  const summary = listActors(corpus).find((a) => a.id === id);
  if (!summary) return undefined;
  const org = corpus.registries.actors.organizations.find((o) => o.id === id);
  const person = corpus.registries.actors.people.find((p) => p.id === id);
  const orgNames = new Map(corpus.registries.actors.organizations.map((o) => [o.id, o.name]));
  const quotes: ActorView["quotes"] = [];
  for (const { article, extraction } of corpus.articles)
    for (const q of extraction.quotes)
      if (q.speakerId === id) quotes.push({ text: q.text, article: { slug: article.slug, title: article.title }, sentenceIndex: q.provenance.sentence });
  return {
    summary,
    aliases: org?.aliases ?? person?.aliases ?? [],
    titles: (person?.titles ?? []).map((t) => ({ ...t, organization: t.organization ? orgNames.get(t.organization) ?? t.organization : undefined })),
    quotes,
    events: allEvents(corpus).filter((e) => e.actors.some((a) => a.id === id) || e.officials.some((o) => o.id === id)),
  };
}
