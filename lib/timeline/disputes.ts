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
import { yearOf } from "../dates";

const MEASURES: ReadonlySet<EventType> = new Set(["control", "tariff", "sanction"]);

/** The farthest apart two days given for one measure can be and still read as a dispute. */
export const DISPUTE_WINDOW_DAYS = 31;

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

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
 * Fills `disputedWith` in place. Groups are small (one measure's day entries in one
 * year), so comparing within a group costs little; across groups nothing is compared.
 */
export function markDisputes(entries: readonly TimelineEntry[]): void {
  const tracks = groupBy(entries, tariffTrackKey);
  for (const group of groupBy(entries, measureSignature).values()) {
    for (const a of group) {
      for (const b of group) {
        if (a === b || a.date === b.date || daysBetween(a.date, b.date) > DISPUTE_WINDOW_DAYS) continue;
        const track = tracks.get(tariffTrackKey(a) ?? "") ?? [];
        if (a.type === "tariff" && separatedByAnotherRate(a, b, track)) continue;
        a.disputedWith.push(b.id);
      }
    }
  }
  for (const entry of entries) entry.disputedWith.sort();
}
