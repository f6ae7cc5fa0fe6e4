/** The overview page: counts, latest events and the control-status matrix. */
import { newsVolumeChart } from "../charts/builders";
import type { Corpus } from "../corpus";
import { formatPartialDate, formatShortDate } from "../format";
import type { ContentIssue } from "../schema";
import { DEFAULT_FILTERS } from "../url-state";
import { actorName, corpusIndex, firstDay } from "./corpus-index";
import { toEventView } from "./events";
import { actorHref, chemicalHref } from "./links";
import { memo, once } from "./memo";

/** Chemicals by jurisdiction: each cell the first date of control, linked to its source. */
const matrixCache = new WeakMap<Corpus, ReturnType<typeof buildControlMatrix>>();
export function controlMatrix(corpus: Corpus) {
  return once(matrixCache, corpus, buildControlMatrix);
}

function buildControlMatrix(corpus: Corpus) {
  const index = corpusIndex(corpus);
  const chemicals = corpus.registries.chemicals.chemicals.filter((c) => c.controls.length > 0);
  const perJurisdiction = new Map<string, number>();
  for (const c of chemicals) for (const j of new Set(c.controls.map((k) => k.jurisdiction))) perJurisdiction.set(j, (perJurisdiction.get(j) ?? 0) + 1);
  const jurisdictions = [...perJurisdiction.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, count]) => ({ id, name: actorName(index, id), href: actorHref(id), count }));
  const roleOrder = ["precursor", "pre-precursor", "reagent", "opioid", "other-drug"];
  const rows = chemicals
    .slice()
    .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.name.localeCompare(b.name))
    .map((c) => ({
      id: c.id,
      name: c.name,
      role: c.role,
      href: chemicalHref(c.id),
      cells: jurisdictions.map((j) => {
        const actions = c.controls
          .filter((k) => k.jurisdiction === j.id)
          .map((k) => ({ ...k, when: k.effective ?? k.announced }))
          .sort((a, b) => (a.when ? firstDay(a.when) : "9999").localeCompare(b.when ? firstDay(b.when) : "9999"));
        const first = actions[0];
        if (!first) return { jurisdiction: j.id, controlled: false as const };
        return {
          jurisdiction: j.id,
          controlled: true as const,
          date: first.when,
          dateLabel: first.when ? formatShortDate(first.when) : "date unknown",
          status: first.effective ? "in effect" : "announced",
          description: `${c.name} in ${j.name}: ${first.instrument}, ${first.effective ? `in effect ${formatPartialDate(first.effective)}` : first.announced ? `announced ${formatPartialDate(first.announced)}` : "date not recorded"}${actions.length > 1 ? ` (${actions.length} actions)` : ""}`,
          source: first.source,
          more: actions.length - 1,
        };
      }),
    }));
  return { jurisdictions, rows };
}
export type ControlMatrixView = ReturnType<typeof controlMatrix>;

/** The overview depends on the corpus alone: built once per corpus (and length of the latest list). */
export function getOverview(corpus: Corpus, latest = 6) {
  return memo(corpus, "overview", String(latest), 4, () => buildOverview(corpus, latest));
}

function buildOverview(corpus: Corpus, latest: number) {
  const index = corpusIndex(corpus);
  const people = [...index.actors.values()].filter((a) => a.kind === "person").length;
  const dates = corpus.articles.map((a) => a.article.date).sort();
  const errors = corpus.issues.filter((i) => i.severity === "error").length;
  return {
    counts: {
      articles: corpus.articles.length,
      events: index.events.length,
      chemicals: index.chemicals.size,
      organizations: index.actors.size - people,
      people,
      issues: corpus.issues.length,
      errors,
    },
    dateRange: dates.length ? { first: formatPartialDate(dates[0]), last: formatPartialDate(dates[dates.length - 1]) } : undefined,
    latestEvents: index.events.slice(0, latest).map((e) => toEventView(index, e.entry, e.event)),
    matrix: controlMatrix(corpus),
    volume: newsVolumeChart(corpus, DEFAULT_FILTERS),
  };
}
export type OverviewView = ReturnType<typeof buildOverview>;

export function listIssues(corpus: Corpus): { errors: number; warnings: number; issues: ContentIssue[] } {
  const issues = [...corpus.issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const errors = issues.filter((i) => i.severity === "error").length;
  return { errors, warnings: issues.length - errors, issues };
}
