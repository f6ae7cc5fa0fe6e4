/**
 * Walks the sample corpus and reports what extraction misses. Each check is an
 * independent, deliberately simple reading of the text (registry names spelt out in
 * full, years, "Month day" dates, numbers with a unit), so a regression in an extractor
 * shows up here as a list of concrete misses per article.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeCorpora, corpusArticles, loadCorpus, type Corpus, type CorpusArticle } from "../../lib/corpus";

const root = path.join(__dirname, "..", "..", "content");
let corpus: Corpus;
let articles: CorpusArticle[];
const tmp = mkdtempSync(path.join(os.tmpdir(), "pw-coverage-"));

beforeAll(async () => {
  corpus = await loadCorpus({ articles: path.join(root, "articles"), registry: path.join(root, "registry"), database: path.join(tmp, "corpus.sqlite"), quiet: true });
  articles = corpusArticles(corpus);
});

afterAll(() => {
  closeCorpora();
  rmSync(tmp, { recursive: true, force: true });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wordPattern = (name: string) => new RegExp(`(?<![\\p{L}\\p{N}-])${escape(name)}(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`, "iu");

interface Miss {
  article: string;
  what: string;
}

function report(kind: string, misses: Miss[], checked: number): number {
  // A check that found nothing to check proves nothing: fail rather than report recall 1.
  expect(checked, `${kind}: the sample corpus gave nothing to check`).toBeGreaterThan(0);
  const recall = 1 - misses.length / checked;
  if (misses.length) {
    console.log(`${kind}: ${misses.length} of ${checked} missed (recall ${(recall * 100).toFixed(1)}%)`);
    for (const m of misses) console.log(`  ${m.article}: ${m.what}`);
  }
  return recall;
}

const covered = (spans: { start: number; end: number }[], start: number, end: number) => spans.some((s) => s.start <= start && s.end >= end);

describe("the sample corpus", () => {
  it("has at least 30 valid articles and no content issues", () => {
    expect(articles.length).toBeGreaterThanOrEqual(30);
    expect(corpus.issues).toEqual([]);
  });

  it("finds every registered chemical named in full", () => {
    const misses: Miss[] = [];
    let checked = 0;
    for (const entry of articles) {
      const { article } = entry;
      const extraction = entry.extraction;
      // An occurrence inside a longer name ("PMK" in "PMK glycidates") belongs to that name.
      const mentions = extraction.chemicals.flatMap((c) => c.mentions.map((m) => ({ ...m, id: c.id })));
      for (const chemical of corpus.registries.chemicals.chemicals) {
        for (const name of [chemical.name, ...chemical.aliases, ...chemical.abbreviations].filter((n) => n.length >= 3)) {
          const global = new RegExp(wordPattern(name).source, "giu");
          for (const m of article.body.matchAll(global)) {
            const start = m.index ?? 0;
            checked++;
            if (!covered(mentions, start, start + m[0].length)) misses.push({ article: article.slug, what: `${chemical.name} ("${m[0]}" at ${start})` });
          }
        }
      }
    }
    expect(report("chemicals", misses, checked)).toBe(1);
  });

  it("finds every registered person named in full", () => {
    const misses: Miss[] = [];
    let checked = 0;
    for (const entry of articles) {
      const { article } = entry;
      const extraction = entry.extraction;
      const names = new Set(extraction.officials.map((o) => o.name.toLowerCase()));
      const ids = new Set(extraction.officials.map((o) => o.id));
      for (const person of corpus.registries.actors.people) {
        const full = [person.name, ...person.aliases].filter((n) => n.includes(" "));
        if (!full.some((n) => wordPattern(n).test(article.body))) continue;
        checked++;
        if (!ids.has(person.id) && !full.some((n) => names.has(n.toLowerCase()))) misses.push({ article: article.slug, what: person.name });
      }
    }
    expect(report("people", misses, checked)).toBeGreaterThanOrEqual(0.95);
  });

  it("covers every year and every 'Month day' with a date", () => {
    const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
    const pattern = new RegExp(`\\b${MONTH} \\d{1,2}\\b|\\b(?:19[5-9]\\d|20[0-3]\\d)\\b(?!(?: [A-Z]\\w+){0,2} (?:Convention|treaty))(?!-\\d)`, "g");
    const misses: Miss[] = [];
    let checked = 0;
    for (const entry of articles) {
      const { article } = entry;
      const extraction = entry.extraction;
      const spans = extraction.dates.map((d) => ({ start: d.provenance.start, end: d.provenance.end }));
      for (const m of article.body.matchAll(pattern)) {
        const start = m.index ?? 0;
        // Skip law and regulation numbers: SOR/2016-294, (EU) 2025/1475, EO 14195.
        if (/[/(]\s*$|EU\)\s*$/.test(article.body.slice(Math.max(0, start - 6), start))) continue;
        if (/^\//.test(article.body.slice(start + m[0].length))) continue;
        checked++;
        if (!covered(spans, start, start + m[0].length)) misses.push({ article: article.slug, what: `"${m[0]}" at ${start}` });
      }
    }
    expect(report("dates", misses, checked)).toBeGreaterThanOrEqual(0.95);
  });

  it("covers every number written with a unit with a statistic", () => {
    const pattern =
      /(?:\$|US\$)\s?\d[\d,.]*(?:\s(?:million|billion|trillion))?|\b\d[\d,]*(?:\.\d+)?\s?(?:%|percent|per cent|tons?|tonnes?|kilograms?|kg|grams?|pounds?|lb)(?![\p{L}])|\b\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion))?\s(?:overdose deaths|deaths|people|suspects|arrests|cases|seizures|shipments|companies|entities|individuals)\b/giu;
    const misses: Miss[] = [];
    let checked = 0;
    for (const entry of articles) {
      const { article } = entry;
      const extraction = entry.extraction;
      const spans = extraction.statistics.map((s) => ({ start: s.provenance.start, end: s.provenance.end }));
      for (const m of article.body.matchAll(pattern)) {
        const start = m.index ?? 0;
        const digits = /\d[\d,.]*/.exec(m[0])!;
        const numberStart = start + digits.index;
        if (/\bper\s*$/.test(article.body.slice(Math.max(0, start - 5), start))) continue; // "a rate of 32.6 per 100,000 people"
        checked++;
        if (!spans.some((s) => s.start <= numberStart && s.end > numberStart)) misses.push({ article: article.slug, what: `"${m[0]}" at ${start}` });
      }
    }
    expect(report("figures", misses, checked)).toBeGreaterThanOrEqual(0.95);
  });

  it("puts every article on the timeline", () => {
    const without = articles.filter((a) => a.extraction.events.length === 0).map((a) => a.article.slug);
    expect(without).toEqual([]);
  });
});
