/**
 * Measures one ingest of a folder in a fresh process: load, validate, extract, index; then
 * the time until every article's records are parsed, and the time to save the snapshot.
 * Used by scripts/bench/run.ts; prints one JSON line.
 *   tsx scripts/bench/ingest.ts --dir <articles> [--cache <dir>]
 */
import { flushCorpusSnapshots, loadCorpus } from "../../lib/corpus";
import { corpusIndex } from "../../lib/queries";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const dir = arg("--dir");
  if (!dir) throw new Error("--dir is required");
  const cache = arg("--cache");
  const start = performance.now();
  const corpus = await loadCorpus({ articles: dir, diskCache: cache ? { dir: cache, version: "bench" } : undefined });
  const loaded = performance.now();
  const events = corpusIndex(corpus).events.length;
  const end = performance.now();
  // After a warm start the records behind the digests are parsed in the background;
  // this is when every one of them is in memory (a text search or chart needs them all).
  for (const entry of corpus.articles) void entry.records;
  const recordsReady = performance.now();
  // Saved after the measurement, as a server saves it after its first page.
  flushCorpusSnapshots();
  const saved = performance.now();
  console.log(
    JSON.stringify({
      articles: corpus.articles.length,
      events,
      issues: corpus.issues.length,
      loadMs: Math.round(loaded - start),
      indexMs: Math.round(end - loaded),
      totalMs: Math.round(end - start),
      recordsMs: Math.round(recordsReady - end),
      snapshotMs: Math.round(saved - recordsReady),
      rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
