/**
 * Disputed: sources that disagree, read from the timeline grouping.
 *
 * - Dates: entries the grouping marks as the same measure told with different days
 *   (`disputedWith`, lib/timeline/disputes.ts). Each side gets one flag per article that
 *   reports it, saying which date the other side gives.
 * - Figures: tariff entries of one day, phase, layer and target country that give
 *   different rates ("20%" and "10%" from the same day). The grouping keeps them apart
 *   (a rate is part of what a tariff is), so they are compared here. Only the named
 *   layers (fentanyl, reciprocal): "other" tariffs are often totals of several layers,
 *   which differ from a layer's rate on the same day without any dispute.
 *
 * Both are notices: one of the sources is wrong, the flag does not say which.
 */
import { formatPartialDate } from "../format";
import type { Flag, TimelineEntry } from "../schema";
import type { FlagDraft } from "./common";

function onePerArticle(entry: TimelineEntry) {
  const seen = new Set<string>();
  return entry.sources.filter((s) => !seen.has(s.article) && seen.add(s.article));
}

function flagsOf(entry: TimelineEntry, message: (article: string) => string): FlagDraft[] {
  return onePerArticle(entry).map((s) => ({
    kind: "disputed",
    severity: "notice",
    text: s.sentence,
    sentence: s.sentence,
    provenance: s.provenance,
    message: message(s.article),
    actors: entry.actors,
    chemicals: entry.chemicals,
    entry: entry.id,
  }));
}

/**
 * At most this many of the other side's dates, rates or articles are named in a message.
 * A widely reported event can have dozens of reports on the other side: every one named
 * made messages of over a thousand characters that no reader takes in (and, at 100,000
 * articles, a quarter of a gigabyte of flags). The entry's page lists every source.
 */
export const NAMED_AT_MOST = 3;

/** The first `NAMED_AT_MOST` items joined, and how many more there are. */
export function someOf(items: readonly string[], joiner: string): string {
  const named = items.slice(0, NAMED_AT_MOST).join(joiner);
  return items.length > NAMED_AT_MOST ? `${named}${joiner}${items.length - NAMED_AT_MOST} more` : named;
}

const others = (list: readonly TimelineEntry[]) => someOf([...new Set(list.flatMap((e) => e.sources.map((s) => s.article)))], ", ");

export function disputedDates(entries: readonly TimelineEntry[]): FlagDraft[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const out: FlagDraft[] = [];
  for (const entry of entries) {
    const rivals = entry.disputedWith.map((id) => byId.get(id)).filter((e): e is TimelineEntry => e !== undefined);
    if (rivals.length === 0) continue;
    const theirs = someOf([...new Set(rivals.map((r) => formatPartialDate(r.date, r.precision)))], " or ");
    out.push(...flagsOf(entry, () => `Dates this ${entry.type}${entry.phase ? ` (${entry.phase === "announced" ? "announcement" : "entry into force"})` : ""} to ${formatPartialDate(entry.date, entry.precision)}; other sources date the same event to ${theirs} (${others(rivals)}).`));
  }
  return out;
}

export function disputedFigures(entries: readonly TimelineEntry[]): FlagDraft[] {
  const groups = new Map<string, TimelineEntry[]>();
  for (const e of entries) {
    if (e.type !== "tariff" || e.precision !== "day" || e.end || !e.tariff || e.tariff.layer === "other" || e.tariff.rate === undefined || !e.tariff.target) continue;
    const key = [e.date, e.phase ?? "", e.tariff.layer, e.tariff.target].join("|");
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const out: FlagDraft[] = [];
  for (const group of groups.values()) {
    if (new Set(group.map((e) => e.tariff!.rate)).size < 2) continue;
    for (const entry of group) {
      const rivals = group.filter((e) => e.tariff!.rate !== entry.tariff!.rate);
      const rates = someOf([...new Set(rivals.map((r) => `${r.tariff!.rate}%`))], " or ");
      out.push(...flagsOf(entry, () => `Gives the tariff from ${formatPartialDate(entry.date, entry.precision)} as ${entry.tariff!.rate}%; other sources give ${rates} for the same day (${others(rivals)}).`));
    }
  }
  return out;
}

/** Ids of flags read from the timeline: `${entry}:${article}#${sentence}`. */
export function timelineFlagIds(drafts: readonly FlagDraft[]): Flag[] {
  const seen = new Map<string, number>();
  return drafts.map((d) => {
    const base = `${d.entry}:${d.provenance.article}#${d.provenance.sentence}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { id: n === 1 ? base : `${base}.${n}`, ...d };
  });
}
