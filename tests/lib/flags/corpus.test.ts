/**
 * Our own test corpus (tests/fixtures/flags): one planted case of each kind, and a clean
 * twin of each (the same article with the fact put right), read as `check --flags` reads them.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadArticles } from "../../../lib/content/loader";
import { fileLine, flagsOfArticles, formatFlag } from "../../../lib/flags/corpus";
import { projectRegistries } from "./helpers";

const folder = (name: string) => path.join(__dirname, "..", "..", "fixtures", "flags", name);

async function flagsIn(name: string) {
  const { articles } = await loadArticles(folder(name));
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  return flagsOfArticles(articles, await projectRegistries()).map((f) => {
    const article = bySlug.get(f.provenance.article)!;
    return { ...f, line: formatFlag(f, article.file, fileLine(article, f.provenance.start)) };
  });
}

describe("flags on our test corpus", () => {
  it("finds each planted case, and nothing else", async () => {
    const flags = await flagsIn("planted");
    expect(flags.map((f) => [f.provenance.article, f.kind])).toEqual([
      ["2023-12-10-dea-halides-listing-in-force", "against-the-registry"],
      ["2025-09-10-ministers-welcome-export-rules", "out-of-its-time"],
      ["2026-03-02-mexico-propionyl-chloride-controls", "out-of-order"],
      ["2026-08-01-canada-phenethyl-bromide-in-force", "disputed"],
      ["2026-08-03-canada-phenethyl-bromide-rules", "disputed"],
    ]);
    expect(flags[1].line).toMatch(/^2025-09-10-ministers-welcome-export-rules\.md:7: out-of-its-time: “Homeland Security Secretary Alejandro Mayorkas”: .*no longer/);
    expect(flags[0].message).toMatch(/30 November 2023/);
  });

  it("finds nothing in the clean twins", async () => {
    expect(await flagsIn("clean")).toEqual([]);
  });
});
