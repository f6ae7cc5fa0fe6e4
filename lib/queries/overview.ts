/** The overview page: counts, latest timeline entries and the control-status matrix. */
import { newsVolumeChart } from "../charts/builders";
import type { Corpus } from "../corpus";
import { formatPartialDate, formatShortDate } from "../format";
import { CONTENT_PROBLEMS } from "../content/issues";
import { ContentIssueKind, type ContentIssue } from "../schema";
import { DEFAULT_FILTERS } from "../url-state";
import { firstDay } from "../dates";
import { corpusTotals, entityCounts, namesOf, selectTimelineEntries } from "../store";
import { entryViews } from "./timeline";
import { actorHref, chemicalHref } from "./links";
import { memo } from "./memo";

/** Chemicals by jurisdiction: each cell the first date of control, linked to its source. */
export function controlMatrix(corpus: Corpus) {
  const chemicals = corpus.registries.chemicals.chemicals.filter((c) => c.controls.length > 0);
  const perJurisdiction = new Map<string, number>();
  for (const c of chemicals) for (const j of new Set(c.controls.map((k) => k.jurisdiction))) perJurisdiction.set(j, (perJurisdiction.get(j) ?? 0) + 1);
  const names = namesOf(corpus.db, "actors", [...perJurisdiction.keys()]);
  const actorName = (id: string) => names.get(id) ?? id;
  const jurisdictions = [...perJurisdiction.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, count]) => ({ id, name: actorName(id), href: actorHref(id), count }));
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

export function getOverview(corpus: Corpus, latest = 6) {
  return memo(corpus, ["overview", latest], () => getOverviewUncached(corpus, latest));
}

function getOverviewUncached(corpus: Corpus, latest = 6) {
  const { people, actors, chemicals } = entityCounts(corpus.db);
  const totals = corpusTotals(corpus.db);
  const errors = corpus.issues.filter((i) => i.severity === "error").length;
  return {
    counts: {
      articles: totals.articles,
      /** Timeline entries: each real-world event once, however many articles report it. */
      events: totals.timelineEntries,
      chemicals,
      organizations: actors - people,
      people,
      issues: corpus.issues.length,
      errors,
      /** Warnings about what articles say (issue 14). */
      flags: totals.flags,
    },
    dateRange: totals.firstDate && totals.lastDate ? { first: formatPartialDate(totals.firstDate), last: formatPartialDate(totals.lastDate) } : undefined,
    latestEntries: entryViews(corpus, selectTimelineEntries(corpus.db, {}, { limit: latest, offset: 0 })),
    matrix: controlMatrix(corpus),
    volume: newsVolumeChart(corpus, DEFAULT_FILTERS),
  };
}
export type OverviewView = ReturnType<typeof getOverview>;

/**
 * Every content problem, grouped by kind in the catalogue's order (errors first), each
 * group headed by the catalogue's title, and within it by file and line.
 */
export function listIssues(corpus: Corpus) {
  const issues = [...corpus.issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const errors = issues.filter((i) => i.severity === "error").length;
  const byKind = new Map<ContentIssueKind, ContentIssue[]>();
  for (const issue of issues) byKind.set(issue.kind, [...(byKind.get(issue.kind) ?? []), issue]);
  const order = ContentIssueKind.options;
  const groups = [...byKind.entries()]
    .map(([kind, list]) => ({ kind, title: CONTENT_PROBLEMS[kind].title, severity: CONTENT_PROBLEMS[kind].severity, issues: list }))
    .sort((a, b) => (a.severity === b.severity ? order.indexOf(a.kind) - order.indexOf(b.kind) : a.severity === "error" ? -1 : 1));
  return { errors, warnings: issues.length - errors, total: issues.length, groups };
}
