/**
 * The corpus across restarts: each "process" is a fresh copy of lib/ (vi.resetModules),
 * so nothing survives in memory and only the disk cache and snapshot carry over.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Corpus } from "../../lib/corpus";

const fixtures = path.join(__dirname, "..", "fixtures", "valid");
const registry = path.join(__dirname, "..", "..", "content", "registry");

/** Every "process" of a test, so its pending snapshot saves run before the folder goes. */
const processes: { flushCorpusSnapshots(): boolean }[] = [];

async function freshProcess() {
  vi.resetModules();
  const corpus = await import("../../lib/corpus");
  processes.push(corpus);
  const snapshot = await import("../../lib/cache/corpus-snapshot");
  const queries = await import("../../lib/queries");
  return { ...corpus, ...snapshot, ...queries };
}

/** Everything a page can read of a corpus, as plain data. */
function contents(corpus: Corpus) {
  return corpus.articles.map((a) => ({ article: a.article, digest: a.digest, records: a.records, extraction: a.extraction() }));
}

describe("loadCorpus with a disk cache", () => {
  let work: string;
  let articles: string;
  let cache: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(os.tmpdir(), "pw-corpus-"));
    articles = path.join(work, "articles");
    cache = path.join(work, "cache");
    cpSync(fixtures, articles, { recursive: true });
  });
  afterEach(() => {
    for (const p of processes.splice(0)) p.flushCorpusSnapshots();
    rmSync(work, { recursive: true, force: true });
  });

  const options = () => ({ articles, registry, diskCache: { dir: cache, version: "test-build" } });

  it("restarts from its snapshot with the same corpus, without reading unchanged files", async () => {
    // A whole-second mtime, so that setting it again below gives the very same stamp.
    const file = path.join(articles, "2024-08-07-china-adds-three-precursors.md");
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const first = await freshProcess();
    const cold = await first.loadCorpus(options());
    const before = JSON.parse(JSON.stringify(contents(cold)));
    const timeline = first.getTimeline(cold, { actor: [], chemical: [], page: 1, stack: "jurisdiction" });
    expect(first.flushCorpusSnapshots()).toBe(true);
    expect(existsSync(first.snapshotPath(cache, articles))).toBe(true);

    // Same size and mtime, other bytes: a file that is not read keeps its snapshot version.
    writeFileSync(file, readFileSync(file, "utf8").replace("China", "Chine"));
    utimesSync(file, 1_700_000_000, 1_700_000_000);

    const second = await freshProcess();
    const warm = await second.loadCorpus(options());
    expect(warm.articles.map((a) => a.article.slug)).toEqual(cold.articles.map((a) => a.article.slug));
    // The index is built from digests; its timeline matches the cold one.
    expect(second.getTimeline(warm, { actor: [], chemical: [], page: 1, stack: "jurisdiction" })).toEqual(timeline);
    expect(JSON.parse(JSON.stringify(contents(warm)))).toEqual(before);
  });

  it("saves its snapshot by itself a little after a load, as a server does", { timeout: 20_000 }, async () => {
    const first = await freshProcess();
    const cold = await first.loadCorpus(options());
    const file = first.snapshotPath(cache, articles);
    for (let waited = 0; !existsSync(file) && waited < 15_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(file)).toBe(true);
    const snapshot = first.readSnapshot(file, { version: "test-build", root: articles })!;
    expect([...snapshot.entries.values()].filter((e) => e.records?.()).map((e) => e.parsed.article?.slug).sort()).toEqual(cold.articles.map((a) => a.article.slug).sort());
  });

  it("puts the save off while pages keep asking for the corpus", { timeout: 30_000 }, async () => {
    const first = await freshProcess();
    await first.loadCorpus(options());
    const file = first.snapshotPath(cache, articles);
    // Busy: a load every 300 ms for 4 s, twice the save's delay.
    for (let t = 0; t < 4_000; t += 300) {
      await first.loadCorpus(options());
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(existsSync(file)).toBe(false);
    for (let waited = 0; !existsSync(file) && waited < 15_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(file)).toBe(true);
  });

  it("reads a changed file again and keeps everything else", async () => {
    const first = await freshProcess();
    await first.loadCorpus(options());
    first.flushCorpusSnapshots();

    const file = path.join(articles, "2024-08-07-china-adds-three-precursors.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: A new title for this brief"));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));

    const second = await freshProcess();
    const warm = await second.loadCorpus(options());
    expect(warm.bySlug.get("2024-08-07-china-adds-three-precursors")?.article.title).toBe("A new title for this brief");
    expect(warm.articles).toHaveLength(2);
  });

  it("survives a snapshot that is garbage: same corpus, extracted again", async () => {
    const first = await freshProcess();
    const before = JSON.parse(JSON.stringify(contents(await first.loadCorpus(options()))));
    first.flushCorpusSnapshots();
    writeFileSync(first.snapshotPath(cache, articles), "\u0000garbage\n{\"format\":1}\n");
    // And no cached extraction either: everything is rebuilt from the files.
    for (const entry of readdirSync(cache)) if (!entry.startsWith("corpus-")) rmSync(path.join(cache, entry), { recursive: true, force: true });

    const second = await freshProcess();
    expect(JSON.parse(JSON.stringify(contents(await second.loadCorpus(options()))))).toEqual(before);
  });

  it("does not reuse records made with other registries", async () => {
    const first = await freshProcess();
    await first.loadCorpus(options());
    first.flushCorpusSnapshots();

    const emptyRegistry = path.join(work, "registry");
    cpSync(registry, emptyRegistry, { recursive: true });
    writeFileSync(path.join(emptyRegistry, "chemicals.yaml"), "chemicals: []\n");
    const second = await freshProcess();
    const corpus = await second.loadCorpus({ ...options(), registry: emptyRegistry });
    const registered = corpus.articles.flatMap((a) => a.records.chemicals.filter((c) => c.registered));
    expect(registered).toEqual([]);
  });
});
