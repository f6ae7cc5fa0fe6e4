/**
 * Timeline entries (one per real-world event, with the articles that report it), derived
 * from every event of the corpus by a grouping function and stored with their sources.
 */
import { yearOf } from "../dates";
import { timelineFlags } from "../flags";
import type { Event, Flag, TimelineEntry, TimelineSource } from "../schema";
import { happeningColumns } from "./columns";
import { withoutIndexes, type Db } from "./db";
import { insertTimelineFlags } from "./flags";
import { compareText } from "../text/compare";
import { markedSentences, readEvents, whereOf, type EventFilter, type Where } from "./events";

/**
 * A bucket: an event type and a year. Events cluster only with events of their type and
 * year, and disputes are only marked between entries of one type and year (see
 * lib/timeline/group.ts and disputes.ts), so the entries of a bucket depend on that
 * bucket's events alone: after a change, only the buckets it touched are grouped again.
 */
export const bucketKey = (type: string, date: string) => `${type}|${yearOf(date)}`;

/** The buckets of an article's stored events (before they are replaced or removed). */
export function articleBuckets(db: Db, slug: string): string[] {
  const rows = db.prepare("SELECT DISTINCT type, substr(date, 1, 4) AS year FROM events WHERE article = ?").all(slug) as { type: string; year: string }[];
  return rows.map((r) => `${r.type}|${r.year}`);
}

/** Every bucket that holds an event, year by year (see `writeEntries` for why). */
function allBuckets(db: Db): string[] {
  const rows = db.prepare("SELECT DISTINCT type, substr(date, 1, 4) AS year FROM events ORDER BY year, type").all() as { type: string; year: string }[];
  return rows.map((r) => `${r.type}|${r.year}`);
}

/** The events of one bucket: those of its type whose own date falls in its year. */
function bucketEvents(db: Db, key: string): Event[] {
  const [type, year] = key.split("|");
  return readEvents(db, { type: type as Event["type"], dateFrom: year, dateBefore: String(Number(year) + 1) });
}

/**
 * A bucket's entries ready to write: what grouping makes of its events, with what each
 * entry names (its sources' actors and officials, and chemicals) and the disputes read
 * from them. Pure work on the bucket's events, so worker threads can do it (see
 * `groupBuckets` in lib/extract/pool.ts) while this thread writes the bucket before.
 */
export interface GroupedBucket {
  entries: TimelineEntry[];
  /** Per entry, in its order: the actor ids and chemical ids any of its sources names. */
  names: [actors: string[], chemicals: string[]][];
  flags: Flag[];
}

/** Groups one bucket's events. */
export function groupBucket(events: readonly Event[], group: (events: readonly Event[]) => TimelineEntry[]): GroupedBucket {
  if (events.length === 0) return { entries: [], names: [], flags: [] };
  const entries = group(events);
  const byId = new Map(events.map((e) => [e.id, e]));
  const names = entries.map((e): [string[], string[]] => {
    // An entry names what any of its source events names.
    const sources = e.sources.map((s) => byId.get(s.event)).filter((x): x is Event => x !== undefined);
    return [[...new Set(sources.flatMap((x) => [...x.actors, ...x.officials]))], [...new Set(sources.flatMap((x) => x.chemicals))]];
  });
  // Disputes are read from the entries just grouped (the old ones went with their entries).
  return { entries, names, flags: timelineFlags(entries) };
}

/** Reads and groups one bucket's events (`bucketKey`) from the database. */
export function groupStoredBucket(db: Db, key: string, group: (events: readonly Event[]) => TimelineEntry[]): GroupedBucket {
  return groupBucket(bucketEvents(db, key), group);
}

/**
 * Groups the given buckets elsewhere and hands back each one's entries in the order of
 * `keys` (see `groupBuckets` in lib/extract/pool.ts). Called before this thread's other
 * work, so the grouping can start while it is done.
 */
export type GroupBucketsElsewhere = (keys: readonly string[]) => Iterable<GroupedBucket>;

/** The buckets a regroup covers: those given, else every bucket that holds an event. */
export function bucketsToGroup(db: Db, buckets?: ReadonlySet<string>): string[] {
  return buckets ? [...buckets] : allBuckets(db);
}

/**
 * Replaces the timeline entries of the given buckets (every bucket when `buckets` is
 * undefined) with the entries `group` makes of their events. Bucket by bucket: grouping
 * the whole corpus at once held every event in memory (2,000,000 at 100,000 articles),
 * and collecting that heap cost more than the grouping; a bucket's entries depend on its
 * events alone (see `bucketKey`), so the entries are the same. `grouped`: the buckets'
 * entries, grouped elsewhere in the order of `bucketsToGroup(db, buckets)`.
 */
export function writeTimeline(db: Db, group: (events: readonly Event[]) => TimelineEntry[], buckets?: ReadonlySet<string>, grouped?: Iterable<GroupedBucket>): number {
  const groups = grouped ?? groupInThisThread(db, group, bucketsToGroup(db, buckets));
  if (!buckets) {
    // Every entry is written anew: the tables' indexes are built once at the end. What
    // hangs on the old entries is deleted here, not left to the foreign keys' cascades (a
    // full regroup in an ingest runs with them off: see finishIngest in ./ingest.ts).
    return withoutIndexes(db, ["timeline_entries", "timeline_sources", "entry_names"], () => {
      db.exec("DELETE FROM flags WHERE entry IS NOT NULL; DELETE FROM entry_names; DELETE FROM timeline_sources; DELETE FROM timeline_entries;");
      return writeBuckets(db, groups);
    });
  }
  const remove = db.prepare("DELETE FROM timeline_entries WHERE type = ? AND date >= ? AND date < ?");
  for (const key of buckets) {
    const [type, year] = key.split("|");
    remove.run(type, year, String(Number(year) + 1));
  }
  return writeBuckets(db, groups);
}

function* groupInThisThread(db: Db, group: (events: readonly Event[]) => TimelineEntry[], keys: readonly string[]): Generator<GroupedBucket> {
  for (const key of keys) yield groupStoredBucket(db, key, group);
}

/** Writes each bucket's entries, then the entry counts. */
function writeBuckets(db: Db, groups: Iterable<GroupedBucket>): number {
  const written = { entries: 0, flags: 0 };
  for (const bucket of groups) writeEntries(db, bucket, written);
  // The unfiltered timeline's filter counts: entries with a source that names each one.
  db.exec(`
UPDATE chemicals SET entry_count = (SELECT count(*) FROM entry_names WHERE kind = 'chemical' AND name = chemicals.id);
UPDATE actors SET entry_count = (SELECT count(*) FROM entry_names WHERE kind = 'actor' AND name = actors.id);
`);
  return written.entries;
}

/** Writes a bucket's entries, sources, names and dispute flags; adds to the counts written so far. */
function writeEntries(db: Db, { entries, names, flags }: GroupedBucket, written: { entries: number; flags: number }): void {
  if (entries.length === 0) return;
  const { entry, source, named } = timelineStatements(db);
  // In id order: an entry's id begins with its date, so with buckets taken year by year the
  // entries (and their sources, keyed by entry) go in near the end of their tables' keys.
  const order = entries.map((_, k) => k).sort((a, b) => compareText(entries[a].id, entries[b].id));
  for (const k of order) {
    const e = entries[k];
    entry.run({
      id: e.id,
      ...happeningColumns(e),
      summary: e.summary,
      actors: JSON.stringify(e.actors),
      officials: JSON.stringify(e.officials),
      chemicals: JSON.stringify(e.chemicals),
      disputed_with: JSON.stringify(e.disputedWith),
    });
    e.sources.forEach((s, i) => source.run(e.id, i, s.article, s.event, s.sentence, s.provenance.sentence, s.provenance.start, s.provenance.end));
    const [actors, chemicals] = names[k];
    for (const id of actors) named.run("actor", id, e.id, e.type, e.date);
    for (const id of chemicals) named.run("chemical", id, e.id, e.type, e.date);
  }
  // Disputes are numbered on from the buckets written before.
  insertTimelineFlags(db, flags, written.flags);
  written.entries += entries.length;
  written.flags += flags.length;
}

/** The statements writeEntries runs for each entry. */
function timelineStatements(db: Db) {
  return {
    entry: db.prepare(
      "INSERT INTO timeline_entries (id, date, date_end, precision, type, status, phase, tariff_layer, tariff_rate, tariff_target, summary, actors, officials, chemicals, disputed_with) VALUES (@id, @date, @date_end, @precision, @type, @status, @phase, @tariff_layer, @tariff_rate, @tariff_target, @summary, @actors, @officials, @chemicals, @disputed_with)",
    ),
    source: db.prepare("INSERT INTO timeline_sources (entry, position, article, event, sentence_text, sentence, offset_start, offset_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
    named: db.prepare("INSERT INTO entry_names (kind, name, entry, type, date) VALUES (?, ?, ?, ?, ?)"),
  };
}

interface EntryRow {
  id: string;
  date: string;
  date_end: string | null;
  precision: TimelineEntry["precision"];
  type: TimelineEntry["type"];
  status: TimelineEntry["status"];
  phase: string | null;
  tariff_layer: string | null;
  tariff_rate: number | null;
  tariff_target: string | null;
  summary: string;
  actors: string;
  officials: string;
  chemicals: string;
  disputed_with: string;
  sources: string;
}

/**
 * The WHERE clause of a filter over `timeline_entries t`. An entry matches when one of its
 * sources is an event that passes the filter's actor, chemical, date, text and article
 * conditions (an entry names what any of its sources names), and the entry is of the type.
 *
 * `entry_names` (what any source of each entry names) answers a filter on actors or on
 * chemicals alone exactly; with more conditions it narrows the entries to those naming
 * each filtered value, and their sources are checked one by one.
 */
export function entryWhereOf(filter: EventFilter): Where {
  const { type, ...eventLevel } = filter;
  const events = whereOf(eventLevel);
  if (events.searchError) return { sql: "0", params: {}, searchError: events.searchError };
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (type) {
    clauses.push("t.type = @type");
    params.type = type;
  }
  const named = (["actor", "chemical"] as const).filter((kind) => eventLevel[kind]?.length);
  for (const kind of named) {
    clauses.push(`t.id IN (SELECT entry FROM entry_names WHERE kind = '${kind}' AND name IN (SELECT value FROM json_each(@${kind}s)))`);
    params[`${kind}s`] = JSON.stringify(eventLevel[kind]);
  }
  const rest = whereOf({ ...eventLevel, actor: undefined, chemical: undefined });
  if (named.length === 1 && rest.sql === "1") {
    // One list of names and nothing else: entry_names is the answer.
  } else if (named.length > 0) {
    const perEvent = whereOf(eventLevel, { perEvent: true });
    clauses.push(`EXISTS (SELECT 1 FROM timeline_sources s JOIN events e ON e.id = s.event WHERE s.entry = t.id AND ${perEvent.sql})`);
    Object.assign(params, perEvent.params);
  } else if (events.sql !== "1") {
    clauses.push(`t.id IN (SELECT s.entry FROM timeline_sources s JOIN events e ON e.id = s.event WHERE ${events.sql})`);
    Object.assign(params, events.params);
  }
  return { sql: clauses.length ? clauses.join(" AND ") : "1", params };
}

/** Newest first; entries of one day by range, type and id, so every query lists them alike. */
const ENTRY_ORDER = "t.date DESC, coalesce(t.date_end, '') DESC, t.type, t.id";

const ENTRY_COLUMNS = `t.*, (SELECT json_group_array(json_array(s.article, s.event, s.sentence_text, s.sentence, s.offset_start, s.offset_end)) FROM (SELECT * FROM timeline_sources WHERE entry = t.id ORDER BY position) s) AS sources`;

/**
 * Timeline entries that match `filter`, newest first, with their sources; `limit` -1 for
 * all. `only.tariffLayer`: tariff entries of that layer with a rate and a target (charts).
 */
export function selectTimelineEntries(
  db: Db,
  filter: EventFilter = {},
  page: { limit: number; offset: number } = { limit: -1, offset: 0 },
  only: { tariffLayer?: string } = {},
): TimelineEntry[] {
  const where = entryWhereOf(filter);
  if (where.searchError) return [];
  const tariff = only.tariffLayer ? " AND t.tariff_layer = @tariffLayer AND t.tariff_rate IS NOT NULL AND t.tariff_target IS NOT NULL" : "";
  // The page is chosen on the bare entries first (in the order of timeline_entries_order),
  // so the sources are gathered for the entries shown only.
  const rows = db
    .prepare(
      `SELECT ${ENTRY_COLUMNS} FROM (SELECT t.rowid AS rid FROM timeline_entries t WHERE ${where.sql}${tariff} ORDER BY ${ENTRY_ORDER} LIMIT @limit OFFSET @offset) p
       CROSS JOIN timeline_entries t ON t.rowid = p.rid ORDER BY ${ENTRY_ORDER}`,
    )
    .all({ ...where.params, ...(only.tariffLayer ? { tariffLayer: only.tariffLayer } : {}), limit: page.limit, offset: page.offset }) as EntryRow[];
  return rows.map(toEntry);
}

/** The same entries one at a time: exports of every matching entry without holding them all. */
export function* iterateTimelineEntries(db: Db, filter: EventFilter = {}): Generator<TimelineEntry> {
  const where = entryWhereOf(filter);
  if (where.searchError) return;
  for (const row of db.prepare(`SELECT ${ENTRY_COLUMNS} FROM timeline_entries t WHERE ${where.sql} ORDER BY ${ENTRY_ORDER}`).iterate(where.params) as Iterable<EntryRow>) yield toEntry(row);
}

export function countTimelineEntries(db: Db, filter: EventFilter = {}): number {
  const where = entryWhereOf(filter);
  if (where.searchError) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM timeline_entries t WHERE ${where.sql}`).get(where.params) as { n: number }).n;
}

/**
 * Entries per actor, chemical or type among those passing `filter` (faceted: each count
 * is how many entries choosing that value would show with the other filters kept).
 */
export function countEntriesBy(db: Db, dimension: "actor" | "chemical" | "type", filter: EventFilter): Map<string, number> {
  let rows: { id: string; n: number }[];
  const { type, ...eventLevel } = filter;
  const events = whereOf(eventLevel);
  if (events.searchError) return new Map();
  if (dimension === "type") {
    const where = entryWhereOf(eventLevel);
    rows = db.prepare(`SELECT t.type AS id, count(*) AS n FROM timeline_entries t WHERE ${where.sql} GROUP BY t.type`).all(where.params) as typeof rows;
  } else if (isUnfiltered(filter)) {
    rows = db.prepare(`SELECT id, entry_count AS n FROM ${dimension === "actor" ? "actors" : "chemicals"} WHERE entry_count > 0`).all() as typeof rows;
  } else if (events.sql === "1") {
    // Only a type: what the entries of that type name, kept per entry.
    rows = db.prepare("SELECT name AS id, count(*) AS n FROM entry_names WHERE kind = @kind AND type = @type GROUP BY name").all({ kind: dimension, type }) as typeof rows;
  } else {
    // What each passing source event names, each entry counted once per name.
    const [table, column] = dimension === "actor" ? ["event_actors", "actor"] : ["event_chemicals", "chemical"];
    rows = db
      .prepare(
        `SELECT x.${column} AS id, count(DISTINCT s.entry) AS n FROM timeline_sources s JOIN events e ON e.id = s.event JOIN ${table} x ON x.event = e.id
         ${type ? "JOIN timeline_entries t ON t.id = s.entry" : ""} WHERE ${events.sql} ${type ? "AND t.type = @type" : ""} GROUP BY x.${column}`,
      )
      .all({ ...events.params, ...(type ? { type } : {}) }) as typeof rows;
  }
  return new Map(rows.map((r) => [r.id, r.n]));
}

const isUnfiltered = (f: EventFilter) => !f.actor?.length && !f.chemical?.length && !f.type && !f.from && !f.to && !f.q?.trim() && !f.article;

/** Events of the sources of the given entries that `q` matches, with the matched words marked. */
export function markedSourceSentences(db: Db, q: string | undefined, entries: readonly TimelineEntry[]): Map<string, string> {
  const ids = entries.flatMap((e) => e.sources.map((s) => s.event));
  if (!q?.trim() || ids.length === 0) return new Map();
  const rows = db.prepare("SELECT rowid, id FROM events WHERE id IN (SELECT value FROM json_each(?))").all(JSON.stringify(ids)) as { rowid: number; id: string }[];
  const marked = markedSentences(db, q, rows.map((r) => r.rowid));
  return new Map(rows.flatMap((r) => (marked.has(r.rowid) ? [[r.id, marked.get(r.rowid)!] as const] : [])));
}

function toEntry(r: EntryRow): TimelineEntry {
  return {
    id: r.id,
    date: r.date,
    ...(r.date_end !== null ? { end: r.date_end } : {}),
    precision: r.precision,
    type: r.type,
    status: r.status,
    ...(r.phase !== null ? { phase: r.phase as TimelineEntry["phase"] } : {}),
    ...(r.tariff_layer !== null
      ? { tariff: { layer: r.tariff_layer as NonNullable<TimelineEntry["tariff"]>["layer"], ...(r.tariff_rate !== null ? { rate: r.tariff_rate } : {}), ...(r.tariff_target !== null ? { target: r.tariff_target } : {}) } }
      : {}),
    summary: r.summary,
    actors: JSON.parse(r.actors) as string[],
    officials: JSON.parse(r.officials) as string[],
    chemicals: JSON.parse(r.chemicals) as string[],
    sources: (JSON.parse(r.sources) as [string, string, string, number, number, number][]).map(
      ([article, event, sentence, s, start, end]): TimelineSource => ({ article, event, sentence, provenance: { article, sentence: s, start, end } }),
    ),
    disputedWith: JSON.parse(r.disputed_with) as string[],
  };
}


