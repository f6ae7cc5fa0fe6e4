/**
 * Timeline entries (one per real-world event, with the articles that report it), derived
 * from every event of the corpus by a grouping function and stored with their sources.
 */
import type { Event, TimelineEntry, TimelineSource } from "../schema";
import type { Db } from "./db";
import { iterateEvents, toEvent } from "./events";

/**
 * A bucket: an event type and a year. Events cluster only with events of their type and
 * year, and disputes are only marked between entries of one type and year (see
 * lib/timeline/group.ts and disputes.ts), so the entries of a bucket depend on that
 * bucket's events alone: after a change, only the buckets it touched are grouped again.
 */
export const bucketKey = (type: string, date: string) => `${type}|${date.slice(0, 4)}`;

/** The buckets of an article's stored events (before they are replaced or removed). */
export function articleBuckets(db: Db, slug: string): string[] {
  const rows = db.prepare("SELECT DISTINCT type, substr(date, 1, 4) AS year FROM events WHERE article = ?").all(slug) as { type: string; year: string }[];
  return rows.map((r) => `${r.type}|${r.year}`);
}

/**
 * Replaces the timeline entries of the given buckets (every bucket when `buckets` is
 * undefined) with the entries `group` makes of their events.
 */
export function writeTimeline(db: Db, group: (events: readonly Event[]) => TimelineEntry[], buckets?: ReadonlySet<string>): number {
  const events: Event[] = [];
  if (!buckets) {
    for (const row of iterateEvents(db, {})) events.push(toEvent(row));
    db.exec("DELETE FROM timeline_sources; DELETE FROM timeline_entries;");
  } else {
    const remove = db.prepare("DELETE FROM timeline_entries WHERE type = ? AND date >= ? AND date < ?");
    for (const key of buckets) {
      const [type, year] = key.split("|");
      const next = String(Number(year) + 1);
      for (const row of iterateEvents(db, { type: type as Event["type"], dateFrom: year, dateBefore: next })) events.push(toEvent(row));
      remove.run(type, year, next);
    }
  }
  const entries = group(events);
  const entry = db.prepare(
    "INSERT INTO timeline_entries (id, date, date_end, precision, type, status, phase, tariff_layer, tariff_rate, tariff_target, summary, actors, officials, chemicals, disputed_with) VALUES (@id, @date, @date_end, @precision, @type, @status, @phase, @tariff_layer, @tariff_rate, @tariff_target, @summary, @actors, @officials, @chemicals, @disputed_with)",
  );
  const source = db.prepare("INSERT INTO timeline_sources (entry, position, article, event, sentence_text, sentence, offset_start, offset_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const e of entries) {
    entry.run({
      id: e.id,
      date: e.date,
      date_end: e.end ?? null,
      precision: e.precision,
      type: e.type,
      status: e.status,
      phase: e.phase ?? null,
      tariff_layer: e.tariff?.layer ?? null,
      tariff_rate: e.tariff?.rate ?? null,
      tariff_target: e.tariff?.target ?? null,
      summary: e.summary,
      actors: JSON.stringify(e.actors),
      officials: JSON.stringify(e.officials),
      chemicals: JSON.stringify(e.chemicals),
      disputed_with: JSON.stringify(e.disputedWith),
    });
    e.sources.forEach((s, i) => source.run(e.id, i, s.article, s.event, s.sentence, s.provenance.sentence, s.provenance.start, s.provenance.end));
  }
  return entries.length;
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

/** Timeline entries, newest first, with their sources. */
export function selectTimelineEntries(db: Db, page: { limit: number; offset: number } = { limit: -1, offset: 0 }): TimelineEntry[] {
  const rows = db
    .prepare(
      `SELECT t.*, (SELECT json_group_array(json_array(s.article, s.event, s.sentence_text, s.sentence, s.offset_start, s.offset_end)) FROM (SELECT * FROM timeline_sources WHERE entry = t.id ORDER BY position) s) AS sources
       FROM timeline_entries t ORDER BY t.date DESC, coalesce(t.date_end, '') DESC, t.type, t.id LIMIT ? OFFSET ?`,
    )
    .all(page.limit, page.offset) as EntryRow[];
  return rows.map((r) => ({
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
  }));
}

export function countTimelineEntries(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM timeline_entries").get() as { n: number }).n;
}
