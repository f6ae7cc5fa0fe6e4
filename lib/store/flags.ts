/**
 * Flags in the database: written with their article at ingest (out of its time, against
 * the registry, out of order) and with the timeline entries they were read from
 * (disputes), which regrouping deletes and writes again (the `entry` foreign key cascades).
 */
import type { Flag, FlagKind } from "../schema";
import type { Db } from "./db";

interface FlagRow {
  id: string;
  article: string;
  kind: Flag["kind"];
  severity: Flag["severity"];
  text: string;
  sentence_text: string;
  message: string;
  reference: string | null;
  actors: string;
  chemicals: string;
  entry: string | null;
  sentence: number;
  offset_start: number;
  offset_end: number;
}

const COLUMNS = "id, article, position, kind, severity, text, sentence_text, message, reference, actors, chemicals, entry, sentence, offset_start, offset_end";
const VALUES = "@id, @article, @position, @kind, @severity, @text, @sentence_text, @message, @reference, @actors, @chemicals, @entry, @sentence, @offset_start, @offset_end";

/**
 * A flag's id is unique by construction (an article's flags go with its rows, a dispute's
 * with its entry), so each is inserted plainly; one seen again replaces the earlier. With
 * foreign keys on, INSERT OR REPLACE (or an upsert) on every row cost four times as much.
 */
function prepareInserts(db: Db) {
  return {
    insert: db.prepare(`INSERT INTO flags (${COLUMNS}) VALUES (${VALUES})`),
    replace: db.prepare(`INSERT OR REPLACE INTO flags (${COLUMNS}) VALUES (${VALUES})`),
  };
}

/** Prepared once per connection: compiling them per article cost more than writing the flags. */
const inserts = new WeakMap<Db, ReturnType<typeof prepareInserts>>();

/** Writes flags (inside the caller's transaction); an article's own flags go with its rows. */
export function insertFlags(db: Db, flags: readonly Flag[], firstPosition = 0): void {
  if (flags.length === 0) return;
  let statements = inserts.get(db);
  if (!statements) inserts.set(db, (statements = prepareInserts(db)));
  const { insert, replace } = statements;
  flags.forEach((f, i) => {
    const row = {
      id: f.id,
      article: f.provenance.article,
      position: firstPosition + i,
      kind: f.kind,
      severity: f.severity,
      text: f.text,
      sentence_text: f.sentence,
      message: f.message,
      reference: f.reference ?? null,
      actors: JSON.stringify(f.actors),
      chemicals: JSON.stringify(f.chemicals),
      entry: f.entry ?? null,
      sentence: f.provenance.sentence,
      offset_start: f.provenance.start,
      offset_end: f.provenance.end,
    };
    try {
      insert.run(row);
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_CONSTRAINT_PRIMARYKEY") throw error;
      replace.run(row);
    }
  });
}

/** Flags read from timeline entries come after an article's own flags in its order; `before`: timeline flags already written by this regroup. */
export function insertTimelineFlags(db: Db, flags: readonly Flag[], before = 0): void {
  insertFlags(db, flags, 1_000_000 + before);
}

export function toFlag(r: FlagRow): Flag {
  return {
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    text: r.text,
    sentence: r.sentence_text,
    provenance: { article: r.article, sentence: r.sentence, start: r.offset_start, end: r.offset_end },
    message: r.message,
    ...(r.reference !== null ? { reference: r.reference } : {}),
    actors: JSON.parse(r.actors) as string[],
    chemicals: JSON.parse(r.chemicals) as string[],
    ...(r.entry !== null ? { entry: r.entry } : {}),
  };
}

export interface FlagFilter {
  kind?: FlagKind;
  actor?: readonly string[];
  chemical?: readonly string[];
  article?: string;
}

function flagWhere(filter: FlagFilter): { sql: string; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (filter.kind) {
    clauses.push("f.kind = @kind");
    params.kind = filter.kind;
  }
  if (filter.actor?.length) {
    clauses.push("EXISTS (SELECT 1 FROM json_each(f.actors) WHERE value IN (SELECT value FROM json_each(@actors)))");
    params.actors = JSON.stringify(filter.actor);
  }
  if (filter.chemical?.length) {
    clauses.push("EXISTS (SELECT 1 FROM json_each(f.chemicals) WHERE value IN (SELECT value FROM json_each(@chemicals)))");
    params.chemicals = JSON.stringify(filter.chemical);
  }
  if (filter.article) {
    clauses.push("f.article = @article");
    params.article = filter.article;
  }
  return { sql: clauses.length ? clauses.join(" AND ") : "1", params };
}

export interface FlagListRow extends Flag {
  articleTitle: string;
  articleDate: string;
  articleFile: string;
  bodyLine: number;
}

/** Flags matching the filter, articles newest first, each article's flags in text order. */
export function selectFlags(db: Db, filter: FlagFilter = {}): FlagListRow[] {
  const where = flagWhere(filter);
  const rows = db
    .prepare(`SELECT f.*, a.title AS article_title, a.date AS article_date, a.file AS article_file, a.body_line FROM flags f JOIN articles a ON a.slug = f.article WHERE ${where.sql} ORDER BY a.date DESC, f.article, f.position`)
    .all(where.params) as (FlagRow & { article_title: string; article_date: string; article_file: string; body_line: number })[];
  return rows.map((r) => ({ ...toFlag(r), articleTitle: r.article_title, articleDate: r.article_date, articleFile: r.article_file, bodyLine: r.body_line }));
}

/** Flags per kind, among those the filter's other conditions pass (facet counts). */
export function countFlagsByKind(db: Db, filter: FlagFilter = {}): Map<FlagKind, number> {
  const where = flagWhere({ ...filter, kind: undefined });
  const rows = db.prepare(`SELECT f.kind, count(*) AS n FROM flags f WHERE ${where.sql} GROUP BY f.kind`).all(where.params) as { kind: FlagKind; n: number }[];
  return new Map(rows.map((r) => [r.kind, r.n]));
}

export function countFlags(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM flags").get() as { n: number }).n;
}

/** Actor or chemical ids that flags name, with how many flags name each. */
export function flagFacet(db: Db, dimension: "actors" | "chemicals"): Map<string, number> {
  const rows = db.prepare(`SELECT j.value AS id, count(*) AS n FROM flags f, json_each(f.${dimension}) j GROUP BY j.value`).all() as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/**
 * Flags that concern each of the given timeline entries: those read from the entry, and
 * those in one of its source sentences.
 */
export function flagsOfEntries(db: Db, entryIds: readonly string[]): Map<string, Flag[]> {
  const out = new Map<string, Flag[]>();
  if (entryIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT s.entry AS for_entry, f.* FROM timeline_sources s JOIN flags f ON f.article = s.article AND f.sentence = s.sentence
        WHERE s.entry IN (SELECT value FROM json_each(@ids)) AND (f.entry IS NULL OR f.entry = s.entry)
       UNION
       SELECT f.entry AS for_entry, f.* FROM flags f WHERE f.entry IN (SELECT value FROM json_each(@ids))
       ORDER BY for_entry, article, position`,
    )
    .all({ ids: JSON.stringify(entryIds) }) as (FlagRow & { for_entry: string })[];
  for (const r of rows) {
    const list = out.get(r.for_entry) ?? [];
    if (!list.some((f) => f.id === r.id)) list.push(toFlag(r));
    out.set(r.for_entry, list);
  }
  return out;
}

/** Every flag of an article, in text order. */
export function flagsOfArticle(db: Db, slug: string): Flag[] {
  return (db.prepare("SELECT * FROM flags WHERE article = ? ORDER BY offset_start, position").all(slug) as FlagRow[]).map(toFlag);
}
