/**
 * What the "Download CSV" and "Download JSON" links of a page export: the same filter and
 * the same query as the page, every row (not one page of them).
 */
import type { Corpus } from "../corpus";
import { EXPORT_KINDS, exportArticles, exportArticleSearch, exportTimeline, getActorRow, getChemicalRow, parseSearch, type ExportKind, type ExportRow } from "../store";
import { parseFilters, serializeFilters, type ParamsInput } from "../url-state";
import { eventFilter, knownIds } from "./events";

export interface ExportPlan {
  kind: ExportKind;
  rows: Iterable<ExportRow>;
  /** File name without extension. */
  fileBase: string;
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 80);

/** The timeline's entries under the URL's filters (invalid values fall back as on the page). */
export function timelineExport(corpus: Corpus, params: ParamsInput): ExportPlan {
  const { state } = parseFilters(params, knownIds(corpus));
  const query = serializeFilters({ ...state, page: 1, stack: undefined }).toString();
  return { kind: EXPORT_KINDS.timeline, rows: exportTimeline(corpus.db, eventFilter(state)), fileBase: `precursor-watch-timeline${query ? `-${slug(query)}` : ""}` };
}

/** Every timeline entry that names one chemical or actor, as its page lists them; undefined for an unknown id. */
export function entityExport(corpus: Corpus, kind: "chemical" | "actor", id: string): ExportPlan | undefined {
  const known = kind === "chemical" ? getChemicalRow(corpus.db, id) : getActorRow(corpus.db, id);
  if (!known) return undefined;
  return { kind: EXPORT_KINDS.timeline, rows: exportTimeline(corpus.db, kind === "chemical" ? { chemical: [id] } : { actor: [id] }), fileBase: `precursor-watch-timeline-${kind}-${slug(id)}` };
}

/** The articles list: every article, or those a search finds, best first. */
export function articleExport(corpus: Corpus, q: string | undefined): ExportPlan {
  const search = q?.trim() ? parseSearch(q) : undefined;
  const rows = search ? (search.ok ? exportArticleSearch(corpus.db, search.match) : []) : exportArticles(corpus.db, {});
  return { kind: EXPORT_KINDS.articles, rows, fileBase: `precursor-watch-articles${q?.trim() ? `-${slug(q)}` : ""}` };
}
