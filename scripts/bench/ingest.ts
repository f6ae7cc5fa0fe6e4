/**
 * Measures one ingest of a folder in a fresh process: list, read, validate, extract and
 * write to the database, then derive the entity and timeline tables. Run twice on the same
 * database it measures an unchanged corpus. Used by scripts/bench/run.ts; prints one JSON line.
 *   tsx scripts/bench/ingest.ts --dir <articles> --database <file> [--version <build id>]
 * With the server's build id as version, the server then starts on an unchanged corpus.
 */
import { closeCorpora, lastIngest, loadCorpus } from "../../lib/corpus";
import { countAllEvents } from "../../lib/store";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const dir = arg("--dir");
  const database = arg("--database");
  if (!dir || !database) throw new Error("--dir and --database are required");
  const start = performance.now();
  const corpus = await loadCorpus({ articles: dir, database, version: arg("--version") ?? "bench", quiet: true });
  const end = performance.now();
  const result = lastIngest(database);
  console.log(
    JSON.stringify({
      articles: corpus.articleCount,
      events: countAllEvents(corpus.db),
      issues: corpus.issues.length,
      totalMs: Math.round(end - start),
      extracted: result?.extracted ?? 0,
      writeMs: Math.round(result?.ms.write ?? 0),
      waitingMs: Math.round(result?.ms.waitingForWorkers ?? 0),
      indexesMs: Math.round(result?.ms.indexes ?? 0),
      deriveMs: Math.round(result?.ms.derive ?? 0),
      timelineMs: Math.round(result?.ms.timeline ?? 0),
      rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    }),
  );
  closeCorpora();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
