import { describe, expect, it } from "vitest";
import { corpusArticle, corpusOf } from "../../lib/corpus";
import { exportChunks, exportReadme } from "../../lib/export";
import { EMPTY_REGISTRIES } from "../../lib/extract/context";
import { articleExport, entityExport, timelineExport } from "../../lib/queries";
import type { Event } from "../../lib/schema";
import { EXPORT_KINDS } from "../../lib/store";

const prov = (article: string, sentence: number) => ({ article, sentence, start: 0, end: 5 });
const event = (article: string, sentence: number, fields: Partial<Event>): Event => ({ id: `${article}#${sentence}`, date: "2024-05-01", precision: "day", type: "control", status: "past", actors: [], officials: [], chemicals: [], statistics: [], sentence: "s", provenance: prov(article, sentence), ...fields });
const corpus = corpusOf(
  [
    corpusArticle(
      { slug: "a", file: "a.md", title: "=HYPERLINK(\"x\")", date: "2024-05-02", source: "Wire, Inc.", tags: ["t1", "t2"], body: "b", bodyLine: 5 },
      {
        chemicals: [], dates: [], officials: [], statistics: [], quotes: [],
        actors: [{ id: "china", name: "China", type: "country", registered: false, mentions: [{ text: "China", start: 0, end: 5, sentence: 0 }], provenance: prov("a", 0) }],
        events: [
          event("a", 0, { actors: ["china"], sentence: '-1 said "yes", then\nleft' }),
          event("a", 1, { type: "tariff", date: "2023", precision: "year", sentence: "@home" }),
        ],
      },
    ),
  ],
  EMPTY_REGISTRIES,
);
const text = (chunks: Iterable<string>) => [...chunks].join("");

describe("exports", () => {
  it("writes every timeline entry the filters match as CSV, escaping formulas and quoting", () => {
    const plan = timelineExport(corpus, new URLSearchParams("type=control"));
    const csv = text(exportChunks(plan.kind, plan.rows, "csv"));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(EXPORT_KINDS.timeline.columns.map(([c]) => c).join(","));
    expect(csv).toContain(`"'-1 said ""yes"", then\nleft"`);
    expect(csv).toContain("china,China");
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toContain("@home");
    expect(plan.fileBase).toBe("precursor-watch-timeline-type-control");
  });

  it("writes JSON with lists as arrays and every column as a key", () => {
    const plan = timelineExport(corpus, new URLSearchParams());
    const rows = JSON.parse(text(exportChunks(plan.kind, plan.rows, "json", 1))) as Record<string, unknown>[];
    expect(rows.map((r) => r.entry_id)).toEqual(["2024-05-01-control-a#0", "2023-tariff-a#1"]);
    expect(rows[0]).toMatchObject({ actor_ids: ["china"], source_count: 1, source_articles: ["a"], article: "a", sentence_index: 0 });
    expect(Object.keys(rows[1])).toEqual(EXPORT_KINDS.timeline.columns.map(([c]) => c));
    expect(rows[1].sentence).toBe("@home");
    expect(JSON.parse(text(exportChunks(plan.kind, [], "json")))).toEqual([]);
  });

  it("exports an entity's timeline entries, unknown ids not at all, and articles by search", () => {
    expect([...entityExport(corpus, "actor", "china")!.rows].map((r) => r.entry_id)).toEqual(["2024-05-01-control-a#0"]);
    expect(entityExport(corpus, "actor", "nobody")).toBeUndefined();
    expect([...articleExport(corpus, "hyperlink").rows].map((r) => r.slug)).toEqual(["a"]);
    expect([...articleExport(corpus, '"broken').rows]).toEqual([]);
    expect([...articleExport(corpus, undefined).rows][0]).toMatchObject({ slug: "a", tags: ["t1", "t2"], events: 2 });
  });

  it("describes every column in the README", () => {
    const readme = exportReadme(Object.values(EXPORT_KINDS), "csv", "actor=china");
    for (const kind of Object.values(EXPORT_KINDS)) {
      expect(readme).toContain(`## ${kind.name}.csv`);
      for (const [column] of kind.columns) expect(readme).toContain(`| ${column} |`);
    }
    expect(readme).toContain("Filters: actor=china.");
  });
});
