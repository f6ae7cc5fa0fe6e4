/**
 * Queries: the only way pages read the corpus. Each returns a plain, serialisable view
 * model; reshaping records into what a page shows happens in lib/queries/*, never in
 * components. They read the database through lib/store and hold no state of their own.
 */
export { ARTICLES_PER_PAGE, articleHighlights, getArticleList, getArticleView, listArticles, RECORD_KINDS, summarizeArticle } from "./articles";
export type { ArticleListView, ArticleSummary, ArticleView } from "./articles";
export { ENTITY_LIST_LIMIT, getActor, getChemical, listActors, listChemicals } from "./entities";
export type { ActorSummary, ActorView, ChemicalSummary, ChemicalView } from "./entities";
export { allEvents, eventFilter, eventViews, filterEvents, filterPanel, knownIds, MAX_OPTIONS, PAGE_SIZE, pageLinks, searchProblem, toEventView } from "./events";
export type { EventView, FilterPanelView } from "./events";
export { entriesNaming, entryAnchor, entryViews, getTimeline, tariffLabel, toEntryView } from "./timeline";
export type { EntryView, TimelineView } from "./timeline";
export { actorHref, articleHref, chemicalHref, exportLinks } from "./links";
export type { ExportLinks } from "./links";
export { articleExport, entityExport, timelineExport } from "./exports";
export { controlMatrix, getOverview, listIssues } from "./overview";
export type { ControlMatrixView, OverviewView } from "./overview";
export { articleFlagViews, entryFlagMarkers, flagAnchor, flagCount, flagsExport, getFlagsPage, FLAG_KIND_DESCRIPTION } from "./flags";
export type { FlagsPageView, FlagView } from "./flags";
