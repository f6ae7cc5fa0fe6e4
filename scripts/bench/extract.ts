/**
 * npm run bench:extract [-- --count 1000]
 * Extraction speed on one core: generates a deterministic corpus of ~600-word articles in
 * memory, extracts each (after a warm-up), and prints the median and 95th percentile
 * milliseconds per article. Target: median at most 10 ms.
 */
import { parseArticleText } from "../../lib/content/article";
import { registryDir } from "../../lib/content/loader";
import { extractAll } from "../../lib/extract";
import { loadRegistries } from "../../lib/registry";
import { syntheticArticle } from "./synthetic-corpus";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const countArg = process.argv.indexOf("--count");
  const count = countArg > 0 ? Number(process.argv[countArg + 1]) : 1000;
  const { registries } = await loadRegistries(registryDir());
  const articles = Array.from({ length: count }, (_, i) => {
    const { file, content } = syntheticArticle(i, 7);
    const parsed = parseArticleText(file, content);
    if (!parsed.article) throw new Error(`synthetic article ${file} did not parse: ${JSON.stringify(parsed.issues)}`);
    return parsed.article;
  });
  const words = articles.reduce((n, a) => n + a.body.split(/\s+/).length, 0) / count;

  // Warm-up: let V8 compile the hot paths and the registry matchers get built.
  for (const a of articles.slice(0, 50)) extractAll(a.body, { slug: a.slug, date: a.date, registries });

  const times: number[] = [];
  let records = 0;
  for (const a of articles) {
    const start = process.hrtime.bigint();
    const result = extractAll(a.body, { slug: a.slug, date: a.date, registries });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    records += result.chemicals.length + result.dates.length + result.officials.length + result.statistics.length + result.events.length;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  const rows = [
    ["articles", String(count)],
    ["mean words per article", words.toFixed(0)],
    ["records per article", (records / count).toFixed(1)],
    ["median ms per article", percentile(sorted, 50).toFixed(2)],
    ["p95 ms per article", percentile(sorted, 95).toFixed(2)],
    ["max ms per article", sorted[sorted.length - 1].toFixed(2)],
    ["total s", (total / 1000).toFixed(2)],
  ];
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(Object.fromEntries(rows.map(([k, v]) => [k, Number(v)]))));
  } else {
    for (const [k, v] of rows) console.log(`${k.padEnd(26)} ${v}`);
    console.log(`target: median <= 10 ms: ${percentile(sorted, 50) <= 10 ? "met" : "MISSED"}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
