/**
 * Clusters of events that report one real-world happening, and the tests that decide
 * whether an event may join one. A cluster's first event is its most precise (events are
 * fed to clusters most precise first), so the cluster's date is its first event's date.
 */
import type { Event } from "../schema";
import { datesCompatible, PRECISION_RANK } from "./dates";

export interface Cluster {
  /** In the order they joined; the first is the most precise. */
  events: Event[];
  chemicals: Set<string>;
  actors: Set<string>;
  /** The first rate and target a tariff source gives: later sources must agree with them. */
  tariffRate?: number;
  tariffTarget?: string;
  /** Order of creation: the tie-break between equally good clusters. */
  order: number;
}

export function firstEvent(cluster: Cluster): Event {
  return cluster.events[0];
}

export function newCluster(event: Event, order: number): Cluster {
  const cluster: Cluster = { events: [], chemicals: new Set(), actors: new Set(), order };
  addToCluster(cluster, event);
  return cluster;
}

export function addToCluster(cluster: Cluster, event: Event): void {
  cluster.events.push(event);
  for (const id of event.chemicals) cluster.chemicals.add(id);
  for (const id of event.actors) cluster.actors.add(id);
  cluster.tariffRate ??= event.tariff?.rate;
  cluster.tariffTarget ??= event.tariff?.target;
}

function countShared(ids: readonly string[], set: ReadonlySet<string>): number {
  let shared = 0;
  for (const id of new Set(ids)) if (set.has(id)) shared++;
  return shared;
}

function namesNothing(event: Event): boolean {
  return event.chemicals.length === 0 && event.actors.length === 0;
}

/**
 * Whether the event speaks of the same things as the cluster: if both name chemicals,
 * the chemicals must overlap (the same country controlling two different substances on
 * one day is two controls); otherwise the actors must.
 *
 * Events that name nothing at all ("the cut takes effect on November 10") join only
 * clusters that name nothing either, and only with the very same date: nothing tells
 * them apart, and two such entries on one day would read as one event shown twice, but
 * nothing ties a bare "in July" to a bare "July 20" either.
 */
export function sharesSubject(event: Event, cluster: Cluster): boolean {
  if (namesNothing(event)) {
    const first = firstEvent(cluster);
    return cluster.chemicals.size === 0 && cluster.actors.size === 0 && first.date === event.date && first.end === event.end;
  }
  if (event.chemicals.length > 0 && cluster.chemicals.size > 0) return countShared(event.chemicals, cluster.chemicals) > 0;
  return countShared(event.actors, cluster.actors) > 0;
}

/** A tariff that names another rate or another target country is another measure. */
function tariffAgrees(event: Event, cluster: Cluster): boolean {
  const rate = event.tariff?.rate;
  const target = event.tariff?.target;
  if (rate !== undefined && cluster.tariffRate !== undefined && rate !== cluster.tariffRate) return false;
  return target === undefined || cluster.tariffTarget === undefined || target === cluster.tariffTarget;
}

/**
 * Type, phase and tariff layer are equal by construction (they are the bucket the
 * cluster lives in); what is left is the date, the tariff's rate and target, and the subject.
 */
export function mayJoin(event: Event, cluster: Cluster): boolean {
  return datesCompatible(event, firstEvent(cluster)) && tariffAgrees(event, cluster) && sharesSubject(event, cluster);
}

/** How much the event and the cluster have in common: what picks between two clusters it may join. */
export function overlap(event: Event, cluster: Cluster): number {
  return countShared(event.chemicals, cluster.chemicals) + countShared(event.actors, cluster.actors);
}

/** The cluster to join: most in common, then the most precise, then the oldest. */
export function bestCluster(event: Event, candidates: Iterable<Cluster>): Cluster | undefined {
  let best: Cluster | undefined;
  let bestOverlap = -1;
  for (const cluster of candidates) {
    if (!mayJoin(event, cluster)) continue;
    const shared = overlap(event, cluster);
    const better =
      !best ||
      shared > bestOverlap ||
      (shared === bestOverlap &&
        (PRECISION_RANK[firstEvent(cluster).precision] - PRECISION_RANK[firstEvent(best).precision] || cluster.order - best.order) < 0);
    if (better) {
      best = cluster;
      bestOverlap = shared;
    }
  }
  return best;
}
