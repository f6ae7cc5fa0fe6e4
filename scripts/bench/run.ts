/**
 * npm run bench [-- --json] [-- --sizes 1000,10000]
 * Generates deterministic synthetic corpora, serves each with the production server
 * through CONTENT_DIR, and prints what it costs: ingest, cold and warm start, server
 * memory, time to first byte per page, HTML bytes and first-load JavaScript per route.
 * Loopback only; every request loop is bounded.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { get, startServer, stopServer, treeRssMb, waitForServer, type Timing } from "./server";
import { writeSyntheticCorpus } from "./synthetic-corpus";

const root = path.resolve(__dirname, "..", "..");
const json = process.argv.includes("--json");
const sizesArg = process.argv.indexOf("--sizes");
const sizes = sizesArg > 0 ? process.argv[sizesArg + 1].split(",").map(Number) : [1000, 10000];
const PORT = 3210;
const REQUESTS = 20;
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

function ingest(dir: string, database: string) {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(__dirname, "ingest.ts"), "--dir", dir, "--database", database], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`ingest failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop()!) as { articles: number; events: number; totalMs: number; extracted: number; deriveMs: number; timelineMs: number; rssMb: number };
}

async function measure(size: number) {
  const work = mkdtempSync(path.join(os.tmpdir(), `pw-bench-${size}-`));
  const content = path.join(work, "articles");
  try {
    log(`[${size}] generating the corpus`);
    writeSyntheticCorpus(content, size, 11);

    log(`[${size}] ingest in a fresh process (cold, then again on the unchanged corpus)`);
    const coldIngest = ingest(content, path.join(work, "ingest.sqlite"));
    const warmIngest = ingest(content, path.join(work, "ingest.sqlite"));

    log(`[${size}] server cold start`);
    const serverCache = path.join(work, "server-cache");
    let server = startServer(content, serverCache, PORT);
    const coldStartMs = await waitForServer(`http://127.0.0.1:${PORT}`, 300_000);
    await stopServer(server);
    log(`[${size}] server warm start`);
    server = startServer(content, serverCache, PORT);
    const warmStartMs = await waitForServer(`http://127.0.0.1:${PORT}`, 300_000);
    const base = `http://127.0.0.1:${PORT}`;

    // Pick real ids from the served pages so every URL is one a user could open.
    const articlesHtml = (await get(`${base}/articles`)).body;
    const slug = /href="\/articles\/([^"?#]+)"/.exec(articlesHtml)?.[1] ?? "none";
    const pages: [string, string][] = [
      ["/", "/"],
      ["/timeline", "/timeline"],
      ["/timeline filtered", "/timeline?chemical=4-anpp&actor=china"],
      ["chemical page", "/chemicals/4-anpp"],
      ["actor page", "/actors/china"],
      ["article page", `/articles/${slug}`],
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
        ttfbMedianMs: Math.round(percentile(ttfb, 50)),
        ttfbP95Ms: Math.round(percentile(ttfb, 95)),
        htmlKb: Math.round(last!.bytes / 102.4) / 10,
        firstLoadJsKbGzip: await firstLoadJsKb(base, last!.body),
      });
    }
    const serverRssMb = treeRssMb(server.pid!);
    await stopServer(server);
    return {
      articles: size,
      ingest: {
        coldTotalS: coldIngest.totalMs / 1000,
        coldPerArticleMs: +(coldIngest.totalMs / size).toFixed(2),
        deriveS: coldIngest.deriveMs / 1000,
        warmTotalS: warmIngest.totalMs / 1000,
        events: coldIngest.events,
      },
      server: { coldStartS: +(coldStartMs / 1000).toFixed(2), warmStartS: +(warmStartMs / 1000).toFixed(2), rssMb: serverRssMb },
      pages: rows,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  const build = spawnSync(process.execPath, [path.join(root, "scripts", "build-if-needed.mjs")], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const results = [];
  for (const size of sizes) results.push(await measure(size));
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 1024 ** 3), node: process.version };
  if (json) {
    console.log(JSON.stringify({ machine, results }, null, 2));
    return;
  }
  console.log(`machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}`);
  for (const r of results) {
    console.log(`\n== ${r.articles.toLocaleString("en-US")} articles (${r.ingest.events.toLocaleString("en-US")} events)`);
    console.log(`cold ingest (read, validate, extract, write): ${r.ingest.coldTotalS.toFixed(1)} s total, ${r.ingest.coldPerArticleMs} ms per article`);
    console.log(`  of which entity tables derived:            ${r.ingest.deriveS.toFixed(2)} s`);
    console.log(`ingest of the unchanged corpus (stat only):  ${r.ingest.warmTotalS.toFixed(2)} s`);
    console.log(`server cold start to first page:             ${r.server.coldStartS} s`);
    console.log(`server warm start to first page:             ${r.server.warmStartS} s`);
    console.log(`server resident memory after load:           ${r.server.rssMb} MB`);
    console.log(`${"page".padEnd(20)} ${"status".padEnd(6)} ${"TTFB med".padStart(9)} ${"TTFB p95".padStart(9)} ${"HTML KB".padStart(8)} ${"JS KB gz".padStart(9)}`);
    for (const p of r.pages) {
      console.log(`${p.page.padEnd(20)} ${String(p.status).padEnd(6)} ${`${p.ttfbMedianMs} ms`.padStart(9)} ${`${p.ttfbP95Ms} ms`.padStart(9)} ${String(p.htmlKb).padStart(8)} ${String(p.firstLoadJsKbGzip).padStart(9)}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
