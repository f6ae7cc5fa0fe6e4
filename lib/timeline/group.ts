/**
 * The timeline: one entry per real-world event, however many articles and sentences
 * report it. Events are the same happening when they have the same type and phase (an
 * announcement never merges with the day it takes effect), the same tariff layer, dates
 * that agree (the same day, or a month or year that contains it), and a shared subject
 * (chemicals when both name some, otherwise actors).
 *
 * Cost: events are bucketed by type, phase, tariff layer and year, and inside a bucket
 * looked up by date or by what they name, so an event is only compared with the few
 * clusters it could join; the whole runs in O(n log n) for the sort plus the size of
 * those candidate lists, never all pairs of the corpus.
 *
 * Deterministic: events are put in one canonical order first, so the same events in any
 * input order give the same entries, ids and order.
 */
import type { Event, TimelineEntry, TimelineSource } from "../schema";
import { addToCluster, bestCluster, firstEvent, newCluster, type Cluster } from "./clusters";
import { cutTo, PRECISION_RANK, yearOf } from "./dates";
import { markDisputes } from "./disputes";
import { summarise } from "./summary";

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Most precise first, so a cluster is founded by its most precise event and a month or
 * year event finds the day clusters already there; then a total order on the event.
 */
export function compareEvents(a: Event, b: Event): number {
  return (
    PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision] ||
    compareText(a.date, b.date) ||
    compareText(a.end ?? "", b.end ?? "") ||
    compareText(a.provenance.article, b.provenance.article) ||
    a.provenance.start - b.provenance.start ||
    a.provenance.end - b.provenance.end ||
    compareText(a.id, b.id) ||
    compareText(a.type, b.type) ||
    compareText(a.sentence, b.sentence) ||
    compareText(JSON.stringify([a.actors, a.chemicals, a.officials, a.tariff, a.phase, a.status]), JSON.stringify([b.actors, b.chemicals, b.officials, b.tariff, b.phase, b.status]))
  );
}

/** What must be equal for two events to be one: type, phase, tariff layer, year, and range or not. */
function bucketOf(event: Event): string {
  const range = event.end ? `range:${yearOf(event.end)}` : "single";
  return [event.type, event.phase ?? "", event.tariff?.layer ?? "", yearOf(event.date), range].join("|");
}

/**
 * Index keys a cluster is found under. A day event looks for clusters of its day; a month
 * event for clusters in its month; a year event (its bucket is already the year) for
 * clusters that share a chemical or an actor, since without one it may join none
 * (unless it names nothing, and then only a cluster of the same year-date).
 */
function keysOfCluster(cluster: Cluster): string[] {
  const first = firstEvent(cluster);
  if (first.end) return ["range"];
  const keys = [`date:${first.date}`];
  if (first.precision !== "year") keys.push(`month:${cutTo(first.date, "month")}`);
  return keys;
}

function lookupKeys(event: Event): string[] {
  if (event.end) return ["range"];
  if (event.precision === "day") return [`date:${event.date}`];
  if (event.precision === "month") return [`month:${event.date}`];
  const names = [...new Set([...event.chemicals, ...event.actors])];
  // An event that names nothing joins only a cluster of its own date (see sharesSubject).
  return names.length ? names.map((id) => `has:${id}`) : [`date:${event.date}`];
}

/** Clusters by bucket and key; a Set per key keeps insertion order and adds in O(1). */
class ClusterIndex {
  private readonly sets = new Map<string, Set<Cluster>>();

  add(bucket: string, key: string, cluster: Cluster): void {
    const id = `${bucket}\u0000${key}`;
    const set = this.sets.get(id);
    if (set) set.add(cluster);
    else this.sets.set(id, new Set([cluster]));
  }

  *candidates(bucket: string, keys: readonly string[]): Iterable<Cluster> {
    const seen = new Set<Cluster>();
    for (const key of keys) {
      for (const cluster of this.sets.get(`${bucket}\u0000${key}`) ?? []) {
        if (seen.has(cluster)) continue;
        seen.add(cluster);
        yield cluster;
      }
    }
  }
}

/** Registers the cluster's date keys and everything it names, after it was made or grew. */
function indexCluster(index: ClusterIndex, bucket: string, cluster: Cluster, event: Event): void {
  for (const key of keysOfCluster(cluster)) index.add(bucket, key, cluster);
  for (const id of [...event.chemicals, ...event.actors]) index.add(bucket, `has:${id}`, cluster);
}

/** Clusters in the order they were founded (most precise first, then by date). */
export function clusterEvents(events: readonly Event[]): Cluster[] {
  const ordered = [...events].sort(compareEvents);
  const index = new ClusterIndex();
  const clusters: Cluster[] = [];
  for (const event of ordered) {
    const bucket = bucketOf(event);
    let cluster = bestCluster(event, index.candidates(bucket, lookupKeys(event)));
    if (cluster) addToCluster(cluster, event);
    else {
      cluster = newCluster(event, clusters.length);
      clusters.push(cluster);
    }
    indexCluster(index, bucket, cluster, event);
  }
  return clusters;
}

const unique = (lists: readonly (readonly string[])[]) => [...new Set(lists.flat())];

function toSource(event: Event): TimelineSource {
  return { article: event.provenance.article, event: event.id, sentence: event.sentence, provenance: event.provenance };
}

function tariffOf(events: readonly Event[]): TimelineEntry["tariff"] {
  const withTariff = events.filter((e) => e.tariff);
  if (withTariff.length === 0) return undefined;
  const rate = withTariff.find((e) => e.tariff?.rate !== undefined)?.tariff?.rate;
  const target = withTariff.find((e) => e.tariff?.target !== undefined)?.tariff?.target;
  return { layer: withTariff[0].tariff!.layer, ...(rate !== undefined && { rate }), ...(target !== undefined && { target }) };
}

function toEntry(cluster: Cluster): TimelineEntry {
  const events = [...cluster.events].sort(compareEvents);
  const first = events[0];
  const mostPrecise = events.filter((e) => e.precision === first.precision);
  const tariff = tariffOf(events);
  return {
    id: `${first.date}-${first.type}-${first.id}`,
    date: first.date,
    ...(first.end && { end: first.end }),
    precision: first.precision,
    type: first.type,
    status: events.every((e) => e.status === "scheduled") ? "scheduled" : "past",
    ...(first.phase && { phase: first.phase }),
    ...(tariff && { tariff }),
    summary: summarise(mostPrecise.map((e) => e.sentence)),
    actors: unique(events.map((e) => e.actors)),
    officials: unique(events.map((e) => e.officials)),
    chemicals: unique(events.map((e) => e.chemicals)),
    sources: events.map(toSource),
    disputedWith: [],
  };
}

/** Ids are unique by construction unless two inputs share an event id; then a suffix tells them apart. */
function makeIdsUnique(entries: TimelineEntry[]): void {
  const seen = new Map<string, number>();
  for (const entry of entries) {
    const count = (seen.get(entry.id) ?? 0) + 1;
    seen.set(entry.id, count);
    if (count > 1) entry.id = `${entry.id}~${count}`;
  }
}

/** Newest first: by date (a month after the days it contains), then range end, type and id. */
export function compareEntriesNewestFirst(a: TimelineEntry, b: TimelineEntry): number {
  return compareText(b.date, a.date) || compareText(b.end ?? "", a.end ?? "") || compareText(a.type, b.type) || compareText(a.id, b.id);
}

/**
 * The timeline of a set of events, newest first (see `compareEntriesNewestFirst`).
 * Pure: the events are not changed.
 */
export function groupTimeline(events: readonly Event[]): TimelineEntry[] {
  const entries = clusterEvents(events).map(toEntry);
  makeIdsUnique(entries);
  markDisputes(entries);
  return entries.sort(compareEntriesNewestFirst);
}
