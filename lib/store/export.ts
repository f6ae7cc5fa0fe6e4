/**
 * Records for export, one kind at a time, each row a plain object whose keys are the
 * columns below (lists are arrays; the CSV writer joins them). Events come from the same
 * filter as the timeline; the other kinds are those of the articles that have a matching
 * event (every article when there is no filter).
 */
import { happeningColumns, namedColumns } from "./columns";
import type { Db } from "./db";
import { iterateEvents, toEvent, whereOf, type EventFilter } from "./events";
import { selectFlags, type FlagFilter } from "./flags";
import { iterateTimelineEntries } from "./timeline";

export type ExportValue = string | number | null | readonly string[];
export type ExportRow = Record<string, ExportValue>;

export interface ExportKind {
  name: string;
  description: string;
  columns: readonly (readonly [column: string, meaning: string])[];
}

const provenance = [
  ["article", "slug of the source article (its file name without .md)"],
  ["sentence_index", "0-based index of the sentence in the article body"],
  ["offset_start", "character offset in the body where the record starts"],
  ["offset_end", "character offset where it ends (exclusive)"],
] as const;

export const EXPORT_KINDS = {
  timeline: {
    name: "timeline",
    description:
      "One row per timeline entry: each real-world event once, however many articles report it, newest first (as the timeline lists them). The provenance columns give its first source; source_articles lists them all.",
    columns: [
      ["entry_id", "entry id: date, type and the id of its first source event"],
      ["date", "ISO date, the most precise its sources give: YYYY, YYYY-MM or YYYY-MM-DD"],
      ["date_end", "end of a range"],
      ["precision", "day, month or year"],
      ["type", "control, tariff, sanction, seizure, arrest, prosecution, sentencing, agreement, meeting, statement, report or other"],
      ["status", "past, or scheduled when every source reports it ahead of its own date"],
      ["phase", "for measures: announced or effective"],
      ["tariff_layer", "for tariffs: fentanyl, reciprocal or other"],
      ["tariff_rate", "for tariffs: the new rate in percent"],
      ["tariff_target", "for tariffs: actor id of the country whose goods are taxed"],
      ["summary", "one line: the clearest source sentence"],
      ["actor_ids", "actor ids its sources name (organisations and countries)"],
      ["actor_names", "their names, in the same order"],
      ["official_ids", "ids of the people named"],
      ["official_names", "their names"],
      ["chemical_ids", "chemical ids"],
      ["chemical_names", "their names"],
      ["disputed_with", "ids of entries that give another date for what is otherwise the same event"],
      ["source_count", "how many sources (sentences) report it"],
      ["source_articles", "slugs of the articles that report it"],
      ["article_title", "title of the article of its first source"],
      ["article_date", "publication date of that article"],
      ["article_source", "publisher of that article"],
      ["sentence", "the sentence of its first source"],
      ...provenance,
    ],
  },
  events: {
    name: "events",
    description: "One row per dated event read from a sentence, newest first (as the timeline lists them).",
    columns: [
      ["id", "event id: article#sentence, then .2, .3 for further events of a sentence"],
      ["date", "ISO date, as precise as the text: YYYY, YYYY-MM or YYYY-MM-DD"],
      ["date_end", "end of a range, when the sentence gives one"],
      ["precision", "day, month or year"],
      ["type", "control, tariff, sanction, seizure, arrest, prosecution, sentencing, agreement, meeting, statement, report or other"],
      ["status", "past, or scheduled when the date lies after the article's date"],
      ["phase", "for measures: announced or effective"],
      ["tariff_layer", "for tariffs: fentanyl, reciprocal or other"],
      ["tariff_rate", "for tariffs: the new rate in percent"],
      ["tariff_target", "for tariffs: actor id of the country whose goods are taxed"],
      ["actor_ids", "actor ids (organisations and countries)"],
      ["actor_names", "their names, in the same order"],
      ["official_ids", "ids of the people named"],
      ["official_names", "their names"],
      ["chemical_ids", "chemical ids"],
      ["chemical_names", "their names"],
      ["article_title", "title of the source article"],
      ["article_date", "publication date of the source article"],
      ["article_source", "publisher of the source article"],
      ["sentence", "the sentence the event was read from"],
      ...provenance,
    ],
  },
  articles: {
    name: "articles",
    description: "One row per article, newest first (or best match first for a search).",
    columns: [
      ["slug", "article id: its file name without .md"],
      ["file", "path of the file in the articles folder"],
      ["title", "title"],
      ["date", "publication date (YYYY-MM-DD)"],
      ["source", "publisher"],
      ["url", "address of the original, when given"],
      ["tags", "tags from the frontmatter"],
      ["events", "number of events read from it"],
      ["chemicals", "number of distinct chemicals it names"],
      ["actors", "number of organisations and countries it names"],
      ["officials", "number of people it names"],
      ["statistics", "number of figures"],
      ["quotes", "number of quotes"],
    ],
  },
  chemical_mentions: {
    name: "chemical_mentions",
    description: "One row per chemical an article names.",
    columns: [
      ["chemical", "chemical id (registry id, or a slug of the name)"],
      ["name", "name"],
      ["cas", "CAS number, when known"],
      ["role", "opioid, precursor, pre-precursor, reagent or other-drug"],
      ["registered", "1 when the registry describes it"],
      ["mention_count", "how often the article names it"],
      ...provenance,
    ],
  },
  actor_mentions: {
    name: "actor_mentions",
    description: "One row per organisation or country an article names.",
    columns: [
      ["actor", "actor id"],
      ["name", "name"],
      ["type", "country, government-body, international-body, court, company or other"],
      ["registered", "1 when the registry describes it"],
      ["country", "actor id of its country"],
      ["mention_count", "how often the article names it"],
      ...provenance,
    ],
  },
  officials: {
    name: "officials",
    description: "One row per person an article names.",
    columns: [
      ["official", "person id"],
      ["name", "full name"],
      ["title", "title as the article gives it"],
      ["organization", "organisation as written"],
      ["organization_id", "actor id of the organisation"],
      ["country_id", "actor id of the person's country"],
      ["mention_count", "how often the article names the person"],
      ...provenance,
    ],
  },
  statistics: {
    name: "statistics",
    description: "One row per figure (quantity, money, percentage, count).",
    columns: [
      ["position", "index of the figure in its article (events refer to it)"],
      ["text", "the figure as written"],
      ["value", "its value"],
      ["unit", "%, t, kg, g, mg, lb, an ISO 4217 currency code, or count"],
      ["qualifier", "about, more than, less than, at least, at most, up to, exactly"],
      ["measure", "what is measured, in words"],
      ["actor", "actor id the figure belongs to, when known"],
      ["period_start", "start of the period it covers"],
      ["period_end", "end of the period it covers"],
      ...provenance,
    ],
  },
  quotes: {
    name: "quotes",
    description: "One row per quotation.",
    columns: [
      ["text", "the quoted words"],
      ["speaker", "speaker as written"],
      ["speaker_id", "official or actor id of the speaker"],
      ["speaker_kind", "official or actor"],
      ...provenance,
    ],
  },
  dates: {
    name: "dates",
    description: "One row per date expression in the text.",
    columns: [
      ["text", "the expression as written"],
      ["date_start", "its start, cut to its precision"],
      ["date_end", "end of a range"],
      ["precision", "day, month or year"],
      ["tense", "past, future or none: the reading that picked a missing year"],
      ...provenance,
    ],
  },
  flags: {
    name: "flags",
    description:
      "One row per flag: a warning about what an article says (a title out of its time, a control against the registry, a date disputed between sources, a past dated after the article). Flags never remove an article.",
    columns: [
      ["id", "flag id: article#sentence:kind, or entry:article#sentence for disputes"],
      ["kind", "out-of-its-time, against-the-registry, disputed or out-of-order"],
      ["severity", "warning (the article is likely wrong) or notice (sources disagree)"],
      ["text", "the flagged words"],
      ["message", "what is wrong and what the reference says"],
      ["reference", "URL of the registry source, when there is one"],
      ["actor_ids", "actor ids the flag concerns"],
      ["chemical_ids", "chemical ids the flag concerns"],
      ["entry", "timeline entry a dispute was read from"],
      ["article_title", "title of the article"],
      ["article_date", "publication date of the article"],
      ["sentence", "the sentence that holds the flagged words"],
      ...provenance,
    ],
  },
} as const satisfies Record<string, ExportKind>;

export type ExportKindName = keyof typeof EXPORT_KINDS;

const isEmpty = (f: EventFilter) => whereOf(f).sql === "1";

/** Names of every chemical and actor, for the *_names columns. */
function nameLookup(db: Db): (id: string) => string {
  const names = new Map<string, string>();
  for (const r of db.prepare("SELECT id, name FROM chemicals UNION ALL SELECT id, name FROM actors").all() as { id: string; name: string }[]) if (!names.has(r.id)) names.set(r.id, r.name);
  return (id) => names.get(id) ?? id;
}

/** Timeline entries matching the filter (as the timeline page filters them), newest first. */
export function* exportTimeline(db: Db, filter: EventFilter): Generator<ExportRow> {
  const name = nameLookup(db);
  const articleOf = db.prepare("SELECT title, date, source FROM articles WHERE slug = ?");
  for (const e of iterateTimelineEntries(db, filter)) {
    const first = e.sources[0];
    const article = articleOf.get(first.article) as { title: string; date: string; source: string } | undefined;
    yield {
      entry_id: e.id,
      ...happeningColumns(e),
      summary: e.summary,
      ...namedColumns(e, name),
      disputed_with: e.disputedWith,
      source_count: e.sources.length,
      source_articles: [...new Set(e.sources.map((s) => s.article))],
      article_title: article?.title ?? null,
      article_date: article?.date ?? null,
      article_source: article?.source ?? null,
      sentence: first.sentence,
      article: first.article,
      sentence_index: first.provenance.sentence,
      offset_start: first.provenance.start,
      offset_end: first.provenance.end,
    };
  }
}

/** Events matching the filter, newest first, with names. */
export function* exportEvents(db: Db, filter: EventFilter): Generator<ExportRow> {
  const name = nameLookup(db);
  for (const row of iterateEvents(db, filter)) {
    const e = toEvent(row);
    yield {
      id: e.id,
      ...happeningColumns(e),
      ...namedColumns(e, name),
      article_title: row.article_title,
      article_date: row.article_date,
      article_source: row.article_source,
      sentence: e.sentence,
      article: row.article,
      sentence_index: e.provenance.sentence,
      offset_start: e.provenance.start,
      offset_end: e.provenance.end,
    };
  }
}

const ARTICLE_COLUMNS = `a.slug, a.file, a.title, a.date, a.source, a.url, a.tags,
  (SELECT count(*) FROM events WHERE article = a.slug) AS events,
  (SELECT count(*) FROM chemical_mentions WHERE article = a.slug) AS chemicals,
  (SELECT count(*) FROM actor_mentions WHERE article = a.slug) AS actors,
  (SELECT count(*) FROM officials WHERE article = a.slug) AS officials,
  (SELECT count(*) FROM statistics WHERE article = a.slug) AS statistics,
  (SELECT count(*) FROM quotes WHERE article = a.slug) AS quotes`;

function articleRow(r: Record<string, string | number | null>): ExportRow {
  return { ...r, tags: JSON.parse(String(r.tags)) as string[] };
}

/** Articles with a matching event (every article with no filter), newest first. */
export function* exportArticles(db: Db, filter: EventFilter): Generator<ExportRow> {
  const where = whereOf(filter);
  if (where.searchError) return;
  const only = isEmpty(filter) ? "" : `WHERE a.slug IN (SELECT e.article FROM events e WHERE ${where.sql})`;
  for (const r of db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles a ${only} ORDER BY a.date DESC, a.slug`).iterate(where.params)) yield articleRow(r as Record<string, string | number | null>);
}

/** Articles whose title or body match an FTS5 query, best match first (the articles page). */
export function* exportArticleSearch(db: Db, match: string): Generator<ExportRow> {
  const sql = `SELECT ${ARTICLE_COLUMNS} FROM (SELECT rowid, bm25(articles_fts, 5.0, 1.0) AS score FROM articles_fts WHERE articles_fts MATCH ?) hits JOIN articles a ON a.rowid = hits.rowid ORDER BY hits.score, a.date DESC, a.slug`;
  for (const r of db.prepare(sql).iterate(match)) yield articleRow(r as Record<string, string | number | null>);
}

const RECORD_SQL: Record<Exclude<ExportKindName, "timeline" | "events" | "articles" | "flags">, string> = {
  chemical_mentions: "SELECT r.chemical, r.name, r.cas, r.role, r.registered, r.mention_count",
  actor_mentions: "SELECT r.actor, r.name, r.type, r.registered, r.country, r.mention_count",
  officials: "SELECT r.official, r.name, r.title, r.organization, r.organization_id, r.country_id, r.mention_count",
  statistics: "SELECT r.position, r.text, r.value, r.unit, r.qualifier, r.measure, r.actor, r.period_start, r.period_end",
  quotes: "SELECT r.text, r.speaker, r.speaker_id, r.speaker_kind",
  dates: "SELECT r.text, r.date_start, r.date_end, r.precision, r.tense",
};

/** Records of one kind from the articles with a matching event, articles newest first. */
export function* exportRecords(db: Db, kind: Exclude<ExportKindName, "timeline" | "events" | "articles" | "flags">, filter: EventFilter): Generator<ExportRow> {
  const where = whereOf(filter);
  if (where.searchError) return;
  const only = isEmpty(filter) ? "" : `WHERE r.article IN (SELECT e.article FROM events e WHERE ${where.sql})`;
  const sql = `${RECORD_SQL[kind]}, r.article, r.sentence AS sentence_index, r.offset_start, r.offset_end FROM ${kind} r JOIN articles a ON a.slug = r.article ${only} ORDER BY a.date DESC, a.slug, r.position`;
  yield* db.prepare(sql).iterate(where.params) as Generator<ExportRow>;
}

/**
 * Flags under the flags page's filters (kind, actor, chemical), and of the articles with
 * an event matching `events` (every article when it is empty), as `npm run export` takes them.
 */
export function* exportFlags(db: Db, filter: FlagFilter, events: EventFilter = {}): Generator<ExportRow> {
  const where = whereOf(events);
  if (where.searchError) return;
  const only = isEmpty(events) ? undefined : new Set(db.prepare(`SELECT DISTINCT e.article FROM events e WHERE ${where.sql}`).pluck().all(where.params) as string[]);
  for (const f of selectFlags(db, filter)) {
    if (only && !only.has(f.provenance.article)) continue;
    yield {
      id: f.id,
      kind: f.kind,
      severity: f.severity,
      text: f.text,
      message: f.message,
      reference: f.reference ?? null,
      actor_ids: f.actors,
      chemical_ids: f.chemicals,
      entry: f.entry ?? null,
      article_title: f.articleTitle,
      article_date: f.articleDate,
      sentence: f.sentence,
      article: f.provenance.article,
      sentence_index: f.provenance.sentence,
      offset_start: f.provenance.start,
      offset_end: f.provenance.end,
    };
  }
}
