/**
 * Measures one ingest of a folder in a fresh process: load, validate, extract, index.
 * Used by scripts/bench/run.ts; prints one JSON line.
 *   tsx scripts/bench/ingest.ts --dir <articles> [--cache <dir>]
 */
import { loadCorpus } from "../../lib/corpus";
import { allEvents } from "../../lib/queries";

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
  const events = allEvents(corpus).length;
  const end = performance.now();
  console.log(
    JSON.stringify({
      articles: corpus.articles.length,
      events,
      issues: corpus.issues.length,
      loadMs: Math.round(loaded - start),
      indexMs: Math.round(end - loaded),
      totalMs: Math.round(end - start),
      rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
