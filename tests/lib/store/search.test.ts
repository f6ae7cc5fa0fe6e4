import { describe, expect, it } from "vitest";
import { corpusArticle, corpusOf } from "../../../lib/corpus";
import { EMPTY_REGISTRIES } from "../../../lib/extract/context";
import { getArticleList, getTimeline } from "../../../lib/queries";
import { parseSearch } from "../../../lib/store";
import type { Event } from "../../../lib/schema";
import { splitMarked } from "../../../lib/text/marks";
import { DEFAULT_FILTERS } from "../../../lib/url-state";

describe("parseSearch", () => {
  it("quotes every word and phrase, keeps prefixes, and joins them with AND", () => {
    expect(parseSearch('tariff "Ministry of Public Security" piperid*')).toEqual({ ok: true, match: '"tariff" AND "Ministry of Public Security" AND "piperid"*', terms: ["tariff", "Ministry of Public Security", "piperid*"] });
  });

  it("reads FTS5 operators and punctuation as words, never as syntax", () => {
    const r = parseSearch("4-ANPP OR NEAR(x) title:china -");
    expect(r).toEqual({ ok: true, match: '"4 ANPP" AND "OR" AND "NEAR x" AND "title china"', terms: ["4 ANPP", "OR", "NEAR x", "title china"] });
  });

  it("says what is wrong with an unclosed quote or a search with nothing to find", () => {
    const unclosed = parseSearch('"fentanyl precursors');
    expect(unclosed.ok).toBe(false);
    expect(!unclosed.ok && unclosed.message).toMatch(/opening quote .* without a closing one/);
    expect(parseSearch("* ... ")).toMatchObject({ ok: false });
    expect(parseSearch("a*")).toMatchObject({ ok: false });
  });
});

describe("splitMarked", () => {
  it("splits marked text into parts, never reading HTML", () => {
    expect(splitMarked("a \u0002<b>x</b>\u0003 c")).toEqual([
      { text: "a ", match: false },
      { text: "<b>x</b>", match: true },
      { text: " c", match: false },
    ]);
    expect(splitMarked("plain")).toEqual([{ text: "plain", match: false }]);
  });
});

const prov = (article: string, sentence: number) => ({ article, sentence, start: 0, end: 5 });
// Each event of its own type, so the timeline keeps them as separate entries.
const TYPES = { "a#0": "control", "a#1": "seizure", "b#0": "tariff" } as const;
const event = (article: string, sentence: number, text: string): Event => ({ id: `${article}#${sentence}`, date: "2024-05-01", precision: "day", type: TYPES[`${article}#${sentence}` as keyof typeof TYPES] ?? "other", status: "past", actors: [], officials: [], chemicals: [], statistics: [], sentence: text, provenance: prov(article, sentence) });
const doc = (slug: string, title: string, body: string, sentences: string[]) =>
  corpusArticle(
    { slug, file: `${slug}.md`, title, date: "2024-05-02", source: "Wire", tags: [], body, bodyLine: 5 },
    { chemicals: [], dates: [], officials: [], actors: [], statistics: [], quotes: [], events: sentences.map((s, i) => event(slug, i, s)) },
  );

describe("search over the corpus", () => {
  const corpus = corpusOf(
    [
      doc("a", "China schedules piperidine precursors", "China placed 4-piperidone and its salts under control. Piperidine is next.", ["China placed 4-piperidone under control in May 2024.", "Mexico seized <script>alert(1)</script> pills."]),
      doc("b", "Tariffs rise", "The United States raised tariffs. China said the piperidine rules were fair.", ["The United States raised tariffs on China in May 2024."]),
      doc("c", "Unrelated", "Nothing about the subject at all, apart from China once.", []),
    ],
    EMPTY_REGISTRIES,
  );
  // Each timeline entry by the event it was read from.
  const ids = (q: string) => getTimeline(corpus, { ...DEFAULT_FILTERS, q }).years.flatMap((y) => y.months.flatMap((m) => m.entries.map((e) => e.sources[0].event)));

  it("matches words in any order, phrases exactly, and prefixes", () => {
    expect(ids("china tariffs")).toEqual(["b#0"]);
    expect(ids("tariffs china")).toEqual(["b#0"]);
    expect(ids('"raised tariffs"')).toEqual(["b#0"]);
    expect(ids('"tariffs raised"')).toEqual([]);
    // The title is searched too: both events of "China schedules piperidine precursors" match.
    expect(ids("piperid*")).toEqual(["a#0", "a#1"]);
    expect(ids("piperido*")).toEqual(["a#0"]);
  });

  it("marks the matched words of each sentence as parts", () => {
    const view = getTimeline(corpus, { ...DEFAULT_FILTERS, q: "script" });
    const parts = view.years[0].months[0].entries[0].sources[0].sentenceParts;
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(["script", "script"]);
    expect(parts.map((p) => p.text).join("")).toBe("Mexico seized <script>alert(1)</script> pills.");
  });

  it("reports bad syntax as a problem of the page, with no results", () => {
    const view = getTimeline(corpus, { ...DEFAULT_FILTERS, q: '"unclosed' });
    expect(view.total).toBe(0);
    expect(view.problems).toEqual([expect.objectContaining({ param: "q", message: expect.stringMatching(/closing/) })]);
  });

  it("ranks articles, title matches first, with marked snippets", () => {
    const list = getArticleList(corpus, { q: "piperidine" });
    expect(list.articles.map((a) => a.slug)).toEqual(["a", "b"]);
    expect(list.articles[0].snippet!.some((p) => p.match && /piperidine/i.test(p.text))).toBe(true);
    expect(getArticleList(corpus, { q: '"oops' }).error).toMatch(/closing/);
    expect(getArticleList(corpus).articles.map((a) => a.slug)).toEqual(["a", "b", "c"]);
  });
});
