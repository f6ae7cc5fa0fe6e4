/**
 * Reads of articles, records, entities and content issues. Each returns plain rows or
 * records typed from lib/schema.ts; lib/queries shapes them into view models.
 */
import type { Actor, Article, Chemical, ContentIssue, DateMention, Extraction, Official, Quote, Span, Statistic } from "../schema";
import { getMeta, setMeta, type Db } from "./db";
import { problem } from "../content/issues";
import { MARK_END, MARK_START } from "../text/marks";
import { selectEvents, toEvent, whereOf, type EventFilter } from "./events";
import { parseSearch } from "./search";

interface ArticleRow {
  slug: string;
  file: string;
  title: string;
  date: string;
  source: string;
  url: string | null;
  tags: string;
  body: string;
  body_line: number;
}

const toArticle = (r: ArticleRow): Article => ({
  slug: r.slug,
  file: r.file,
  title: r.title,
  date: r.date,
  source: r.source,
  ...(r.url !== null ? { url: r.url } : {}),
  tags: JSON.parse(r.tags) as string[],
  body: r.body,
  bodyLine: r.body_line,
});

export function getArticle(db: Db, slug: string): Article | undefined {
  const row = db.prepare("SELECT slug, file, title, date, source, url, tags, body, body_line FROM articles WHERE slug = ?").get(slug) as ArticleRow | undefined;
  return row && toArticle(row);
}

export interface ArticleListRow {
  slug: string;
  title: string;
  date: string;
  source: string;
  tags: string[];
  counts: { chemicals: number; officials: number; actors: number; dates: number; statistics: number; quotes: number; events: number };
}

const ARTICLE_LIST = `SELECT a.slug, a.title, a.date, a.source, a.tags, a.date_count AS dates,
  (SELECT count(*) FROM chemical_mentions WHERE article = a.slug) AS chemicals,
  (SELECT count(*) FROM officials WHERE article = a.slug) AS officials,
  (SELECT count(*) FROM actor_mentions WHERE article = a.slug) AS actors,
  (SELECT count(*) FROM statistics WHERE article = a.slug) AS statistics,
  (SELECT count(*) FROM quotes WHERE article = a.slug) AS quotes,
  (SELECT count(*) FROM events WHERE article = a.slug) AS events
FROM articles a`;

type ListRow = Omit<ArticleListRow, "tags" | "counts"> & { tags: string } & ArticleListRow["counts"];
const toListRow = (r: ListRow): ArticleListRow => ({
  slug: r.slug,
  title: r.title,
  date: r.date,
  source: r.source,
  tags: JSON.parse(r.tags) as string[],
  counts: { chemicals: r.chemicals, officials: r.officials, actors: r.actors, dates: r.dates, statistics: r.statistics, quotes: r.quotes, events: r.events },
});

/** Articles newest first (within a day by slug), optionally only those of `slugs`. */
export function listArticleRows(db: Db, page: { limit: number; offset: number } = { limit: -1, offset: 0 }): ArticleListRow[] {
  return (db.prepare(`${ARTICLE_LIST} ORDER BY a.date DESC, a.slug LIMIT ? OFFSET ?`).all(page.limit, page.offset) as ListRow[]).map(toListRow);
}

export function articleRow(db: Db, slug: string): ArticleListRow | undefined {
  const row = db.prepare(`${ARTICLE_LIST} WHERE a.slug = ?`).get(slug) as ListRow | undefined;
  return row && toListRow(row);
}

/** Title, date and source of each given article (slugs not known are left out), in one query. */
export function articleHeads(db: Db, slugs: Iterable<string>): Map<string, { title: string; date: string; source: string }> {
  const list = [...new Set(slugs)];
  if (list.length === 0) return new Map();
  const rows = db.prepare("SELECT slug, title, date, source FROM articles WHERE slug IN (SELECT value FROM json_each(?))").all(JSON.stringify(list)) as { slug: string; title: string; date: string; source: string }[];
  return new Map(rows.map((r) => [r.slug, { title: r.title, date: r.date, source: r.source }]));
}

export function countArticles(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
}

export function articleDateRange(db: Db): { first?: string; last?: string } {
  const r = db.prepare("SELECT min(date) AS first, max(date) AS last FROM articles").get() as { first: string | null; last: string | null };
  return { first: r.first ?? undefined, last: r.last ?? undefined };
}

/** The corpus's totals, as the overview shows them. */
export interface CorpusTotals {
  articles: number;
  timelineEntries: number;
  flags: number;
  firstDate?: string;
  lastDate?: string;
}

/** Counts the totals from the tables (each count reads a whole index). */
export function countTotals(db: Db): CorpusTotals {
  const range = articleDateRange(db);
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { articles: count("articles"), timelineEntries: count("timeline_entries"), flags: count("flags"), firstDate: range.first, lastDate: range.last };
}

/**
 * Records the totals with the generation they were counted at, when an ingest has derived
 * everything else: on a cold file cache the counts took 0.3 s of a server's first page at
 * 100,000 articles, reading the whole of three indexes from disk.
 */
export function recordTotals(db: Db): void {
  setMeta(db, "totals", JSON.stringify({ generation: getMeta(db, "generation") ?? "0", totals: countTotals(db) }));
}

/** The totals recorded for the current generation of the database, else counted now. */
export function corpusTotals(db: Db): CorpusTotals {
  const generation = getMeta(db, "generation") ?? "0";
  const recorded = getMeta(db, "totals");
  if (recorded) {
    const parsed = JSON.parse(recorded) as { generation: string; totals: CorpusTotals };
    if (parsed.generation === generation) return parsed.totals;
  }
  return countTotals(db);
}

/** Articles per month and main jurisdiction and chemical, with the first and last date of each group. */
export interface ArticleVolumeRow {
  month: string;
  jurisdiction: string | null;
  chemical: string | null;
  articles: number;
  first: string;
  last: string;
}

/**
 * How many articles each month, by the jurisdiction and the chemical each names most
 * (the news volume chart), counted by SQL from the articles_facts index: reading every
 * article's row into JavaScript took 280 ms at 100,000 articles. Unfiltered, from the
 * groups derived at ingest. With a filter, only articles with at least one matching
 * event count.
 */
export function articleVolume(db: Db, filter: EventFilter = {}): ArticleVolumeRow[] {
  const events = whereOf(filter);
  if (events.searchError) return [];
  // Unfiltered, the groups are those the last ingest derived (the article_volume table).
  if (events.sql === "1") return db.prepare("SELECT month, jurisdiction, chemical, articles, first, last FROM article_volume").all() as ArticleVolumeRow[];
  return db
    .prepare(
      `SELECT substr(a.date, 1, 7) AS month, a.main_jurisdiction AS jurisdiction, a.main_chemical AS chemical, count(*) AS articles, min(a.date) AS first, max(a.date) AS last
       FROM articles a WHERE a.slug IN (SELECT e.article FROM events e WHERE ${events.sql}) GROUP BY 1, 2, 3`,
    )
    .all(events.params) as ArticleVolumeRow[];
}

const prov = (article: string, r: { sentence: number; offset_start: number; offset_end: number }) => ({ article, sentence: r.sentence, start: r.offset_start, end: r.offset_end });
const opt = <K extends string, V>(key: K, value: V | null): { [P in K]?: V } => (value === null ? {} : ({ [key]: value } as { [P in K]?: V }));

/** An article's full extraction, every span included, as it was written. */
export function readExtraction(db: Db, slug: string): Extraction {
  type Row = Record<string, unknown> & { sentence: number; offset_start: number; offset_end: number };
  const all = (table: string) => db.prepare(`SELECT * FROM ${table} WHERE article = ? ORDER BY position`).all(slug) as Row[];
  const chemicals: Chemical[] = all("chemical_mentions").map((r) => ({
    id: r.chemical as string,
    name: r.name as string,
    ...opt("cas", r.cas as string | null),
    ...opt("role", r.role as Chemical["role"] | null),
    registered: r.registered === 1,
    mentions: JSON.parse(r.mentions as string) as Span[],
    provenance: prov(slug, r),
  }));
  const actors: Actor[] = all("actor_mentions").map((r) => ({
    id: r.actor as string,
    name: r.name as string,
    type: r.type as Actor["type"],
    registered: r.registered === 1,
    ...opt("country", r.country as string | null),
    mentions: JSON.parse(r.mentions as string) as Span[],
    provenance: prov(slug, r),
  }));
  const officials: Official[] = all("officials").map((r) => ({
    id: r.official as string,
    name: r.name as string,
    ...opt("title", r.title as string | null),
    ...opt("organization", r.organization as string | null),
    ...opt("organizationId", r.organization_id as string | null),
    ...opt("country", r.country as string | null),
    ...opt("countryId", r.country_id as string | null),
    registered: r.registered === 1,
    mentions: JSON.parse(r.mentions as string) as Span[],
    provenance: prov(slug, r),
  }));
  const dates: DateMention[] = all("dates").map((r) => ({
    text: r.text as string,
    start: r.date_start as string,
    ...opt("end", r.date_end as string | null),
    precision: r.precision as DateMention["precision"],
    ...opt("tense", r.tense as DateMention["tense"] | null),
    provenance: prov(slug, r),
  }));
  const statistics: Statistic[] = all("statistics").map((r) => toStatistic(slug, r));
  const quotes: Quote[] = all("quotes").map((r) => ({
    text: r.text as string,
    ...opt("speaker", r.speaker as string | null),
    ...opt("speakerId", r.speaker_id as string | null),
    ...opt("speakerKind", r.speaker_kind as Quote["speakerKind"] | null),
    provenance: prov(slug, r),
  }));
  const events = selectEvents(db, { article: slug })
    .sort((a, b) => a.position - b.position)
    .map(toEvent);
  return { chemicals, dates, officials, actors, statistics, quotes, events };
}

export function toStatistic(slug: string, r: Record<string, unknown> & { sentence: number; offset_start: number; offset_end: number }): Statistic {
  const period = r.period_start === null ? {} : { period: { start: r.period_start as string, ...opt("end", r.period_end as string | null) } };
  return {
    text: r.text as string,
    value: r.value as number,
    unit: r.unit as string,
    ...opt("qualifier", r.qualifier as Statistic["qualifier"] | null),
    ...opt("measure", r.measure as string | null),
    ...opt("actorId", r.actor as string | null),
    ...period,
    provenance: prov(slug, r),
  };
}

/** Problems of the article files: those found when each was read, and duplicate names. */
export function fileIssues(db: Db): ContentIssue[] {
  const stored = db.prepare("SELECT kind, file, line, field, message, severity FROM content_issues ORDER BY file, position").all() as ContentIssue[];
  const duplicates = db
    // Only slugs that two files give are looked at (files_slug answers which): joining every
    // file with its article took 250 ms at 100,000 files on each server start.
    .prepare(
      `SELECT f.path AS file, f.slug AS slug, a.file AS earlier FROM files f JOIN articles a ON a.slug = f.slug
       WHERE f.slug IN (SELECT slug FROM files WHERE slug IS NOT NULL GROUP BY slug HAVING count(*) > 1) AND f.path <> a.file ORDER BY f.sort_key`,
    )
    .all() as { file: string; slug: string; earlier: string }[];
  return [
    ...stored,
    ...duplicates.map((d) => problem("duplicate-slug", { file: d.file, line: 1, field: "(file)" }, d.slug, d.earlier)),
  ];
}

export interface EntityRow {
  id: string;
  name: string;
  registered: boolean;
  article_count: number;
  event_count: number;
}
export interface ChemicalRow extends EntityRow {
  cas?: string;
  role?: Chemical["role"];
}
export interface ActorRow extends EntityRow {
  kind: "person" | "organization";
  type: Actor["type"] | "person";
  country?: string;
  jurisdiction: boolean;
}

type RawEntity = Record<string, string | number | null>;
const toChemical = (r: RawEntity): ChemicalRow => ({
  id: r.id as string,
  name: r.name as string,
  ...opt("cas", r.cas as string | null),
  ...opt("role", r.role as Chemical["role"] | null),
  registered: r.registered === 1,
  article_count: r.article_count as number,
  event_count: r.event_count as number,
});
const toActor = (r: RawEntity): ActorRow => ({
  id: r.id as string,
  name: r.name as string,
  kind: r.kind as ActorRow["kind"],
  type: r.type as ActorRow["type"],
  ...opt("country", r.country as string | null),
  registered: r.registered === 1,
  jurisdiction: r.jurisdiction === 1,
  article_count: r.article_count as number,
  event_count: r.event_count as number,
});

export function allChemicals(db: Db): ChemicalRow[] {
  return (db.prepare("SELECT * FROM chemicals").all() as RawEntity[]).map(toChemical);
}
export function allActors(db: Db): ActorRow[] {
  return (db.prepare("SELECT * FROM actors").all() as RawEntity[]).map(toActor);
}
export function getChemicalRow(db: Db, id: string): ChemicalRow | undefined {
  const r = db.prepare("SELECT * FROM chemicals WHERE id = ?").get(id) as RawEntity | undefined;
  return r && toChemical(r);
}
export function getActorRow(db: Db, id: string): ActorRow | undefined {
  const r = db.prepare("SELECT * FROM actors WHERE id = ?").get(id) as RawEntity | undefined;
  return r && toActor(r);
}

/** Names of the given actor and chemical ids (ids not known are left out). */
export function namesOf(db: Db, kind: "actors" | "chemicals", ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = db.prepare(`SELECT id, name FROM ${kind === "actors" ? "actors" : "chemicals"} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...new Set(ids)])) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function entityIds(db: Db, kind: "actors" | "chemicals"): Set<string> {
  return new Set((db.prepare(`SELECT id FROM ${kind === "actors" ? "actors" : "chemicals"}`).pluck().all() as string[]));
}

/** Mention rows of an entity in article `a.slug` (actors: as organisation or as person). */
const MENTIONS_IN = {
  chemical: "SELECT mention_count AS n FROM chemical_mentions WHERE chemical = @id AND article = a.slug",
  actor: "SELECT mention_count AS n FROM actor_mentions WHERE actor = @id AND article = a.slug UNION ALL SELECT mention_count FROM officials WHERE official = @id AND article = a.slug",
};

/**
 * Articles naming an entity, newest first, with how often; `limit` -1 for all. Articles
 * are walked newest first and each checked for a mention, so the first few of a common
 * entity are found without gathering every article that names it.
 */
export function articlesNaming(db: Db, kind: "chemical" | "actor", id: string, limit = -1): { slug: string; title: string; date: string; source: string; mentions: number }[] {
  return db
    .prepare(
      `SELECT a.slug, a.title, a.date, a.source, (SELECT sum(n) FROM (${MENTIONS_IN[kind]})) AS mentions FROM articles a INDEXED BY articles_facts
       WHERE EXISTS (${MENTIONS_IN[kind]}) ORDER BY a.date DESC, a.slug LIMIT @limit`,
    )
    .all({ id, limit }) as ReturnType<typeof articlesNaming>;
}

/** The publication dates of the articles naming an entity (in no order): charts of mentions per period. */
export function articleDatesNaming(db: Db, kind: "chemical" | "actor", id: string): string[] {
  const articles = kind === "chemical" ? "SELECT article FROM chemical_mentions WHERE chemical = @id" : "SELECT article FROM actor_mentions WHERE actor = @id UNION SELECT article FROM officials WHERE official = @id";
  return db.prepare(`SELECT a.date FROM articles a INDEXED BY articles_slug_date WHERE a.slug IN (${articles})`).pluck().all({ id }) as string[];
}

/**
 * Entities of the other kind (actors for a chemical, chemicals for an actor) named in the
 * articles that name `id`, by number of such articles: kept in `co_named` when written.
 */
export function coNamed(db: Db, kind: "chemical" | "actor", id: string, limit: number): { id: string; count: number }[] {
  const [own, other] = kind === "chemical" ? ["chemical", "actor"] : ["actor", "chemical"];
  return db.prepare(`SELECT ${other} AS id, articles AS count FROM co_named WHERE ${own} = @id ORDER BY articles DESC, ${other} LIMIT @limit`).all({ id, limit }) as { id: string; count: number }[];
}

/** Quotes of the articles naming a chemical: said in a sentence naming it (direct) or not. */
export function quotesNear(db: Db, chemical: string, direct: boolean, limit: number) {
  return db
    .prepare(
      // Articles newest first as the outer loop (CROSS JOIN keeps that order), so the
      // first ten quotes end the scan.
      `SELECT q.text, q.speaker, q.speaker_id, q.sentence, a.slug, a.title, a.date FROM articles a CROSS JOIN chemical_mentions m ON m.article = a.slug AND m.chemical = @id CROSS JOIN quotes q ON q.article = a.slug
       WHERE ${direct ? "" : "NOT "}EXISTS (SELECT 1 FROM json_each(m.mentions) j WHERE json_extract(j.value, '$.sentence') = q.sentence)
       ORDER BY a.date DESC, a.slug, q.position LIMIT @limit`,
    )
    .all({ id: chemical, limit }) as { text: string; speaker: string | null; speaker_id: string | null; sentence: number; slug: string; title: string; date: string }[];
}

export function quotesBy(db: Db, speaker: string, limit: number) {
  const rows = db
    .prepare("SELECT q.text, q.sentence, a.slug, a.title, a.date FROM quotes q JOIN articles a ON a.slug = q.article WHERE q.speaker_id = @id ORDER BY a.date DESC, a.slug, q.position LIMIT @limit")
    .all({ id: speaker, limit }) as { text: string; sentence: number; slug: string; title: string; date: string }[];
  const count = (db.prepare("SELECT count(*) AS n FROM quotes WHERE speaker_id = ?").get(speaker) as { n: number }).n;
  return { rows, count };
}

/** Titles a person holds in the articles, with first and last article date and how many articles. */
export function reportedTitles(db: Db, official: string) {
  return db
    .prepare(
      `SELECT o.title, o.organization, o.organization_id, min(a.date) AS first, max(a.date) AS last, count(DISTINCT a.slug) AS articles, min(a.date || a.slug) AS k
       FROM officials o JOIN articles a ON a.slug = o.article WHERE o.official = ? AND o.title IS NOT NULL
       GROUP BY o.title, coalesce(o.organization_id, o.organization, '') ORDER BY k`,
    )
    .all(official) as { title: string; organization: string | null; organization_id: string | null; first: string; last: string; articles: number }[];
}

/** The latest title the articles give each person (articles newest first). */
export function latestTitles(db: Db): Map<string, string> {
  const rows = db
    .prepare("SELECT o.official, o.title FROM officials o JOIN articles a ON a.slug = o.article WHERE o.title IS NOT NULL ORDER BY a.date DESC, a.slug, o.position")
    .all() as { official: string; title: string }[];
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.official)) out.set(r.official, r.title);
  return out;
}

/** Figures of the events naming a chemical, newest first. */
export function figuresOfChemical(db: Db, chemical: string, limit: number) {
  return db
    .prepare(
      // Each event with figures has at least one: the newest `limit` such events are enough.
      `SELECT s.text, s.measure, e.article, e.sentence, e.date, e.precision, a.title
       FROM (SELECT e.rowid AS rid FROM events e WHERE e.statistics <> '[]' AND e.id IN (SELECT event FROM event_chemicals WHERE chemical = @id) ORDER BY e.date DESC, e.article, e.sentence, e.position LIMIT @limit) p
       CROSS JOIN events e ON e.rowid = p.rid JOIN json_each(e.statistics) j JOIN statistics s ON s.article = e.article AND s.position = j.value JOIN articles a ON a.slug = e.article
       ORDER BY e.date DESC, e.article, e.sentence, e.position, j.key LIMIT @limit`,
    )
    .all({ id: chemical, limit }) as { text: string; measure: string | null; article: string; sentence: number; date: string; precision: "day" | "month" | "year"; title: string }[];
}

export function entityCounts(db: Db): { actors: number; people: number; chemicals: number } {
  const a = db.prepare("SELECT count(*) AS actors, coalesce(sum(kind = 'person'), 0) AS people FROM actors").get() as { people: number; actors: number };
  const chemicals = (db.prepare("SELECT count(*) AS n FROM chemicals").get() as { n: number }).n;
  return { ...a, chemicals };
}

/**
 * Articles whose title or body match `q`, best first (bm25, a title match weighing five
 * times a body match), each with a snippet of the body, matched words marked.
 */
export function searchArticles(db: Db, q: string, page: { limit: number; offset: number } = { limit: -1, offset: 0 }): { total: number; rows: (ArticleListRow & { snippet: string })[]; error?: string } {
  const search = parseSearch(q);
  if (!search.ok) return { total: 0, rows: [], error: search.message };
  const total = (db.prepare("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?").get(search.match) as { n: number }).n;
  const rows = db
    .prepare(
      `WITH hits AS (SELECT rowid, bm25(articles_fts, 5.0, 1.0) AS score, snippet(articles_fts, 1, @start, @end, '…', 24) AS snippet FROM articles_fts WHERE articles_fts MATCH @match)
       ${ARTICLE_LIST.replace("FROM articles a", ", hits.snippet FROM hits JOIN articles a ON a.rowid = hits.rowid")} ORDER BY hits.score, a.date DESC, a.slug LIMIT @limit OFFSET @offset`,
    )
    .all({ match: search.match, start: MARK_START, end: MARK_END, limit: page.limit, offset: page.offset }) as (ListRow & { snippet: string })[];
  return { total, rows: rows.map((r) => ({ ...toListRow(r), snippet: r.snippet })) };
}

/**
 * The enforcement chart's figures: the largest value per year (of the figure's own period,
 * else its sentence's event, else its article) and measure, with the spread of all values
 * and the articles they come from. A figure in a dated sentence counts when its event
 * matches the filter, one in an undated sentence when any event of its article does.
 */
export function enforcementByYear(db: Db, filter?: EventFilter) {
  const where = filter ? whereOf(filter) : undefined;
  const empty = { rows: [] as { year: string; measure: "seizures" | "arrests" | "prosecutions" | "deaths"; value: number }[], low: Infinity, high: 0, articles: 0, firstArticle: undefined as string | undefined, lastArticle: undefined as string | undefined };
  if (where?.searchError) return empty;
  const clauses = [
    "s.enforcement_measure IS NOT NULL AND s.enforcement_value > 0",
    ...(where ? [`((s.event IS NOT NULL AND s.event IN (SELECT e.id FROM events e WHERE ${where.sql})) OR (s.event IS NULL AND s.article IN (SELECT e.article FROM events e WHERE ${where.sql})))`] : []),
  ].join(" AND ");
  // The article's date from the (slug, date) index: the rows themselves hold whole bodies.
  const from = `FROM statistics s JOIN articles a INDEXED BY articles_slug_date ON a.slug = s.article WHERE ${clauses}`;
  const params = where?.params ?? {};
  const rows = db.prepare(`SELECT substr(s.figure_date, 1, 4) AS year, s.enforcement_measure AS measure, max(s.enforcement_value) AS value FROM statistics s WHERE ${clauses} GROUP BY 1, 2 ORDER BY 1, 2`).all(params) as typeof empty.rows;
  const totals = db.prepare(`SELECT min(s.enforcement_value) AS low, max(s.enforcement_value) AS high, count(DISTINCT s.article) AS articles, min(a.date) AS first, max(a.date) AS last ${from}`).get(params) as { low: number | null; high: number | null; articles: number; first: string | null; last: string | null };
  if (rows.length === 0) return empty;
  return { rows, low: totals.low ?? Infinity, high: totals.high ?? 0, articles: totals.articles, firstArticle: totals.first ?? undefined, lastArticle: totals.last ?? undefined };
}
