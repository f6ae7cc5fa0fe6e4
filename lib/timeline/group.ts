/**
 * The timeline: one entry per real-world event, however many articles and sentences
 * report it. Events are the same happening when they have the same type, phase (an
 * announcement never merges with the day it takes effect) and tariff layer, dates that
 * agree (the same day, or a month or year that contains it), and a shared subject
 * (chemicals when both name some, otherwise actors). See clusters.ts for the details.
 *
 * Cost: events are bucketed by type and year, and inside a bucket looked up by their
 * day, month or year together with a chemical or actor they name, so an event is only
 * compared with the clusters it could join: O(n log n) for the sort plus the size of
 * those candidate lists, never all pairs of the corpus.
 *
 * Deterministic: events are put in one canonical order first, so the same events in any
 * input order give the same entries, ids and order.
 */
import type { Event, TimelineEntry, TimelineSource } from "../schema";
import { addToCluster, bestCluster, firstEvent, mayJoinIgnoringSubject, namesNothing, newCluster, subjectActors, type Cluster } from "./clusters";
import { cutTo, PRECISION_RANK, yearOf } from "../dates";
import { markDisputes } from "./disputes";
import { summarise } from "./summary";
import { compareText } from "../text/compare";

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

/**
 * What must be equal for two events to be one, and cheap to key on: type, year, and range
 * or not. Phase and tariff layer must agree too, but an event that gives none may join
 * either kind (see `mayJoin`), so they cannot be part of the key.
 */
function bucketOf(event: Event): string {
  const range = event.end ? `range:${yearOf(event.end)}` : "single";
  return [event.type, yearOf(event.date), range].join("|");
}

/**
 * Where a cluster can be found inside its bucket: by its day, its month and its year (the
 * bucket's year), or among the bucket's ranges. A day event looks in its day, a month
 * event in its month (days included), a year event in the whole year.
 */
function scopesOfCluster(first: Event): string[] {
  if (first.end) return ["range"];
  if (first.precision === "year") return ["year"];
  return [`date:${first.date}`, `month:${cutTo(first.date, "month")}`, "year"];
}

function scopeOfEvent(event: Event): string {
  if (event.end) return "range";
  if (event.precision === "day") return `date:${event.date}`;
  if (event.precision === "month") return `month:${event.date}`;
  return "year";
}

/**
 * The subject keys a cluster is found under: those of its first event, since an event
 * must share its subject with that one (see `mayJoin`). An actor is listed twice, once
 * for events that name no chemical (any shared actor will do) and, when the first event
 * names no chemical either, once for events that do (their chemicals cannot be compared).
 */
function subjectKeysOfCluster(first: Event): string[] {
  if (namesNothing(first)) return ["bare"];
  const keys = first.chemicals.map((id) => `chemical:${id}`);
  for (const id of subjectActors(first)) {
    keys.push(`actor:${id}`);
    if (first.chemicals.length === 0) keys.push(`actor-of-chemical-less:${id}`);
  }
  // An extractor may list an id twice; the index files a cluster once per key.
  return [...new Set(keys)];
}

/** The subject keys an event looks up: exactly the clusters whose first event shares its subject. */
function subjectKeysOfEvent(event: Event): string[] {
  if (namesNothing(event)) return ["bare"];
  const actors = subjectActors(event);
  if (event.chemicals.length === 0) return actors.map((id) => `actor:${id}`);
  return [...event.chemicals.map((id) => `chemical:${id}`), ...actors.map((id) => `actor-of-chemical-less:${id}`)];
}

const NONE: readonly Cluster[] = [];

/**
 * Clusters by bucket, then by scope and subject key, in the order they were founded, so
 * lookups are deterministic. Each cluster is filed once per key, when it is founded (its
 * first event never changes), so plain arrays do: most keys hold one cluster, and a Set
 * per key cost more in memory and collection than the whole grouping.
 */
class ClusterIndex {
  private readonly buckets = new Map<string, Map<string, Cluster[]>>();

  add(bucket: string, key: string, cluster: Cluster): void {
    let keys = this.buckets.get(bucket);
    if (!keys) this.buckets.set(bucket, (keys = new Map()));
    const list = keys.get(key);
    if (list) list.push(cluster);
    else keys.set(key, [cluster]);
  }

  /** The clusters filed under any of the keys, once each, in founding order (see `bestCluster`). */
  candidates(bucket: string, keys: readonly string[]): Iterable<Cluster> {
    const byKey = this.buckets.get(bucket);
    if (!byKey) return NONE;
    const lists = keys.map((key) => byKey.get(key) ?? NONE).filter((list) => list.length > 0);
    return lists.length <= 1 ? (lists[0] ?? NONE) : mergeByOrder(lists);
  }
}

/** Merges lists sorted by founding order into one, without repeats; there are a few lists (one per subject). */
function* mergeByOrder(lists: readonly (readonly Cluster[])[]): Generator<Cluster> {
  const next = lists.map(() => 0);
  let last = -1;
  for (;;) {
    let pick = -1;
    for (let i = 0; i < lists.length; i++) {
      if (next[i] < lists[i].length && (pick < 0 || lists[i][next[i]].order < lists[pick][next[pick]].order)) pick = i;
    }
    if (pick < 0) return;
    const cluster = lists[pick][next[pick]++];
    if (cluster.order !== last) yield cluster;
    last = cluster.order;
  }
}

function indexCluster(index: ClusterIndex, bucket: string, cluster: Cluster): void {
  const first = firstEvent(cluster);
  for (const scope of scopesOfCluster(first)) for (const key of subjectKeysOfCluster(first)) index.add(bucket, `${scope}|${key}`, cluster);
}

function lookupKeys(event: Event): string[] {
  const scope = scopeOfEvent(event);
  return subjectKeysOfEvent(event).map((key) => `${scope}|${key}`);
}

/** Clusters in the order they were founded (most precise first, then by date). */
export function clusterEvents(events: readonly Event[]): Cluster[] {
  const ordered = [...events].sort(compareEvents);
  const index = new ClusterIndex();
  const clusters: Cluster[] = [];
  for (const event of ordered) {
    const bucket = bucketOf(event);
    const cluster = bestCluster(event, index.candidates(bucket, lookupKeys(event)));
    if (cluster) addToCluster(cluster, event);
    else {
      const founded = newCluster(event, clusters.length);
      clusters.push(founded);
      indexCluster(index, bucket, founded);
    }
  }
  return foldBareClusters(clusters);
}

/**
 * A cluster of events that name nothing ("The truce was first agreed in Geneva on May 12")
 * joins the one cluster of its type that names something on that very day, when there is
 * exactly one and it agrees on the measure: nothing tells them apart, and two cards for
 * one day would read as one event shown twice. With two or more candidates it stays apart.
 */
function foldBareClusters(clusters: Cluster[]): Cluster[] {
  const named = new Map<string, Cluster[]>();
  const key = (e: Event) => `${e.type}|${e.date}|${e.end ?? ""}`;
  for (const c of clusters) {
    const first = firstEvent(c);
    if (first.precision !== "day" || namesNothing(first)) continue;
    named.set(key(first), [...(named.get(key(first)) ?? []), c]);
  }
  const folded = new Set<Cluster>();
  for (const c of clusters) {
    const first = firstEvent(c);
    if (first.precision !== "day" || !namesNothing(first)) continue;
    const candidates = named.get(key(first)) ?? [];
    if (candidates.length !== 1) continue;
    const [host] = candidates;
    if (!c.events.every((e) => mayJoinIgnoringSubject(e, host))) continue;
    for (const e of c.events) addToCluster(host, e);
    folded.add(c);
  }
  return folded.size ? clusters.filter((c) => !folded.has(c)) : clusters;
}

const unique = (lists: readonly (readonly string[])[]) => [...new Set(lists.flat())];

function toSource(event: Event): TimelineSource {
  return { article: event.provenance.article, event: event.id, sentence: event.sentence, provenance: event.provenance };
}

/** The tariff the sources agree on (see `mayJoin`): each part from the first source that gives it. */
function tariffOf(events: readonly Event[]): TimelineEntry["tariff"] {
  const layer = events.find((e) => e.tariff)?.tariff?.layer;
  if (!layer) return undefined;
  const rate = events.find((e) => e.tariff?.rate !== undefined)?.tariff?.rate;
  const target = events.find((e) => e.tariff?.target !== undefined)?.tariff?.target;
  return { layer, ...(rate !== undefined && { rate }), ...(target !== undefined && { target }) };
}

function toEntry(cluster: Cluster): TimelineEntry {
  const events = [...cluster.events].sort(compareEvents);
  const first = events[0];
  const mostPrecise = events.filter((e) => e.precision === first.precision);
  const tariff = tariffOf(events);
  const phase = events.find((e) => e.phase)?.phase;
  return {
    id: `${first.date}-${first.type}-${first.id}`,
    date: first.date,
    ...(first.end && { end: first.end }),
    precision: first.precision,
    type: first.type,
    status: events.every((e) => e.status === "scheduled") ? "scheduled" : "past",
    ...(phase && { phase }),
    ...(tariff && { tariff }),
    summary: summarise(
      mostPrecise.map((e) => e.sentence),
      mostPrecise.map((e) => e.chemicals.length + e.actors.length),
    ),
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
