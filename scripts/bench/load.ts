/**
 * npm run load [-- --articles 10000 --connections 200 --seconds 20]
 * A bounded load test on loopback: serves a synthetic corpus with the production server,
 * sends `connections` concurrent connections to /timeline for `seconds` with autocannon,
 * samples the server's memory every second, and prints the figures. Stops by itself.
 */
import autocannon from "autocannon";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { get, startServer, stopServer, treeRssMb, waitForServer } from "./server";
import { writeSyntheticCorpus } from "./synthetic-corpus";

const root = path.resolve(__dirname, "..", "..");
function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const articles = numberArg("--articles", 10_000);
const connections = numberArg("--connections", 200);
const seconds = Math.min(numberArg("--seconds", 20), 120);
const PORT = 3211;

async function main() {
  const build = spawnSync(process.execPath, [path.join(root, "scripts", "build-if-needed.mjs")], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const work = mkdtempSync(path.join(os.tmpdir(), "pw-load-"));
  const server = (() => {
    process.stderr.write(`generating ${articles} articles\n`);
    writeSyntheticCorpus(path.join(work, "articles"), articles, 13);
    return startServer(path.join(work, "articles"), path.join(work, "corpus.sqlite"), PORT);
  })();
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const startMs = await waitForServer(base, 300_000);
    process.stderr.write(`server ready after ${(startMs / 1000).toFixed(1)} s; warming up\n`);
    for (let i = 0; i < 3; i++) await get(`${base}/timeline`);
    const rssBefore = treeRssMb(server.pid!);
    let rssMax = rssBefore;
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, treeRssMb(server.pid!))), 1000);
    const result = await autocannon({ url: `${base}/timeline`, connections, duration: seconds, timeout: 30 });
    clearInterval(sampler);
    const rssAfter = treeRssMb(server.pid!);
    const figures = {
      articles,
      connections,
      seconds,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      serverRssMb: { before: rssBefore, max: rssMax, after: rssAfter },
    };
    console.log(JSON.stringify(figures, null, 2));
    const ok = figures.errors === 0 && figures.timeouts === 0 && figures.non2xx === 0;
    console.log(ok ? "no errors" : "ERRORS: see above");
    process.exitCode = ok ? 0 : 1;
  } finally {
    await stopServer(server);
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
