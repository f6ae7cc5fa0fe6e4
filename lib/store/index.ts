/**
 * The store: every article and record of one articles folder in an SQLite database
 * (better-sqlite3, WAL). SQL lives in this folder only; lib/queries reads through the
 * functions exported here and shapes view models; pages never see SQL.
 */
export { getMeta, openDatabase, recallRegistries, rememberRegistries, type Db, type OpenedDatabase } from "./db";
export { countAllEvents, countBy, countEvents, iterateEvents, markedSentences, selectEvents, toEvent, whereOf, type EventFilter, type EventRow, type Where } from "./events";
export { ingest, ingestParallel, isInStep, listingStamp, writeExtractions, type IngestOptions, type IngestResult } from "./ingest";
export { SCHEMA_VERSION } from "./migrations";
export * from "./read";
export { parseSearch, type SearchQuery } from "./search";
export { countEntriesBy, countTimelineEntries, entryWhereOf, iterateTimelineEntries, markedSourceSentences, selectTimelineEntries, writeTimeline } from "./timeline";
export { EXPORT_KINDS, exportArticles, exportArticleSearch, exportEvents, exportFlags, exportRecords, exportTimeline, type ExportKind, type ExportKindName, type ExportRow, type ExportValue } from "./export";
export { countFlags, countFlagsByKind, flagFacet, flagsOfArticle, flagsOfEntries, selectFlags, type FlagFilter, type FlagListRow } from "./flags";
