/**
 * Flags as users see them: the /flags page (by kind, filtered by kind, actor and
 * chemical, each flag linking to its sentence), the overview's count, and the markers on
 * timeline entries and article pages.
 */
import type { Corpus } from "../corpus";
import { FLAG_KIND_LABEL } from "../flags";
import { formatShortDate, plural } from "../format";
import { FlagKind, type Flag } from "../schema";
import { countFlags, countFlagsByKind, exportFlags, EXPORT_KINDS, flagFacet, flagsOfArticle, flagsOfEntries, namesOf, selectFlags, type FlagFilter } from "../store";
import { parseFilters, type ParamProblem, type ParamsInput } from "../url-state";
import type { ExportPlan } from "./exports";
import { knownIds } from "./events";
import { articleHref, exportLinks } from "./links";

export const FLAG_KIND_DESCRIPTION: Readonly<Record<FlagKind, string>> = {
  "out-of-its-time": "A title or role that did not hold on the article's date, read against the terms of office in the actor registry.",
  "against-the-registry": "A control dated otherwise than the registry's control history, or reported as done before the registry's date.",
  disputed: "Sources that give different dates, or different figures, for what is otherwise the same event.",
  "out-of-order": "Something reported as past that is dated after the article's own date.",
};

/** The anchor of a flag on the /flags page. */
export const flagAnchor = (id: string) => `flag-${id.replace(/[^A-Za-z0-9_-]+/g, "-")}`;

export function flagView(f: Flag) {
  return {
    id: f.id,
    anchor: flagAnchor(f.id),
    kind: f.kind,
    kindLabel: FLAG_KIND_LABEL[f.kind],
    severity: f.severity,
    text: f.text !== f.sentence ? f.text : undefined,
    message: f.message,
    reference: f.reference,
    href: articleHref(f.provenance.article, f.provenance.sentence),
    sentence: f.provenance.sentence,
  };
}
export type FlagView = ReturnType<typeof flagView>;

/** What the URL asks of the flags page: kind, actors and chemicals (unknown values are said and dropped). */
export function flagFilter(corpus: Corpus, params: ParamsInput): { filter: FlagFilter; problems: ParamProblem[]; query: URLSearchParams } {
  const { state, problems } = parseFilters(params, knownIds(corpus));
  const raw = params instanceof URLSearchParams ? params.get("kind") : [params.kind].flat()[0];
  const kind = raw ? FlagKind.safeParse(String(raw).toLowerCase()) : undefined;
  if (raw && !kind?.success) problems.push({ param: "kind", value: String(raw), message: `“${String(raw).slice(0, 40)}” is not a kind of flag: showing every kind.` });
  const filter: FlagFilter = { ...(kind?.success ? { kind: kind.data } : {}), actor: state.actor, chemical: state.chemical };
  const query = new URLSearchParams();
  if (filter.kind) query.set("kind", filter.kind);
  for (const a of state.actor) query.append("actor", a);
  for (const c of state.chemical) query.append("chemical", c);
  return { filter, problems: problems.filter((p) => ["kind", "actor", "chemical"].includes(p.param)), query };
}

export function getFlagsPage(corpus: Corpus, params: ParamsInput) {
  const { filter, problems, query } = flagFilter(corpus, params);
  const flags = selectFlags(corpus.db, filter);
  const byKind = countFlagsByKind(corpus.db, filter);
  const totalAll = countFlags(corpus.db);
  const actorCounts = flagFacet(corpus.db, "actors");
  const chemicalCounts = flagFacet(corpus.db, "chemicals");
  const actorNames = namesOf(corpus.db, "actors", [...actorCounts.keys()]);
  const chemicalNames = namesOf(corpus.db, "chemicals", [...chemicalCounts.keys()]);
  const option = (names: Map<string, string>, selected: readonly string[] = []) => (entry: [string, number]) => ({ id: entry[0], name: names.get(entry[0]) ?? entry[0], count: entry[1], selected: selected.includes(entry[0]) });
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const groups = FlagKind.options
    .map((kind) => ({
      kind,
      label: FLAG_KIND_LABEL[kind],
      description: FLAG_KIND_DESCRIPTION[kind],
      flags: flags
        .filter((f) => f.kind === kind)
        .map((f) => ({ ...flagView(f), article: { slug: f.provenance.article, title: f.articleTitle, dateLabel: formatShortDate(f.articleDate), date: f.articleDate } })),
    }))
    .filter((g) => g.flags.length > 0);
  return {
    total: flags.length,
    totalAll,
    summary:
      totalAll === 0
        ? "No flags: nothing in the articles contradicts the registries, their own dates or each other."
        : flags.length === totalAll
          ? `${plural(totalAll, "flag")} in the articles, by kind. Flags are warnings about the news; they never remove an article.`
          : `${plural(flags.length, "flag")} of ${totalAll.toLocaleString("en-US")} match the filters.`,
    problems,
    filters: {
      kind: filter.kind ?? "",
      kinds: FlagKind.options.map((k) => ({ value: k, label: FLAG_KIND_LABEL[k], count: byKind.get(k) ?? 0 })),
      actors: [...actorCounts.entries()].map(option(actorNames, filter.actor)).sort(byName),
      chemicals: [...chemicalCounts.entries()].map(option(chemicalNames, filter.chemical)).sort(byName),
      actor: filter.actor?.[0] ?? "",
      chemical: filter.chemical?.[0] ?? "",
      active: Boolean(filter.kind || filter.actor?.length || filter.chemical?.length),
    },
    groups,
    exports: exportLinks("flags", query),
  };
}
export type FlagsPageView = ReturnType<typeof getFlagsPage>;

/** The flags page's download: every flag its filters match. */
export function flagsExport(corpus: Corpus, params: ParamsInput): ExportPlan {
  const { filter, query } = flagFilter(corpus, params);
  const suffix = query.toString().toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 80);
  return { kind: EXPORT_KINDS.flags, rows: exportFlags(corpus.db, filter), fileBase: `precursor-watch-flags${suffix ? `-${suffix}` : ""}` };
}

export function flagCount(corpus: Corpus): number {
  return countFlags(corpus.db);
}

/** The marker of each timeline entry that has flags: how many, of which kinds, and their messages. */
export function entryFlagMarkers(corpus: Corpus, entryIds: readonly string[]) {
  const out = new Map<string, { count: number; label: string; href: string; flags: FlagView[] }>();
  for (const [id, flags] of flagsOfEntries(corpus.db, entryIds)) {
    const kinds = [...new Set(flags.map((f) => FLAG_KIND_LABEL[f.kind].toLowerCase()))].join(", ");
    out.set(id, { count: flags.length, label: `${plural(flags.length, "flag")}: ${kinds}`, href: `/flags#${flagAnchor(flags[0].id)}`, flags: flags.map(flagView) });
  }
  return out;
}

export function articleFlagViews(corpus: Corpus, slug: string): FlagView[] {
  return flagsOfArticle(corpus.db, slug).map(flagView);
}
