/**
 * Events as the timeline and the entity pages read them: one filter (the URL's) turned
 * into one WHERE clause, shared by the page, its counts, its charts and its exports.
 */
import type { Event, EventType } from "../schema";
import type { Db } from "./db";
import { MARK_END, MARK_START } from "../text/marks";
import { parseSearch } from "./search";

export interface EventFilter {
  actor?: readonly string[];
  chemical?: readonly string[];
  type?: EventType;
  /** First and last day (YYYY-MM-DD) of the range; an event overlapping it matches. */
  from?: string;
  to?: string;
  q?: string;
  /** Events of one article only. */
  article?: string;
  /** Events whose own date (as written) is at or after / before these: a year's events are dateFrom 2024, dateBefore 2025. */
  dateFrom?: string;
  dateBefore?: string;
}

export interface Where {
  sql: string;
  params: Record<string, string>;
  /** A message when the text filter cannot be read (the events then match nothing). */
  searchError?: string;
}

/**
 * The WHERE clause of a filter over `events e`; parameters are named, never spliced.
 * `perEvent`: the actor and chemical conditions are checked on each event (a lookup of
 * its names) rather than as the list of every event naming them, for a clause evaluated
 * on a few events (the sources of candidate timeline entries).
 */
export function whereOf(filter: EventFilter, options: { perEvent?: boolean } = {}): Where {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  let searchError: string | undefined;
  if (filter.actor?.length) {
    clauses.push(
      options.perEvent
        ? "EXISTS (SELECT 1 FROM event_actors x WHERE x.event = e.id AND x.actor IN (SELECT value FROM json_each(@actors)))"
        : "e.id IN (SELECT event FROM event_actors WHERE actor IN (SELECT value FROM json_each(@actors)))",
    );
    params.actors = JSON.stringify(filter.actor);
  }
  if (filter.chemical?.length) {
    clauses.push(
      options.perEvent
        ? "EXISTS (SELECT 1 FROM event_chemicals x WHERE x.event = e.id AND x.chemical IN (SELECT value FROM json_each(@chemicals)))"
        : "e.id IN (SELECT event FROM event_chemicals WHERE chemical IN (SELECT value FROM json_each(@chemicals)))",
    );
    params.chemicals = JSON.stringify(filter.chemical);
  }
  if (filter.type) {
    clauses.push("e.type = @type");
    params.type = filter.type;
  }
  if (filter.from) {
    clauses.push("e.last_day >= @from");
    params.from = filter.from;
  }
  if (filter.to) {
    clauses.push("e.first_day <= @to");
    params.to = filter.to;
  }
  if (filter.dateFrom) {
    clauses.push("e.date >= @dateFrom");
    params.dateFrom = filter.dateFrom;
  }
  if (filter.dateBefore) {
    clauses.push("e.date < @dateBefore");
    params.dateBefore = filter.dateBefore;
  }
  if (filter.article) {
    clauses.push("e.article = @article");
    params.article = filter.article;
  }
  if (filter.q?.trim()) {
    const search = parseSearch(filter.q);
    if (search.ok) {
      clauses.push("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH @match)");
      params.match = search.match;
    } else {
      clauses.push("0");
      searchError = search.message;
    }
  }
  return { sql: clauses.length ? clauses.join(" AND ") : "1", params, searchError };
}

export const NEWEST_FIRST = "e.date DESC, e.article, e.sentence, e.position";

/** An event row with what a list shows beside it: its article, ids and figures. */
export interface EventRow {
  rowid: number;
  id: string;
  article: string;
  position: number;
  date: string;
  date_end: string | null;
  precision: Event["precision"];
  type: EventType;
  status: Event["status"];
  phase: string | null;
  tariff_layer: string | null;
  tariff_rate: number | null;
  tariff_target: string | null;
  statistics: string;
  sentence_text: string;
  trigger_text: string | null;
  trigger_start: number | null;
  trigger_end: number | null;
  sentence: number;
  offset_start: number;
  offset_end: number;
  article_title: string;
  article_date: string;
  article_source: string;
  /** JSON [[role, id], ...]: actors then officials, each in its event's order. */
  actor_ids: string;
  chemical_ids: string;
  /** JSON [[text, measure], ...]: the event's figures. */
  figures: string;
}

/** An event's own columns and the ids it names: what an Event record is made of. */
const EVENT_RECORD_COLUMNS = `e.rowid AS rowid, e.id, e.article, e.position, e.date, e.date_end, e.precision, e.type, e.status, e.phase, e.tariff_layer, e.tariff_rate, e.tariff_target,
  e.statistics, e.sentence_text, e.trigger_text, e.trigger_start, e.trigger_end, e.sentence, e.offset_start, e.offset_end,
  (SELECT json_group_array(json_array(role, actor)) FROM (SELECT role, actor FROM event_actors WHERE event = e.id ORDER BY role, position)) AS actor_ids,
  (SELECT json_group_array(chemical) FROM (SELECT chemical FROM event_chemicals WHERE event = e.id ORDER BY position)) AS chemical_ids`;

const ARTICLE_OF_EVENT = "a.title AS article_title, a.date AS article_date, a.source AS article_source";

/** With what a list shows beside an event: its article and its figures. */
const EVENT_COLUMNS = `${EVENT_RECORD_COLUMNS}, ${ARTICLE_OF_EVENT},
  (SELECT json_group_array(json_array(s.text, s.measure)) FROM (SELECT s.text, s.measure FROM json_each(e.statistics) j JOIN statistics s ON s.article = e.article AND s.position = j.value ORDER BY j.key) s) AS figures`;

/** Matching events, newest first; `limit` -1 for all. */
export function selectEvents(db: Db, filter: EventFilter, page: { limit: number; offset: number } = { limit: -1, offset: 0 }): EventRow[] {
  const where = whereOf(filter);
  if (where.searchError) return [];
  // The page is chosen on the bare events first: SQLite would otherwise work out every
  // column (names, figures) of every matching event before sorting and cutting them.
  return db
    .prepare(
      `SELECT ${EVENT_COLUMNS} FROM (SELECT e.rowid AS rid FROM events e WHERE ${where.sql} ORDER BY ${NEWEST_FIRST} LIMIT @limit OFFSET @offset) p
       CROSS JOIN events e ON e.rowid = p.rid JOIN articles a ON a.slug = e.article ORDER BY ${NEWEST_FIRST}`,
    )
    .all({ ...where.params, limit: page.limit, offset: page.offset }) as EventRow[];
}

/** An event with its article, without its figures: what an export row is made of. */
export type EventExportRow = Omit<EventRow, "figures">;

/**
 * The same events one at a time, with their article but not their figures (an export
 * has no column for them, and gathering them was a fifth of the time): exports of every
 * matching event without holding them all.
 */
export function* iterateEvents(db: Db, filter: EventFilter): Generator<EventExportRow> {
  const where = whereOf(filter);
  if (where.searchError) return;
  yield* db.prepare(`SELECT ${EVENT_RECORD_COLUMNS}, ${ARTICLE_OF_EVENT} FROM events e JOIN articles a ON a.slug = e.article WHERE ${where.sql} ORDER BY ${NEWEST_FIRST}`).iterate(where.params) as Generator<EventExportRow>;
}

/**
 * Every event matching `filter` as the Event records they were written from, for the
 * timeline's grouping: only the columns an Event has (no article, no figures), in no
 * particular order (the grouping puts them in its own).
 */
export function readEvents(db: Db, filter: EventFilter): Event[] {
  const where = whereOf(filter);
  if (where.searchError) return [];
  const rows = db.prepare(`SELECT ${EVENT_RECORD_COLUMNS} FROM events e WHERE ${where.sql}`).iterate(where.params) as Iterable<EventRow>;
  const events: Event[] = [];
  for (const row of rows) events.push(toEvent(row));
  return events;
}

export function countEvents(db: Db, filter: EventFilter): number {
  const where = whereOf(filter);
  if (where.searchError) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM events e WHERE ${where.sql}`).get(where.params) as { n: number }).n;
}

/** Every event: the per-type counts kept after each ingest add up to it. */
export function countAllEvents(db: Db): number {
  return (db.prepare("SELECT coalesce(sum(event_count), 0) AS n FROM event_types").get() as { n: number }).n;
}

const isEmpty = (f: EventFilter) => whereOf(f).sql === "1";

/**
 * Events per actor, chemical and type among those passing `filter`. With no filter the
 * counts kept in the actor and chemical tables answer, so the unfiltered timeline reads
 * no event at all for them.
 */
export function countBy(db: Db, dimension: "actor" | "chemical" | "type", filter: EventFilter): Map<string, number> {
  const where = whereOf(filter);
  if (where.searchError) return new Map();
  let rows: { id: string; n: number }[];
  if (dimension === "type" && isEmpty(filter)) {
    rows = db.prepare("SELECT type AS id, event_count AS n FROM event_types").all() as typeof rows;
  } else if (dimension === "type") {
    rows = db.prepare(`SELECT e.type AS id, count(*) AS n FROM events e WHERE ${where.sql} GROUP BY e.type`).all(where.params) as typeof rows;
  } else if (isEmpty(filter)) {
    rows = db.prepare(`SELECT id, event_count AS n FROM ${dimension === "actor" ? "actors" : "chemicals"} WHERE event_count > 0`).all() as typeof rows;
  } else {
    const [table, column] = dimension === "actor" ? ["event_actors", "actor"] : ["event_chemicals", "chemical"];
    rows = db.prepare(`SELECT x.${column} AS id, count(DISTINCT x.event) AS n FROM ${table} x JOIN events e ON e.id = x.event WHERE ${where.sql} GROUP BY x.${column}`).all(where.params) as typeof rows;
  }
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** An event row back as the Event record it was written from. */
export function toEvent(row: Omit<EventRow, "article_title" | "article_date" | "article_source" | "figures">): Event {
  const ids = JSON.parse(row.actor_ids) as [string, string][];
  return {
    id: row.id,
    date: row.date,
    ...(row.date_end !== null ? { end: row.date_end } : {}),
    precision: row.precision,
    type: row.type,
    status: row.status,
    ...(row.phase !== null ? { phase: row.phase as Event["phase"] } : {}),
    ...(row.tariff_layer !== null
      ? { tariff: { layer: row.tariff_layer as NonNullable<Event["tariff"]>["layer"], ...(row.tariff_rate !== null ? { rate: row.tariff_rate } : {}), ...(row.tariff_target !== null ? { target: row.tariff_target } : {}) } }
      : {}),
    actors: ids.filter(([role]) => role === "actor").map(([, id]) => id),
    officials: ids.filter(([role]) => role === "official").map(([, id]) => id),
    chemicals: JSON.parse(row.chemical_ids) as string[],
    statistics: JSON.parse(row.statistics) as number[],
    sentence: row.sentence_text,
    ...(row.trigger_text !== null ? { trigger: { text: row.trigger_text, start: row.trigger_start!, end: row.trigger_end! } } : {}),
    provenance: { article: row.article, sentence: row.sentence, start: row.offset_start, end: row.offset_end },
  };
}

/** The sentences of the given events with the words `q` matches marked (see lib/text/marks). */
export function markedSentences(db: Db, q: string | undefined, rowids: readonly number[]): Map<number, string> {
  const search = q?.trim() ? parseSearch(q) : undefined;
  if (!search?.ok || rowids.length === 0) return new Map();
  const rows = db
    .prepare("SELECT rowid, highlight(events_fts, 0, @start, @end) AS marked FROM events_fts WHERE events_fts MATCH @match AND rowid IN (SELECT value FROM json_each(@rowids))")
    .all({ start: MARK_START, end: MARK_END, match: search.match, rowids: JSON.stringify(rowids) }) as { rowid: number; marked: string }[];
  return new Map(rows.map((r) => [r.rowid, r.marked]));
}
