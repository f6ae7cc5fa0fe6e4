/**
 * npm run bench [-- --json] [-- --sizes 1000,10000,100000]
 * npm run bench -- --articles DIR --database FILE
 * Generates deterministic synthetic corpora and measures, for each size: the cold ingest
 * into the database (a fresh process, as a server's first start does it), the ingest of
 * the unchanged corpus, the production server's start to first page on that unchanged
 * corpus, time to first byte per page, HTML and first-load JavaScript, resident memory
 * after 200 requests, and the CSV export of every event of one chemical.
 * With --articles and --database it measures an existing folder and its database instead
 * (no corpus generated, no cold ingest; the database is brought in step with the folder
 * first, which reads nothing when it was written by this build): the server's figures for
 * a large corpus without its cold ingest each time.
 * Loopback only; every request loop is bounded.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { get, startServer, stopServer, treeRssMb, waitForServer, type Timing } from "./server";
import { writeSyntheticCorpus } from "./synthetic-corpus";

const root = path.resolve(__dirname, "..", "..");
const json = process.argv.includes("--json");
const argument = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const sizes = (argument("--sizes") ?? "1000,10000,100000").split(",").map(Number);
const PORT = Number(process.env.BENCH_PORT || 3210);
/** Requests per page: 8 pages, 200 requests in all before memory is read. */
const REQUESTS = 25;
const log = (message: string) => process.stderr.write(`${message}\n`);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

const jsSizeCache = new Map<string, number>();
async function firstLoadJsKb(base: string, html: string): Promise<number> {
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]))];
  let bytes = 0;
  for (const src of sources) {
    if (!jsSizeCache.has(src)) {
      const response = await get(new URL(src, base).toString());
      jsSizeCache.set(src, gzipSync(Buffer.from(response.body, "utf8")).length);
    }
    bytes += jsSizeCache.get(src)!;
  }
  return Math.round(bytes / 102.4) / 10;
}

interface IngestLine {
  articles: number;
  events: number;
  totalMs: number;
  extracted: number;
  writeMs: number;
  waitingMs: number;
  indexesMs: number;
  deriveMs: number;
  timelineMs: number;
  rssMb: number;
}

function ingest(dir: string, database: string, version: string): IngestLine {
  const result = spawnSync(process.execPath, ["--max-old-space-size=8192", path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(__dirname, "ingest.ts"), "--dir", dir, "--database", database, "--version", version], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`ingest failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop()!) as IngestLine;
}

async function measure(size: number, version: string) {
  const work = mkdtempSync(path.join(os.tmpdir(), `pw-bench-${size}-`));
  const content = path.join(work, "articles");
  const database = path.join(work, "corpus.sqlite");
  try {
    log(`[${size}] generating the corpus`);
    writeSyntheticCorpus(content, size, 11);

    log(`[${size}] cold ingest in a fresh process, then again on the unchanged corpus (load average ${os.loadavg()[0].toFixed(2)})`);
    const coldIngest = ingest(content, database, version);
    return await measureServer(content, database, version, coldIngest);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The unchanged corpus's ingest, and the server's figures, on a folder and its database. */
async function measureServer(content: string, database: string, version: string, coldIngest?: IngestLine) {
  const warmIngest = ingest(content, database, version);
  const size = warmIngest.articles;
  const databaseMb = Math.round(statSync(database).size / 1024 / 1024);

  log(`[${size}] server start on the unchanged corpus (load average ${os.loadavg()[0].toFixed(2)})`);
  const server = startServer(content, database, PORT);
  const warmStartMs = await waitForServer(`http://127.0.0.1:${PORT}`, 600_000);
  const base = `http://127.0.0.1:${PORT}`;

  // Real ids from the served pages, so every URL is one a user could open.
  const articlesHtml = (await get(`${base}/articles`)).body;
  const slug = /href="\/articles\/([^"?#]+)"/.exec(articlesHtml)?.[1] ?? "none";
  const pages: [string, string][] = [
    ["/", "/"],
    ["/timeline", "/timeline"],
    ["timeline 3 filters", "/timeline?actor=china&chemical=4-anpp&type=control"],
    ["timeline q", "/timeline?q=precursor+chemicals"],
    ["chemical page", "/chemicals/4-anpp"],
    ["actor page", "/actors/china"],
    ["article page", `/articles/${slug}`],
    ["/charts", "/charts"],
  ];
  const rows = [];
  for (const [name, url] of pages) {
    const ttfb: number[] = [];
    let last: Timing | undefined;
    for (let i = 0; i < REQUESTS; i++) {
      last = await get(`${base}${url}`);
      ttfb.push(last.ttfbMs);
    }
    rows.push({
      page: name,
      url,
      status: last!.status,
      // The first request computes the page; the others may be answered from the results
      // kept while the database is unchanged (lib/queries/memo.ts).
      ttfbFirstMs: Math.round(ttfb[0]),
      ttfbMedianMs: Math.round(percentile(ttfb, 50)),
      ttfbP95Ms: Math.round(percentile(ttfb, 95)),
      htmlKb: Math.round(last!.bytes / 102.4) / 10,
      firstLoadJsKbGzip: await firstLoadJsKb(base, last!.body),
    });
  }
  const serverRssMb = treeRssMb(server.pid!);

  const exportStart = performance.now();
  const csv = await get(`${base}/export/chemicals/4-anpp?format=csv`, 600_000);
  const exportMs = performance.now() - exportStart;
  const exportRows = csv.body.split("\r\n").length - 2;
  const afterExportRssMb = treeRssMb(server.pid!);
  await stopServer(server);
  return {
    articles: size,
    ingest: {
      cold: coldIngest && {
        totalS: coldIngest.totalMs / 1000,
        perArticleMs: +(coldIngest.totalMs / size).toFixed(2),
        writeS: coldIngest.writeMs / 1000,
        waitingS: coldIngest.waitingMs / 1000,
        indexesS: coldIngest.indexesMs / 1000,
        deriveS: coldIngest.deriveMs / 1000,
        timelineS: coldIngest.timelineMs / 1000,
        rssMb: coldIngest.rssMb,
      },
      warmTotalS: warmIngest.totalMs / 1000,
      events: warmIngest.events,
      databaseMb,
    },
    server: { warmStartS: +(warmStartMs / 1000).toFixed(2), rssMb: serverRssMb, afterExportRssMb },
    export: { chemical: "4-anpp", rows: exportRows, seconds: +(exportMs / 1000).toFixed(2), mb: Math.round(csv.bytes / 1024 / 102.4) / 10, status: csv.status },
    pages: rows,
  };
}

async function main() {
  const build = spawnSync(process.execPath, [path.join(root, "scripts", "build-if-needed.mjs")], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const version = readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8").trim();
  const results = [];
  const articles = argument("--articles");
  const database = argument("--database");
  if (articles || database) {
    if (!articles || !database) throw new Error("--articles and --database go together");
    const r = await measureServer(path.resolve(articles), path.resolve(database), version);
    results.push(r);
    if (!json) print(r);
  } else {
    for (const size of sizes) {
      const r = await measure(size, version);
      results.push(r);
      if (!json) print(r);
    }
  }
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 1024 ** 3), node: process.version };
  if (json) console.log(JSON.stringify({ machine, results }, null, 2));
  else console.log(`\nmachine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}; load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`);
}

function print(r: Awaited<ReturnType<typeof measure>>) {
  console.log(`\n== ${r.articles.toLocaleString("en-US")} articles (${r.ingest.events.toLocaleString("en-US")} events, database ${r.ingest.databaseMb} MB)`);
  const cold = r.ingest.cold;
  if (cold) {
    console.log(`cold ingest (read, validate, extract, write):  ${cold.totalS.toFixed(1)} s total, ${cold.perArticleMs} ms per article, ${cold.rssMb} MB resident at the end`);
    console.log(`  writing rows / waiting for extraction:       ${cold.writeS.toFixed(1)} s / ${cold.waitingS.toFixed(1)} s`);
    console.log(`  indexes / entity tables / timeline entries:  ${cold.indexesS.toFixed(2)} s / ${cold.deriveS.toFixed(2)} s / ${cold.timelineS.toFixed(2)} s`);
  } else {
    console.log("cold ingest:                                   not measured (an existing database)");
  }
  console.log(`ingest of the unchanged corpus:                ${r.ingest.warmTotalS.toFixed(2)} s`);
  console.log(`server start to first page, unchanged corpus:  ${r.server.warmStartS} s`);
  console.log(`server resident memory after 200 requests:     ${r.server.rssMb} MB (${r.server.afterExportRssMb} MB after the export)`);
  console.log(`CSV of every event of ${r.export.chemical}:               ${r.export.rows.toLocaleString("en-US")} rows, ${r.export.mb} MB, ${r.export.seconds} s (status ${r.export.status})`);
  console.log(`${"page".padEnd(20)} ${"status".padEnd(6)} ${"TTFB 1st".padStart(9)} ${"TTFB med".padStart(9)} ${"TTFB p95".padStart(9)} ${"HTML KB".padStart(8)} ${"JS KB gz".padStart(9)}`);
  for (const p of r.pages) {
    console.log(`${p.page.padEnd(20)} ${String(p.status).padEnd(6)} ${`${p.ttfbFirstMs} ms`.padStart(9)} ${`${p.ttfbMedianMs} ms`.padStart(9)} ${`${p.ttfbP95Ms} ms`.padStart(9)} ${String(p.htmlKb).padStart(8)} ${String(p.firstLoadJsKbGzip).padStart(9)}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
