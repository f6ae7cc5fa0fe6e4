/**
 * Writing to the database: one article's rows (replaced whole, inside the caller's
 * transaction), and what is derived from all of them (the chemical and actor tables with
 * their counts, and the articles per month). Statements are prepared once per connection.
 */
import { classifyFigure, isTariffRate } from "../charts/figures";
import type { Registries } from "../extract/context";
import type { Article, ContentIssue, Event, Extraction } from "../schema";
import { happeningColumns } from "./columns";
import type { Db } from "./db";
import { ARTICLE_VOLUME_SELECT } from "./migrations";
import { firstDay, lastDay } from "../dates";

type Statements = ReturnType<typeof prepare>;
const prepared = new WeakMap<Db, Statements>();

function prepare(db: Db) {
  return {
    upsertFile: db.prepare("INSERT INTO files (path, sort_key, mtime_ms, size, hash, slug) VALUES (@path, @sort_key, @mtime_ms, @size, @hash, @slug) ON CONFLICT (path) DO UPDATE SET sort_key = excluded.sort_key, mtime_ms = excluded.mtime_ms, size = excluded.size, hash = excluded.hash, slug = excluded.slug"),
    touchFile: db.prepare("UPDATE files SET mtime_ms = ?, size = ? WHERE path = ?"),
    deleteFile: db.prepare("DELETE FROM files WHERE path = ?"),
    deleteIssues: db.prepare("DELETE FROM content_issues WHERE file = ?"),
    insertIssue: db.prepare("INSERT INTO content_issues (file, position, kind, line, field, message, severity) VALUES (?, ?, ?, ?, ?, ?, ?)"),
    articleRowid: db.prepare("SELECT rowid, title, body FROM articles WHERE slug = ?"),
    articleOfFile: db.prepare("SELECT slug FROM articles WHERE file = ?"),
    eventRows: db.prepare("SELECT rowid FROM events WHERE article = ?"),
    deleteEventFts: db.prepare("DELETE FROM events_fts WHERE rowid = ?"),
    deleteArticleFts: db.prepare("DELETE FROM articles_fts WHERE rowid = ?"),
    deleteArticle: db.prepare("DELETE FROM articles WHERE slug = ?"),
    insertArticle: db.prepare("INSERT INTO articles (slug, file, title, date, source, url, tags, body, body_line, date_count, main_jurisdiction, main_chemical) VALUES (@slug, @file, @title, @date, @source, @url, @tags, @body, @body_line, @date_count, @main_jurisdiction, @main_chemical)"),
    insertArticleFts: db.prepare("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)"),
    insertChemical: db.prepare("INSERT INTO chemical_mentions (article, position, chemical, name, cas, role, registered, mention_count, mentions, sentence, offset_start, offset_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    insertActor: db.prepare("INSERT INTO actor_mentions (article, position, actor, name, type, registered, country, mention_count, mentions, sentence, offset_start, offset_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    insertOfficial: db.prepare("INSERT INTO officials (article, position, official, name, title, organization, organization_id, country, country_id, registered, mention_count, mentions, sentence, offset_start, offset_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    insertDate: db.prepare("INSERT INTO dates (article, position, text, date_start, date_end, precision, tense, sentence, offset_start, offset_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    insertStatistic: db.prepare("INSERT INTO statistics (article, position, text, value, unit, qualifier, measure, actor, period_start, period_end, event, enforcement_measure, enforcement_value, tariff_rate, figure_date, sentence, offset_start, offset_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    insertQuote: db.prepare("INSERT INTO quotes (article, position, text, speaker, speaker_id, speaker_kind, sentence, offset_start, offset_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    insertEvent: db.prepare(
      "INSERT INTO events (id, article, position, date, date_end, precision, first_day, last_day, type, status, phase, tariff_layer, tariff_rate, tariff_target, statistics, sentence_text, trigger_text, trigger_start, trigger_end, sentence, offset_start, offset_end) VALUES (@id, @article, @position, @date, @date_end, @precision, @first_day, @last_day, @type, @status, @phase, @tariff_layer, @tariff_rate, @tariff_target, @statistics, @sentence_text, @trigger_text, @trigger_start, @trigger_end, @sentence, @offset_start, @offset_end)",
    ),
    insertEventFts: db.prepare("INSERT INTO events_fts (rowid, sentence_text, names, title) VALUES (?, ?, ?, ?)"),
    insertEventActor: db.prepare("INSERT INTO event_actors (event, role, position, actor) VALUES (?, ?, ?, ?)"),
    insertEventChemical: db.prepare("INSERT INTO event_chemicals (event, position, chemical) VALUES (?, ?, ?)"),
  };
}

export function statements(db: Db): Statements {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = prepare(db)));
  return s;
}

const bool = (value: boolean) => (value ? 1 : 0);
const json = (value: unknown) => JSON.stringify(value);

export interface FileRow {
  path: string;
  mtimeMs: number;
  size: number;
  hash: string;
}

/** Files are compared in the order a walk of the folder meets them: `a/` before `a.md`. */
export function sortKey(file: string): string {
  return file.split("/").join("\u0001");
}

/** Records or updates what is known of a file, and replaces its issues. */
export function writeFile(db: Db, file: FileRow, slug: string | undefined, issues: readonly ContentIssue[]): void {
  const s = statements(db);
  s.upsertFile.run({ path: file.path, sort_key: sortKey(file.path), mtime_ms: file.mtimeMs, size: file.size, hash: file.hash, slug: slug ?? null });
  s.deleteIssues.run(file.path);
  issues.forEach((i, position) => s.insertIssue.run(file.path, position, i.kind, i.line, i.field, i.message, i.severity));
}

export function touchFile(db: Db, file: FileRow): void {
  statements(db).touchFile.run(file.mtimeMs, file.size, file.path);
}

/** Removes an article and every row that hangs on it (full-text rows included). */
export function deleteArticle(db: Db, slug: string): void {
  const s = statements(db);
  const row = s.articleRowid.get(slug) as { rowid: number } | undefined;
  if (!row) return;
  for (const e of s.eventRows.all(slug) as { rowid: number }[]) s.deleteEventFts.run(e.rowid);
  s.deleteArticleFts.run(row.rowid);
  s.deleteArticle.run(slug);
}

export function deleteFile(db: Db, file: string): void {
  const s = statements(db);
  const owned = s.articleOfFile.get(file) as { slug: string } | undefined;
  if (owned) deleteArticle(db, owned.slug);
  s.deleteFile.run(file);
}

/** Jurisdictions per the registries: countries, international bodies, and whoever controls a chemical. */
export function registryJurisdictions(registries: Registries): Set<string> {
  const out = new Set<string>();
  for (const o of registries.actors.organizations) if (o.type === "country" || o.type === "international-body") out.add(o.id);
  for (const c of registries.chemicals.chemicals) for (const k of c.controls) out.add(k.jurisdiction);
  return out;
}

function mostMentioned(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [id, count] of counts) if (count > bestCount) [best, bestCount] = [id, count];
  return best;
}

/** The country or body an article names most (through its actors and officials), and its chemical. */
function mainOf(extraction: Extraction, registries: Registries, jurisdictions: Set<string>) {
  const countryOf = new Map<string, string | undefined>();
  for (const o of registries.actors.organizations) countryOf.set(o.id, o.country);
  for (const p of registries.actors.people) countryOf.set(p.id, p.country);
  const isJurisdiction = (id: string) => jurisdictions.has(id) || extraction.actors.some((a) => a.id === id && (a.type === "country" || a.type === "international-body"));
  const byJurisdiction = new Map<string, number>();
  const count = (id: string | undefined, n: number) => {
    if (id && isJurisdiction(id)) byJurisdiction.set(id, (byJurisdiction.get(id) ?? 0) + n);
  };
  for (const a of extraction.actors) count(isJurisdiction(a.id) ? a.id : (a.country ?? countryOf.get(a.id)), a.mentions.length);
  for (const o of extraction.officials) count(o.countryId ?? countryOf.get(o.id), o.mentions.length);
  return {
    jurisdiction: mostMentioned(byJurisdiction),
    chemical: mostMentioned(new Map(extraction.chemicals.map((c) => [c.id, c.mentions.length]))),
  };
}

/** Names an event's search row holds: of the article's own records, else the registries'. */
function nameLookup(extraction: Extraction, registries: Registries): (id: string) => string {
  const names = new Map<string, string>();
  for (const o of registries.actors.organizations) names.set(o.id, o.name);
  for (const p of registries.actors.people) names.set(p.id, p.name);
  for (const c of registries.chemicals.chemicals) names.set(c.id, c.name);
  for (const list of [extraction.chemicals, extraction.actors, extraction.officials]) for (const r of list) if (!names.has(r.id)) names.set(r.id, r.name);
  return (id) => names.get(id) ?? id;
}

function eventRow(e: Event, article: string, position: number) {
  return {
    id: e.id,
    article,
    position,
    ...happeningColumns(e),
    first_day: firstDay(e.date),
    last_day: lastDay(e.end ?? e.date),
    statistics: json(e.statistics),
    sentence_text: e.sentence,
    trigger_text: e.trigger?.text ?? null,
    trigger_start: e.trigger?.start ?? null,
    trigger_end: e.trigger?.end ?? null,
    sentence: e.provenance.sentence,
    offset_start: e.provenance.start,
    offset_end: e.provenance.end,
  };
}

/** Writes one article and its records (the caller has removed any earlier rows of its slug). */
export function insertArticle(db: Db, article: Article, extraction: Extraction, registries: Registries, jurisdictions: Set<string>): void {
  const s = statements(db);
  const slug = article.slug;
  const main = mainOf(extraction, registries, jurisdictions);
  const { lastInsertRowid } = s.insertArticle.run({
    slug,
    file: article.file,
    title: article.title,
    date: article.date,
    source: article.source,
    url: article.url ?? null,
    tags: json(article.tags),
    body: article.body,
    body_line: article.bodyLine,
    date_count: extraction.dates.length,
    main_jurisdiction: main.jurisdiction,
    main_chemical: main.chemical,
  });
  s.insertArticleFts.run(lastInsertRowid, article.title, article.body);
  const p = (r: { provenance: { sentence: number; start: number; end: number } }) => [r.provenance.sentence, r.provenance.start, r.provenance.end] as const;
  extraction.chemicals.forEach((c, i) => s.insertChemical.run(slug, i, c.id, c.name, c.cas ?? null, c.role ?? null, bool(c.registered), c.mentions.length, json(c.mentions), ...p(c)));
  extraction.actors.forEach((a, i) => s.insertActor.run(slug, i, a.id, a.name, a.type, bool(a.registered), a.country ?? null, a.mentions.length, json(a.mentions), ...p(a)));
  extraction.officials.forEach((o, i) =>
    s.insertOfficial.run(slug, i, o.id, o.name, o.title ?? null, o.organization ?? null, o.organizationId ?? null, o.country ?? null, o.countryId ?? null, bool(o.registered), o.mentions.length, json(o.mentions), ...p(o)),
  );
  extraction.dates.forEach((d, i) => s.insertDate.run(slug, i, d.text, d.start, d.end ?? null, d.precision, d.tense ?? null, ...p(d)));
  // The event of a figure's sentence: the last one read from it, as charts date figures by it.
  const eventOfSentence = new Map(extraction.events.map((e) => [e.provenance.sentence, e]));
  extraction.statistics.forEach((t, i) => {
    const event = eventOfSentence.get(t.provenance.sentence);
    const enforcement = classifyFigure(t, event?.type);
    s.insertStatistic.run(slug, i, t.text, t.value, t.unit, t.qualifier ?? null, t.measure ?? null, t.actorId ?? null, t.period?.start ?? null, t.period?.end ?? null, event?.id ?? null, enforcement?.measure ?? null, enforcement?.value ?? null, bool(isTariffRate(t, event?.type)), t.period?.start ?? event?.date ?? article.date, ...p(t));
  });
  extraction.quotes.forEach((q, i) => s.insertQuote.run(slug, i, q.text, q.speaker ?? null, q.speakerId ?? null, q.speakerKind ?? null, ...p(q)));
  const name = nameLookup(extraction, registries);
  extraction.events.forEach((e, i) => {
    const { lastInsertRowid: rowid } = s.insertEvent.run(eventRow(e, slug, i));
    const names = [...new Set([...e.actors, ...e.officials])].map(name).concat([...new Set(e.chemicals)].map(name));
    s.insertEventFts.run(rowid, e.sentence, names.join("\n"), article.title);
    e.actors.forEach((id, k) => s.insertEventActor.run(e.id, "actor", k, id));
    e.officials.forEach((id, k) => s.insertEventActor.run(e.id, "official", k, id));
    e.chemicals.forEach((id, k) => s.insertEventChemical.run(e.id, k, id));
  });
}

/**
 * The chemical and actor tables: the registries' entries, then those only the text
 * knows (the first description found wins), with how many articles and events name each.
 * Also marks jurisdictions, and groups the articles per month (article_volume). Runs after
 * each ingest that changed anything.
 */
export function deriveEntities(db: Db, registries: Registries): void {
  db.exec("DELETE FROM chemicals; DELETE FROM actors;");
  const chem = db.prepare("INSERT OR IGNORE INTO chemicals (id, name, cas, role, registered) VALUES (?, ?, ?, ?, ?)");
  const actor = db.prepare("INSERT OR IGNORE INTO actors (id, name, kind, type, registered, country) VALUES (?, ?, ?, ?, ?, ?)");
  for (const c of registries.chemicals.chemicals) chem.run(c.id, c.name, c.cas ?? null, c.role, 1);
  for (const o of registries.actors.organizations) actor.run(o.id, o.name, "organization", o.type, 1, o.country ?? null);
  for (const p of registries.actors.people) actor.run(p.id, p.name, "person", "person", 1, p.country ?? null);
  // Newest articles first: the description of the latest article that names it wins. Only
  // the mentions of ids the table lacks are read: the distinct ids come from the index on
  // the id, and most are registry entries, already there. (Checking every mention against
  // the table, with its article, took 1.2 s at 20,000 articles with no id to add.)
  db.exec(`
INSERT OR IGNORE INTO chemicals (id, name, cas, role, registered)
  SELECT m.chemical, m.name, m.cas, m.role, m.registered FROM chemical_mentions m JOIN articles a ON a.slug = m.article
  WHERE m.chemical IN (SELECT DISTINCT chemical FROM chemical_mentions WHERE chemical NOT IN (SELECT id FROM chemicals)) ORDER BY a.date DESC, a.slug, m.position;
INSERT OR IGNORE INTO actors (id, name, kind, type, registered, country)
  SELECT m.actor, m.name, 'organization', m.type, m.registered, m.country FROM actor_mentions m JOIN articles a ON a.slug = m.article
  WHERE m.actor IN (SELECT DISTINCT actor FROM actor_mentions WHERE actor NOT IN (SELECT id FROM actors)) ORDER BY a.date DESC, a.slug, m.position;
INSERT OR IGNORE INTO actors (id, name, kind, type, registered, country)
  SELECT o.official, o.name, 'person', 'person', o.registered, o.country_id FROM officials o JOIN articles a ON a.slug = o.article
  WHERE o.official IN (SELECT DISTINCT official FROM officials WHERE official NOT IN (SELECT id FROM actors)) ORDER BY a.date DESC, a.slug, o.position;
UPDATE actors SET jurisdiction = 1 WHERE type IN ('country', 'international-body');
DELETE FROM event_types;
INSERT INTO event_types (type, event_count) SELECT type, count(*) FROM events GROUP BY type;
DELETE FROM article_volume;
INSERT INTO article_volume (month, jurisdiction, chemical, articles, first, last) ${ARTICLE_VOLUME_SELECT};
UPDATE chemicals SET
  article_count = (SELECT count(DISTINCT article) FROM chemical_mentions WHERE chemical = chemicals.id),
  event_count = (SELECT count(DISTINCT event) FROM event_chemicals WHERE chemical = chemicals.id);
UPDATE actors SET
  article_count = (SELECT count(*) FROM (SELECT article FROM actor_mentions WHERE actor = actors.id UNION SELECT article FROM officials WHERE official = actors.id)),
  event_count = (SELECT count(DISTINCT event) FROM event_actors WHERE actor = actors.id);
`);
  writeCoNamed(db);
  for (const c of registries.chemicals.chemicals) for (const k of c.controls) db.prepare("UPDATE actors SET jurisdiction = 1 WHERE id = ?").run(k.jurisdiction);
}

/**
 * co_named: for each chemical and actor (organisation or person), how many articles name
 * both. Counted here from each article's names, read in article order: the same count as
 * a join in SQL took 4.8 s at 20,000 articles (the join has a row for every chemical and
 * actor pair of every article, sorted to be grouped), and this runs after every change.
 */
function writeCoNamed(db: Db): void {
  const actorsOf = new Map<string, Set<string>>();
  const actorRows = db.prepare("SELECT article, actor FROM actor_mentions UNION ALL SELECT article, official FROM officials").raw().iterate() as Iterable<[string, string]>;
  for (const [article, actor] of actorRows) {
    let set = actorsOf.get(article);
    if (!set) actorsOf.set(article, (set = new Set()));
    set.add(actor);
  }
  const pairs = new Map<string, number>();
  let article: string | undefined;
  const chemicals = new Set<string>();
  const countArticle = () => {
    const actors = article === undefined ? undefined : actorsOf.get(article);
    if (actors) {
      for (const chemical of chemicals) {
        for (const actor of actors) {
          const key = `${chemical}\u0000${actor}`;
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
      }
    }
    chemicals.clear();
  };
  // In primary-key order, so each article's chemicals come together.
  for (const [slug, chemical] of db.prepare("SELECT article, chemical FROM chemical_mentions ORDER BY article, position").raw().iterate() as Iterable<[string, string]>) {
    if (slug !== article) {
      countArticle();
      article = slug;
    }
    chemicals.add(chemical);
  }
  countArticle();
  db.exec("DELETE FROM co_named");
  const insert = db.prepare("INSERT INTO co_named (chemical, actor, articles) VALUES (?, ?, ?)");
  for (const [key, count] of pairs) {
    const [chemical, actor] = key.split("\u0000");
    insert.run(chemical, actor, count);
  }
}
