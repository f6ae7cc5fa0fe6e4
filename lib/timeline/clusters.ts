/**
 * Clusters of events that report one real-world happening, and the tests that decide
 * whether an event may join one. A cluster's first event is its most precise (events are
 * fed to clusters most precise first), so the cluster's date is its first event's date.
 */
import type { Event } from "../schema";
import { datesCompatible } from "./dates";

export interface Cluster {
  /** In the order they joined; the first is the most precise. */
  events: Event[];
  chemicals: Set<string>;
  actors: Set<string>;
  /**
   * The first phase and tariff layer a source gives: later sources must agree with them.
   * A source that gives none (the extractor could not tell) may join either kind, but the
   * lock keeps an announcement and an entry into force out of one cluster all the same.
   */
  phase?: Event["phase"];
  tariffLayer?: NonNullable<Event["tariff"]>["layer"];
  /** The first rate and target a tariff source gives: later sources must agree with them. */
  tariffRate?: number;
  tariffTarget?: string;
  /** The articles of its events (see `reportedBy`): a big story has thousands of events, and scanning them per candidate made grouping quadratic. */
  articles: Set<string>;
  /** Order of creation: the tie-break between equally good clusters. */
  order: number;
}

export function firstEvent(cluster: Cluster): Event {
  return cluster.events[0];
}

export function newCluster(event: Event, order: number): Cluster {
  const cluster: Cluster = { events: [], chemicals: new Set(), actors: new Set(), articles: new Set(), order };
  addToCluster(cluster, event);
  return cluster;
}

/**
 * The actors an event is about. A tariff's target country counts: "the duty on Chinese
 * goods rose to 20%" names no actor, yet it is about China as much as a sentence that
 * says "the United States raised its tariff on China".
 */
export function subjectActors(event: Event): readonly string[] {
  const target = event.tariff?.target;
  return target && !event.actors.includes(target) ? [...event.actors, target] : event.actors;
}

export function addToCluster(cluster: Cluster, event: Event): void {
  cluster.events.push(event);
  cluster.articles.add(event.provenance.article);
  for (const id of event.chemicals) cluster.chemicals.add(id);
  for (const id of subjectActors(event)) cluster.actors.add(id);
  cluster.phase ??= event.phase;
  cluster.tariffLayer ??= event.tariff?.layer;
  cluster.tariffRate ??= event.tariff?.rate;
  cluster.tariffTarget ??= event.tariff?.target;
}

/** Distinct ids of the list that the set holds. Lists are short: indexOf beats building a Set per call. */
function countShared(ids: readonly string[], set: ReadonlySet<string>): number {
  let shared = 0;
  ids.forEach((id, i) => {
    if (set.has(id) && ids.indexOf(id) === i) shared++;
  });
  return shared;
}

export function namesNothing(event: Event): boolean {
  return event.chemicals.length === 0 && subjectActors(event).length === 0;
}

function shareAny(a: readonly string[], b: readonly string[]): boolean {
  return a.some((id) => b.includes(id));
}

/**
 * Whether two events speak of the same things: if both name chemicals, the chemicals must
 * overlap (the same country controlling two different substances on one day is two
 * controls); otherwise the actors must (a tariff's target among them).
 *
 * Events that name nothing at all ("the cut takes effect on November 10") go only with
 * each other, and only with the very same date: nothing tells them apart, and two such
 * entries on one day would read as one event shown twice, but nothing ties a bare
 * "in July" to a bare "July 20" either.
 */
export function sharesSubject(a: Event, b: Event): boolean {
  if (namesNothing(a) || namesNothing(b)) return namesNothing(a) && namesNothing(b) && a.date === b.date && a.end === b.end;
  if (a.chemicals.length > 0 && b.chemicals.length > 0) return shareAny(a.chemicals, b.chemicals);
  return shareAny(subjectActors(a), subjectActors(b));
}

/** Equal when both are known; an unknown value agrees with anything. */
function agrees<T>(a: T | undefined, b: T | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/**
 * An announcement is never the day a measure takes effect; a tariff on another layer
 * (fentanyl, reciprocal), at another rate or on another country is another measure.
 */
function measureAgrees(event: Event, cluster: Cluster): boolean {
  return (
    agrees(event.phase, cluster.phase) &&
    agrees(event.tariff?.layer, cluster.tariffLayer) &&
    agrees(event.tariff?.rate, cluster.tariffRate) &&
    agrees(event.tariff?.target, cluster.tariffTarget)
  );
}

/**
 * Type and year are equal by construction (they are the bucket the cluster lives in);
 * what is left is the date, the phase and tariff, and the subject. The subject is
 * compared with the cluster's first event, not with everything its members named: a
 * union grows with every member and would let one sentence that names two measures
 * chain them into one entry.
 */
export function mayJoin(event: Event, cluster: Cluster): boolean {
  const first = firstEvent(cluster);
  return datesCompatible(event, first) && measureAgrees(event, cluster) && sharesSubject(event, first) && !reportedBy(cluster, event.provenance.article);
}

/** `mayJoin` without the subject test: for events that name nothing (see group.ts). */
export function mayJoinIgnoringSubject(event: Event, cluster: Cluster): boolean {
  return datesCompatible(event, firstEvent(cluster)) && measureAgrees(event, cluster) && !reportedBy(cluster, event.provenance.article);
}

/**
 * Whether an article already reports the cluster: the extractor has merged an article's
 * retellings of one happening, so two events it kept apart are two happenings.
 */
function reportedBy(cluster: Cluster, article: string): boolean {
  return cluster.articles.has(article);
}

/** How much the event and the cluster's members have in common: what picks between two clusters it may join. */
export function overlap(event: Event, cluster: Cluster): number {
  return countShared(event.chemicals, cluster.chemicals) + countShared(subjectActors(event), cluster.actors);
}

/**
 * The cluster to join: the most in common, then the first founded (which is also the most
 * precise: clusters are founded most precise first). `candidates` must come in founding
 * order; then the first cluster that shares everything the event names is the answer and
 * the scan stops there, which keeps a vague "in 2025, China ..." from reading every
 * China cluster of the year.
 */
export function bestCluster(event: Event, candidates: Iterable<Cluster>): Cluster | undefined {
  const most = new Set([...event.chemicals, ...subjectActors(event)]).size;
  let best: Cluster | undefined;
  let bestOverlap = -1;
  for (const cluster of candidates) {
    if (!mayJoin(event, cluster)) continue;
    const shared = overlap(event, cluster);
    if (shared > bestOverlap) {
      best = cluster;
      bestOverlap = shared;
      if (shared >= most) break;
    }
  }
  return best;
}
