/**
 * Flags: warnings about what an article says, read against the registries, its own date
 * and the other articles. Pure functions; the store writes their results at ingest.
 *
 * - `articleFlags`: out of its time, against the registry, out of order. They depend on
 *   one article (and the registries) only, so they are computed when it is extracted.
 * - `timelineFlags`: disputed dates and figures. They depend on the timeline grouping,
 *   so they are computed again whenever the entries concerned are regrouped.
 */
import type { Registries } from "../extract/context";
import type { Extraction, Flag, FlagKind, IsoDay, TimelineEntry } from "../schema";
import { readArticle, withIds } from "./common";
import { disputedDates, disputedFigures, timelineFlagIds } from "./disputes";
import { outOfOrder } from "./order";
import { againstTheRegistry } from "./registry";
import { outOfItsTime } from "./time";

export const FLAG_KIND_LABEL: Readonly<Record<FlagKind, string>> = {
  "out-of-its-time": "Out of its time",
  "against-the-registry": "Against the registry",
  disputed: "Disputed",
  "out-of-order": "Out of order",
};

export function articleFlags(article: { slug: string; date: IsoDay; body: string }, extraction: Extraction, registries: Registries): Flag[] {
  const read = readArticle(article);
  const drafts = [
    ...outOfItsTime(read, extraction.officials, extraction.dates, registries.actors),
    ...againstTheRegistry(read, extraction, registries.chemicals, registries.actors),
    ...outOfOrder(read, extraction.events, extraction.dates),
  ].sort((a, b) => a.provenance.start - b.provenance.start || a.kind.localeCompare(b.kind));
  return withIds(drafts);
}

export function timelineFlags(entries: readonly TimelineEntry[]): Flag[] {
  return timelineFlagIds([...disputedDates(entries), ...disputedFigures(entries)]);
}
