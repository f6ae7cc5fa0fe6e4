/**
 * Page results kept while the database's content stays the same (lib/queries/memo.ts):
 * a repeated request is answered from memory, and an edited folder is seen on the next load.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeCorpora, loadCorpus } from "../../../lib/corpus";
import { getChemical, getTimeline } from "../../../lib/queries";
import { memo, MEMO_LIMIT } from "../../../lib/queries/memo";
import { DEFAULT_FILTERS } from "../../../lib/url-state";

const tmp = mkdtempSync(path.join(os.tmpdir(), "pw-memo-"));
const articles = path.join(tmp, "articles");
const registry = path.join(__dirname, "..", "..", "..", "content", "registry");
const load = () => loadCorpus({ articles, registry, database: path.join(tmp, "db.sqlite"), quiet: true, workers: 0 });

afterAll(() => {
  closeCorpora();
  rmSync(tmp, { recursive: true, force: true });
});

describe("kept page results", () => {
  it("answers a repeated request from memory and sees a change on the next load", async () => {
    mkdirSync(articles);
    copyFileSync(path.join(__dirname, "..", "..", "fixtures", "valid", "2024-08-07-china-adds-three-precursors.md"), path.join(articles, "a.md"));
    const first = await load();
    const timeline = getTimeline(first, DEFAULT_FILTERS);
    expect(getTimeline(first, DEFAULT_FILTERS)).toBe(timeline);
    expect(getTimeline(first, { ...DEFAULT_FILTERS, type: "control" })).not.toBe(timeline);
    const chemical = getChemical(first, "4-anpp");

    writeFileSync(path.join(articles, "b.md"), "---\ntitle: Mexico seizes 4-ANPP\ndate: 2025-05-02\nsource: Test Wire\n---\nMexico seized 40 kilograms of 4-ANPP on May 1, 2025, the navy said.\n");
    const second = await load();
    expect(second.signature).not.toBe(first.signature);
    const after = getTimeline(second, DEFAULT_FILTERS);
    expect(after).not.toBe(timeline);
    expect(after.total).toBeGreaterThan(timeline.total);
    expect(getChemical(second, "4-anpp")!.counts.articles).toBe(chemical!.counts.articles + 1);
    // Unchanged folder: the same corpus, the same results.
    expect(await load()).toBe(second);
    expect(getTimeline(second, DEFAULT_FILTERS)).toBe(after);
  });

  it("keeps at most MEMO_LIMIT results, dropping the least recently used", async () => {
    const corpus = await load();
    let computed = 0;
    const get = (i: number) => memo(corpus, ["test", i], () => ({ i, n: ++computed }));
    const kept = get(0);
    for (let i = 1; i < MEMO_LIMIT; i++) get(i);
    expect(get(0)).toBe(kept); // used again: now the most recent
    get(MEMO_LIMIT); // one too many: 1 goes, not 0
    expect(get(0)).toBe(kept);
    const before = computed;
    get(1);
    expect(computed).toBe(before + 1);
  });
});
