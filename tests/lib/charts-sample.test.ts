/**
 * The charts of happenings on the sample corpus, against the fact sheet the sample briefs
 * were written from: the fentanyl-related tariff on Chinese goods was 10% from 4 February
 * 2025, 20% from 4 March 2025 and 10% again from 10 November 2025.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tariffChart } from "../../lib/charts/builders";
import { closeCorpora, loadCorpus, type Corpus } from "../../lib/corpus";
import { DEFAULT_FILTERS } from "../../lib/url-state";

const root = path.join(__dirname, "..", "..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "pw-sample-charts-"));
let corpus: Corpus;

beforeAll(async () => {
  corpus = await loadCorpus({ articles: path.join(root, "content", "articles"), registry: path.join(root, "content", "registry"), database: path.join(tmp, "db.sqlite"), quiet: true });
}, 120_000);

afterAll(() => {
  closeCorpora();
  rmSync(tmp, { recursive: true, force: true });
});

describe("tariff chart on the sample corpus", () => {
  it("steps exactly as the fentanyl tariff did: 10% from 2025-02-04, 20% from 2025-03-04, 10% from 2025-11-10", () => {
    const spec = tariffChart(corpus, DEFAULT_FILTERS);
    const inEffect = spec.categories.find((c) => !c.points)!;
    expect(inEffect.key).toBe("china");
    const column = spec.table.header.indexOf(inEffect.label);
    const steps: [string, number][] = [];
    for (const row of spec.table.rows) {
      const rate = row[column] as number | null;
      if (rate !== null && rate !== steps.at(-1)?.[1]) steps.push([row[0] as string, rate]);
    }
    expect(steps).toEqual([
      ["2025-02-04", 10],
      ["2025-03-04", 20],
      ["2025-11-10", 10],
    ]);
    // Announcements (the orders signed, the cut agreed in Busan) are marked apart.
    expect(spec.categories.some((c) => c.points)).toBe(true);
  });
});
