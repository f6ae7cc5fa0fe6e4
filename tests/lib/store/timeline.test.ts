/** Timeline entries in the database: what groupTimeline makes of every stored event, kept in step. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticCorpus } from "../../../scripts/bench/synthetic-corpus";
import { closeCorpora, corpusArticles, loadCorpus, type Corpus } from "../../../lib/corpus";
import { countTimelineEntries, selectTimelineEntries, writeTimeline } from "../../../lib/store";
import { groupTimeline } from "../../../lib/timeline/group";

const tmp = mkdtempSync(path.join(os.tmpdir(), "pw-timeline-"));
const articles = path.join(tmp, "articles");
const options = () => ({ articles, registry: path.join(__dirname, "..", "..", "..", "content", "registry"), database: path.join(tmp, "db.sqlite"), quiet: true });
let corpus: Corpus;

beforeAll(async () => {
  writeSyntheticCorpus(articles, 40, 3);
  corpus = await loadCorpus(options());
});

afterAll(() => {
  closeCorpora();
  rmSync(tmp, { recursive: true, force: true });
});

const allEvents = (c: Corpus) => corpusArticles(c).flatMap((a) => a.extraction.events);
/** Stored entries against a grouping of every event from scratch, in the same order. */
function expectInStep(c: Corpus) {
  const expected = groupTimeline(allEvents(c));
  expect(selectTimelineEntries(c.db)).toEqual(expected);
}

describe("timeline entries", () => {
  it("are what groupTimeline makes of every stored event, in its order, with their sources", () => {
    const expected = groupTimeline(allEvents(corpus));
    expect(expected.length).toBeGreaterThan(0);
    expect(countTimelineEntries(corpus.db)).toBe(expected.length);
    expect(selectTimelineEntries(corpus.db)).toEqual(expected);
    expect(corpus.db.pragma("foreign_key_check")).toEqual([]);
  });

  it("keep every index of their tables after a full regroup (built again at the end, not kept up to date row by row)", () => {
    const indexes = () => corpus.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").all();
    const before = indexes();
    expect(before.some((i) => (i as { name: string }).name === "timeline_entries_order")).toBe(true);
    corpus.db.transaction(() => writeTimeline(corpus.db, groupTimeline))();
    expect(indexes()).toEqual(before);
    expect(corpus.db.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
    expect(selectTimelineEntries(corpus.db)).toEqual(groupTimeline(allEvents(corpus)));
    // Outside a transaction a run cut short could leave the tables without their indexes.
    expect(() => writeTimeline(corpus.db, groupTimeline)).toThrow(/inside a transaction/);
  });

  it("follow an article that is added, edited into another year and type, and deleted (only touched buckets regrouped)", async () => {
    const file = path.join(articles, "batch-00", "2025-06-01-added.md");
    writeFileSync(file, "---\ntitle: Added\ndate: 2025-06-01\nsource: Test\n---\nChina placed xylazine under national control on May 30, 2025.\n");
    corpus = await loadCorpus(options());
    const sources = corpus.db.prepare("SELECT count(*) FROM timeline_sources WHERE article = '2025-06-01-added'").pluck().get() as number;
    expect(sources).toBeGreaterThan(0);
    expectInStep(corpus);
    writeFileSync(file, "---\ntitle: Added\ndate: 2019-06-01\nsource: Test\n---\nCustoms officers seized 40 kilograms of 4-ANPP on May 3, 2019.\n");
    corpus = await loadCorpus(options());
    expectInStep(corpus);
    rmSync(file);
    corpus = await loadCorpus(options());
    expect(corpus.db.prepare("SELECT count(*) FROM timeline_sources WHERE article = '2025-06-01-added'").pluck().get()).toBe(0);
    expectInStep(corpus);
  });
});
