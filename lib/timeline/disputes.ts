/**
 * Disputed dates: two day-precise entries for what is otherwise one measure (the same
 * type, phase, chemicals or tariff, and actors, in one year) that sources date to
 * different days, say July 1 and July 20. They stay two entries, each naming the other,
 * so a reader sees the disagreement instead of a silent pick.
 *
 * Only measures: two seizures or arrests in one month are normally two happenings. And
 * only days at most a month apart: a measure often passes through several steps of one
 * phase in a year (proposed, adopted, published; a tariff imposed at 10% in February
 * and cut back to 10% in October), and steps months apart are not a disagreement over
 * one date, while sources that disagree give nearby days.
 */
import type { EventType, TimelineEntry } from "../schema";
import { dayNumber, parseIsoDay, yearOf } from "../dates";

const MEASURES: ReadonlySet<EventType> = new Set(["control", "tariff", "sanction"]);

/** The farthest apart two days given for one measure can be and still read as a dispute. */
export const DISPUTE_WINDOW_DAYS = 31;



const sortedKey = (ids: readonly string[]) => [...new Set(ids)].sort().join(",");

/**
 * What two entries must share to be one measure told with two dates; undefined when the
 * entry cannot be disputed. A control or sanction needs its chemicals (without them,
 * "China acted" on two days is no evidence of one act); a tariff needs its layer and rate,
 * because the same layer moves to new rates during a year (10%, then 20%).
 */
function measureSignature(entry: TimelineEntry): string | undefined {
  if (!MEASURES.has(entry.type) || entry.precision !== "day" || entry.end) return undefined;
  let what: string;
  if (entry.type === "tariff") {
    if (!entry.tariff || entry.tariff.rate === undefined) return undefined;
    what = `${entry.tariff.layer}@${entry.tariff.rate}>${entry.tariff.target ?? ""}`;
  } else {
    if (entry.chemicals.length === 0) return undefined;
    what = sortedKey(entry.chemicals);
  }
  return [entry.type, entry.phase ?? "", yearOf(entry.date), sortedKey(entry.actors), what].join("|");
}

/** Tariff entries of one layer, phase, year and target: the steps a rate went through. */
function tariffTrackKey(entry: TimelineEntry): string | undefined {
  if (entry.type !== "tariff" || !entry.tariff || entry.precision !== "day" || entry.end) return undefined;
  return [entry.phase ?? "", yearOf(entry.date), entry.tariff.layer, entry.tariff.target ?? ""].join("|");
}

/**
 * A tariff that went back to an earlier rate (10%, 20%, then 10% again) is two steps,
 * not a dispute: some entry of the same track with another rate lies between them.
 */
function separatedByAnotherRate(a: TimelineEntry, b: TimelineEntry, track: readonly TimelineEntry[]): boolean {
  const [from, to] = a.date < b.date ? [a.date, b.date] : [b.date, a.date];
  return track.some((x) => x.date > from && x.date < to && x.tariff?.rate !== undefined && x.tariff.rate !== a.tariff?.rate);
}

function groupBy(entries: readonly TimelineEntry[], keyOf: (entry: TimelineEntry) => string | undefined): Map<string, TimelineEntry[]> {
  const groups = new Map<string, TimelineEntry[]>();
  for (const entry of entries) {
    const key = keyOf(entry);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return groups;
}

/**
 * Fills `disputedWith` in place. Within one measure's group the entries are sorted by
 * day, and each is compared only with those up to DISPUTE_WINDOW_DAYS later: a group of a
 * busy measure can hold hundreds of day entries in a year, and comparing every pair of
 * them was the slowest part of grouping a large corpus.
 */
export function markDisputes(entries: readonly TimelineEntry[]): void {
  const tracks = groupBy(entries, tariffTrackKey);
  for (const group of groupBy(entries, measureSignature).values()) {
    const days = new Map(group.map((e) => [e, dayNumber(parseIsoDay(e.date))]));
    const byDay = [...group].sort((a, b) => days.get(a)! - days.get(b)!);
    for (let i = 0; i < byDay.length; i++) {
      const a = byDay[i];
      for (let j = i + 1; j < byDay.length && days.get(byDay[j])! - days.get(a)! <= DISPUTE_WINDOW_DAYS; j++) {
        const b = byDay[j];
        if (a.date === b.date) continue;
        // Entries of one group share their tariff rate (it is part of the signature), so the test is symmetric.
        if (a.type === "tariff" && separatedByAnotherRate(a, b, tracks.get(tariffTrackKey(a) ?? "") ?? [])) continue;
        a.disputedWith.push(b.id);
        b.disputedWith.push(a.id);
      }
    }
  }
  for (const entry of entries) entry.disputedWith.sort();
}
