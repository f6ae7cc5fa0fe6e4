/**
 * From an article's full Extraction to the ArticleRecords the corpus keeps in memory,
 * and the compact form of those records in the corpus snapshot on disk.
 */
import type { Registries } from "./extract/context";
import type { ArticleDigest, ArticleRecords, Extraction } from "./schema";

const sentencesOf = (mentions: readonly { sentence: number }[]) => mentions.map((m) => m.sentence);

/** Everything queries across articles read; mention spans and dates are left out. */
export function toRecords(extraction: Extraction): ArticleRecords {
  return {
    chemicals: extraction.chemicals.map(({ mentions, provenance, ...rest }) => ({ ...rest, mentions: sentencesOf(mentions) })),
    officials: extraction.officials.map(({ mentions, provenance, ...rest }) => ({ ...rest, mentions: sentencesOf(mentions) })),
    actors: extraction.actors.map(({ mentions, provenance, ...rest }) => ({ ...rest, mentions: sentencesOf(mentions) })),
    statistics: extraction.statistics,
    quotes: extraction.quotes,
    events: extraction.events,
    dateCount: extraction.dates.length,
  };
}

/** Ids of two lists, each once, in order; the first list itself when it has no repeats. */
export function uniqueIds(a: string[], b: readonly string[] = []): string[] {
  if (b.length === 0 && !hasRepeats(a)) return a;
  return [...new Set([...a, ...b])];
}

function hasRepeats(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) if (list.lastIndexOf(list[i], i - 1) >= 0) return true;
  return false;
}

/**
 * What the corpus index reads of an article; events in the same order as the records'.
 * With `registries`, entities they describe carry only id, mentions and country: the
 * index takes their names from the registries.
 */
export function toDigest(records: ArticleRecords, registries?: Registries): ArticleDigest {
  const chemicalIds = new Set(registries?.chemicals.chemicals.map((c) => c.id));
  const actorIds = new Set(registries ? [...registries.actors.organizations.map((o) => o.id), ...registries.actors.people.map((p) => p.id)] : []);
  return {
    chemicals: { id: records.chemicals.map((c) => c.id), mentions: records.chemicals.map((c) => c.mentions.length) },
    actors: { id: records.actors.map((a) => a.id), mentions: records.actors.map((a) => a.mentions.length), country: records.actors.map((a) => a.country ?? null) },
    officials: { id: records.officials.map((o) => o.id), mentions: records.officials.map((o) => o.mentions.length), countryId: records.officials.map((o) => o.countryId ?? null) },
    described: {
      chemicals: records.chemicals.filter((c) => !chemicalIds.has(c.id)).map(({ mentions, ...info }) => info),
      actors: records.actors.filter((a) => !actorIds.has(a.id)).map(({ mentions, ...info }) => info),
      officials: records.officials.filter((o) => !actorIds.has(o.id)).map((o) => ({ id: o.id, name: o.name, countryId: o.countryId, registered: o.registered })),
    },
    events: {
      sentence: records.events.map((e) => e.provenance.sentence),
      date: records.events.map((e) => e.date),
      end: records.events.map((e) => e.end ?? null),
      type: records.events.map((e) => e.type),
      actors: records.events.map((e) => uniqueIds(e.actors, e.officials).join(" ")),
      chemicals: records.events.map((e) => uniqueIds(e.chemicals).join(" ")),
    },
    counts: { dates: records.dateCount, statistics: records.statistics.length, quotes: records.quotes.length },
  };
}

/** How often an article names `id`, from one or more digest entity columns. */
export function mentionsOf(id: string, ...columns: { id: string[]; mentions: number[] }[]): number {
  let n = 0;
  for (const c of columns) for (let i = 0; i < c.id.length; i++) if (c.id[i] === id) n += c.mentions[i];
  return n;
}

/** The ids of a digest's joined id string ("" holds none). */
export function splitIds(joined: string): string[] {
  return joined ? joined.split(" ") : NONE;
}

/** Shared by every event without ids of a kind; frozen, so a stray push throws. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Cheap structural check of a stored digest; anything else is re-extracted, never trusted. */
export function looksLikeDigest(value: unknown): value is ArticleDigest {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  const entities = ["chemicals", "actors", "officials"].map((key) => v[key] as { id?: unknown; mentions?: unknown } | null);
  if (!entities.every((e) => e && Array.isArray(e.id) && Array.isArray(e.mentions))) return false;
  if (!v.described || typeof v.described !== "object" || typeof v.counts !== "object" || v.counts === null) return false;
  const events = v.events as Record<string, unknown> | null;
  if (!events || typeof events !== "object") return false;
  const columns = ["sentence", "date", "end", "type", "actors", "chemicals"].map((key) => events[key]);
  return columns.every((c) => Array.isArray(c) && c.length === (columns[0] as unknown[]).length);
}

/**
 * Records are stored as they are. Leaving out the slug that every provenance repeats made
 * the file a fifth smaller, but copying every record to do so made saving a 10,000-article
 * snapshot three times slower, and records lines are parsed in the background anyway.
 */
const LISTS = ["chemicals", "officials", "actors", "statistics", "quotes", "events"] as const;

/** Cheap structural check of stored records; anything else is re-extracted, never trusted. */
export function looksLikeRecords(value: unknown): value is ArticleRecords {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return LISTS.every((key) => Array.isArray(v[key])) && typeof v.dateCount === "number";
}
