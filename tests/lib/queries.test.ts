import { describe, expect, it } from "vitest";
import { corpusArticle, corpusOf as storeCorpus, type Corpus, type CorpusArticle } from "../../lib/corpus";
import {
  allEvents,
  articleHighlights,
  controlMatrix,
  filterPanel,
  getActor,
  getArticleView,
  getChemical,
  getOverview,
  getTimeline,
  listActors,
  listChemicals,
  pageLinks,
} from "../../lib/queries";
import type { Event, Extraction, Span } from "../../lib/schema";
import { DEFAULT_FILTERS, type FilterState } from "../../lib/url-state";

// A small corpus built by hand: three articles, two registries.
const span = (text: string, sentence: number, start = 0): Span => ({ text, start, end: start + text.length, sentence });
const prov = (article: string, sentence: number, start = 0, end = 10) => ({ article, sentence, start, end });

function event(article: string, sentence: number, fields: Partial<Event> & Pick<Event, "date" | "type">): Event {
  return { id: `${article}#${sentence}`, precision: fields.date.length === 10 ? "day" : fields.date.length === 7 ? "month" : "year", status: "past", actors: [], officials: [], chemicals: [], statistics: [], sentence: `Sentence ${sentence} of ${article}.`, provenance: prov(article, sentence), ...fields };
}

function entry(slug: string, date: string, title: string, extraction: Partial<Extraction>, body = "Body text."): CorpusArticle {
  return corpusArticle(
    { slug, file: `${slug}.md`, title, date, source: "Test Wire", tags: [], body, bodyLine: 5 },
    { chemicals: [], dates: [], officials: [], actors: [], statistics: [], quotes: [], events: [], ...extraction },
  );
}

const a1 = entry("china-controls-4ap", "2024-08-07", "China controls 4-AP", {
  chemicals: [{ id: "4-ap", name: "4-AP", registered: true, role: "precursor", mentions: [span("4-AP", 0, 30)], provenance: prov("china-controls-4ap", 0) }],
  actors: [
    { id: "china", name: "China", type: "country", registered: true, mentions: [span("China", 0, 0), span("China", 1, 60)], provenance: prov("china-controls-4ap", 0) },
    { id: "mps", name: "Ministry of Public Security", type: "government-body", country: "china", registered: true, mentions: [span("ministry", 1, 70)], provenance: prov("china-controls-4ap", 1) },
  ],
  officials: [{ id: "wang-xiaohong", name: "Wang Xiaohong", title: "Minister of Public Security", organizationId: "mps", countryId: "china", registered: true, mentions: [span("Wang Xiaohong", 1, 80)], provenance: prov("china-controls-4ap", 1) }],
  statistics: [{ text: "2.4 tons", value: 2.4, unit: "t", measure: "precursors seized", provenance: prov("china-controls-4ap", 1, 100, 108) }],
  quotes: [{ text: "We act", speaker: "Wang Xiaohong", speakerId: "wang-xiaohong", speakerKind: "official", provenance: prov("china-controls-4ap", 1, 90, 98) }],
  events: [
    event("china-controls-4ap", 0, { date: "2024-09-01", type: "control", actors: ["china"], chemicals: ["4-ap"], sentence: "China will control 4-AP from September 1." }),
    event("china-controls-4ap", 1, { date: "2024-08", type: "seizure", actors: ["china", "mps"], officials: ["wang-xiaohong"], statistics: [0], sentence: "Wang Xiaohong said 2.4 tons were seized in August." }),
  ],
});
const a2 = entry("us-tariff", "2025-03-04", "US raises tariff", {
  actors: [
    { id: "united-states", name: "United States", type: "country", registered: true, mentions: [span("United States", 0)], provenance: prov("us-tariff", 0) },
    { id: "china", name: "China", type: "country", registered: true, mentions: [span("China", 0, 20)], provenance: prov("us-tariff", 0) },
  ],
  statistics: [
    { text: "20%", value: 20, unit: "%", measure: "tariff", actorId: "united-states", provenance: prov("us-tariff", 0, 40, 43) },
    { text: "10%", value: 10, unit: "%", measure: "tariff", actorId: "united-states", provenance: prov("us-tariff", 1, 50, 53) },
  ],
  events: [
    event("us-tariff", 0, { date: "2025-03-04", type: "tariff", actors: ["united-states", "china"], statistics: [0], sentence: "The United States raised the tariff on China to 20% on March 4." }),
    event("us-tariff", 1, { date: "2025-02-04", type: "tariff", actors: ["united-states"], statistics: [1], sentence: "A 10% tariff took effect on February 4." }),
  ],
});
const a3 = entry("cnd-lists-npp", "2017-03-16", "CND lists NPP", {
  chemicals: [{ id: "npp", name: "NPP", registered: true, role: "precursor", mentions: [span("NPP", 0, 25)], provenance: prov("cnd-lists-npp", 0) }],
  events: [
    event("cnd-lists-npp", 0, { date: "2017-03-16", type: "control", chemicals: ["npp"], sentence: "The commission listed NPP on March 16." }),
    event("cnd-lists-npp", 1, { date: "2017", type: "statement", sentence: "Officials said more would follow in 2017." }),
  ],
});

function corpusOf(articles: CorpusArticle[]): Corpus {
  return storeCorpus(articles, {
      chemicals: {
        chemicals: [
          { id: "npp", name: "NPP", aliases: ["N-phenethyl-4-piperidone"], abbreviations: [], systematic_names: [], cas: "39742-60-4", role: "precursor", controls: [
            { jurisdiction: "united-states", instrument: "DEA List I", announced: "2007-04-23", source: "https://example.org/us" },
            { jurisdiction: "un", instrument: "1988 Convention Table I", effective: "2017-03-16", source: "https://example.org/un" },
          ] },
          { id: "4-ap", name: "4-AP", aliases: [], abbreviations: [], systematic_names: [], role: "precursor", controls: [
            { jurisdiction: "china", instrument: "Precursor list", announced: "2024-08-02", effective: "2024-09-01", source: "https://example.org/cn" },
            { jurisdiction: "united-states", instrument: "DEA List I", effective: "2020", source: "https://example.org/us2" },
          ] },
          { id: "fentanyl", name: "fentanyl", aliases: [], abbreviations: [], systematic_names: [], role: "opioid", controls: [] },
        ],
      },
      actors: {
        organizations: [
          { id: "china", name: "China", type: "country", aliases: ["PRC"], adjectives: [], iso: "CN" },
          { id: "united-states", name: "United States", type: "country", aliases: [], adjectives: [], iso: "US" },
          { id: "un", name: "United Nations", type: "international-body", aliases: [], adjectives: [] },
          { id: "mps", name: "Ministry of Public Security", type: "government-body", aliases: [], adjectives: [], country: "china" },
        ],
        people: [{ id: "wang-xiaohong", name: "Wang Xiaohong", aliases: [], country: "china", titles: [{ title: "Minister of Public Security", organization: "mps", from: "2022-12" }], terms: [] }],
      },
  });
}

const corpus = corpusOf([a2, a1, a3]);
const state = (s: Partial<FilterState>): FilterState => ({ ...DEFAULT_FILTERS, ...s });
// Each entry by the event it was first read from: here every event is its own entry.
const ids = (s: Partial<FilterState>) => getTimeline(corpus, state(s)).years.flatMap((y) => y.months.flatMap((m) => m.entries.map((e) => e.sources[0].event)));

describe("getTimeline", () => {
  it("lists every event newest first, grouped by year and month", () => {
    const view = getTimeline(corpus, DEFAULT_FILTERS);
    expect(view.total).toBe(6);
    expect(view.years.map((y) => y.year)).toEqual(["2025", "2024", "2017"]);
    expect(view.years[0].months.map((m) => m.label)).toEqual(["March 2025", "February 2025"]);
    expect(view.years[1].months.map((m) => m.key)).toEqual(["2024-09", "2024-08"]);
    // A date known only to the year sorts after that year's months, in its own group.
    expect(view.years[2].months.map((m) => m.label)).toEqual(["March 2017", "2017, month not known"]);
  });

  it("gives each entry its precision, summary, names and sources with links to their sentences", () => {
    const seizure = getTimeline(corpus, DEFAULT_FILTERS).years[1].months[1].entries[0];
    expect(seizure).toMatchObject({ dateLabel: "August 2024", precision: "month", precisionLabel: "month only", type: "seizure", summary: "Wang Xiaohong said 2.4 tons were seized in August.", reportedBy: "Reported by 1 article" });
    expect(seizure.actors.map((a) => [a.id, a.name, a.href])).toEqual([
      ["china", "China", "/actors/china"],
      ["mps", "Ministry of Public Security", "/actors/mps"],
      ["wang-xiaohong", "Wang Xiaohong", "/actors/wang-xiaohong"],
    ]);
    expect(seizure.sources).toEqual([
      expect.objectContaining({ href: "/articles/china-controls-4ap?sentence=1#s-1", article: expect.objectContaining({ title: "China controls 4-AP", source: "Test Wire" }) }),
    ]);
  });

  it("lists an event that several articles report once, with every source", () => {
    const again = entry("cn-4ap-in-force", "2024-09-02", "China's 4-AP controls in force", {
      chemicals: [{ id: "4-ap", name: "4-AP", registered: true, role: "precursor", mentions: [span("4-AP", 0, 20)], provenance: prov("cn-4ap-in-force", 0) }],
      events: [event("cn-4ap-in-force", 0, { date: "2024-09-01", type: "control", actors: ["china"], chemicals: ["4-ap"], sentence: "China's controls on 4-AP took effect on Sunday." })],
    });
    const view = getTimeline(corpusOf([a1, a2, a3, again]), state({ chemical: ["4-ap"] }));
    expect(view.total).toBe(1);
    const [control] = view.years[0].months[0].entries;
    expect(control.reportedBy).toBe("Reported by 2 articles");
    expect(control.sources.map((s) => s.article.slug).sort()).toEqual(["china-controls-4ap", "cn-4ap-in-force"]);
  });

  it("filters by actor (organisations and people), chemical, type, dates and text", () => {
    expect(ids({ actor: ["united-states"] })).toEqual(["us-tariff#0", "us-tariff#1"]);
    expect(ids({ actor: ["wang-xiaohong"] })).toEqual(["china-controls-4ap#1"]);
    expect(ids({ actor: ["wang-xiaohong", "united-states"] })).toHaveLength(3);
    expect(ids({ chemical: ["npp"] })).toEqual(["cnd-lists-npp#0"]);
    expect(ids({ type: "tariff" })).toEqual(["us-tariff#0", "us-tariff#1"]);
    expect(ids({ actor: ["china"], type: "control" })).toEqual(["china-controls-4ap#0"]);
    expect(ids({ q: "tariff china" })).toEqual(["us-tariff#0"]);
    expect(ids({ q: "ministry" })).toEqual(["china-controls-4ap#1"]);
  });

  it("matches dates known to a month or year when they overlap the range", () => {
    expect(ids({ from: "2024-08-15", to: "2024-08-31" })).toEqual(["china-controls-4ap#1"]);
    expect(ids({ from: "2017-06" , to: "2017-06" })).toEqual(["cnd-lists-npp#1"]);
    expect(ids({ from: "2025" })).toEqual(["us-tariff#0", "us-tariff#1"]);
    expect(ids({ to: "2017" })).toEqual(["cnd-lists-npp#0", "cnd-lists-npp#1"]);
  });

  it("pages on the server and clamps a page past the end, saying so", () => {
    const first = getTimeline(corpus, DEFAULT_FILTERS, 4);
    expect(first).toMatchObject({ page: 1, pageCount: 2, firstShown: 1, lastShown: 4, prevHref: undefined, nextHref: "/timeline?page=2" });
    const past = getTimeline(corpus, state({ page: 9, type: "control" }), 1);
    expect(past.page).toBe(2);
    expect(past.problems[0].message).toContain("only 2 pages");
    expect(past.prevHref).toBe("/timeline?type=control");
  });

  it("says when nothing matches", () => {
    const view = getTimeline(corpus, state({ q: "nothing like this" }));
    expect(view.total).toBe(0);
    expect(view.pageCount).toBe(1);
    expect(view.years).toEqual([]);
  });
});

describe("filterPanel", () => {
  it("counts each value with the other filters applied", () => {
    const panel = filterPanel(corpus, state({ type: "tariff" }), "/timeline");
    const count = (list: { id: string; count: number }[], id: string) => list.find((o) => o.id === id)?.count;
    expect(count(panel.actors.options, "united-states")).toBe(2);
    expect(count(panel.actors.options, "china")).toBe(1);
    expect(panel.actors.options.find((o) => o.id === "mps")).toBeUndefined();
    // Type counts ignore the type filter itself.
    expect(panel.types.find((t) => t.value === "control")?.count).toBe(2);
    expect(panel.types[0]).toEqual({ value: "", label: "All types", count: 6 });
  });

  it("keeps selected values listed first even with no event, and links each chip to its removal", () => {
    const panel = filterPanel(corpus, state({ actor: ["united-states"], chemical: ["npp"] }), "/timeline");
    expect(panel.chemicals.options[0]).toMatchObject({ id: "npp", selected: true });
    expect(panel.actors.options[0]).toMatchObject({ id: "united-states", selected: true, count: 0 });
    expect(panel.active.map((c) => [c.label, c.value, c.removeHref])).toEqual([
      ["Actor", "United States", "/timeline?chemical=npp"],
      ["Chemical", "NPP", "/timeline?actor=united-states"],
    ]);
  });
});

describe("pageLinks", () => {
  it("shows the ends and two pages either side", () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(6, 20)).toEqual([1, null, 4, 5, 6, 7, 8, null, 20]);
  });
});

describe("entities", () => {
  it("lists chemicals with their controls and counts", () => {
    const list = listChemicals(corpus);
    expect(list.map((c) => c.id)).toEqual(["4-ap", "npp", "fentanyl"]);
    expect(list[1].controlledIn.map((j) => j.name)).toEqual(["United States", "United Nations"]);
  });

  it("builds a chemical page with its control history, related actors and figures", () => {
    const view = getChemical(corpus, "4-ap")!;
    expect(view.controls.map((c) => [c.jurisdictionName, c.effective])).toEqual([
      ["United States", "2020"],
      ["China", "1 Sep 2024"],
    ]);
    expect(view.relatedActors.map((a) => [a.id, a.count])).toEqual([["china", 1], ["mps", 1], ["wang-xiaohong", 1]]);
    expect(view.controlChart.kind).toBe("dots");
    expect(view.mentionsChart.data).toEqual([{ period: "2024-08", "4-ap": 1 }]);
    expect(view.timelineHref).toBe("/timeline?chemical=4-ap");
    expect(getChemical(corpus, "no-such")).toBeUndefined();
  });

  it("lists people and organisations, and builds an actor page", () => {
    const actors = listActors(corpus);
    expect(actors.find((a) => a.id === "wang-xiaohong")).toMatchObject({ kind: "person", title: "Minister of Public Security", articles: 1, events: 1 });
    const china = getActor(corpus, "china")!;
    expect(china.counts).toEqual({ articles: 2, events: 3, quotes: 0 });
    expect(china.chemicals.map((c) => c.id)).toEqual(["4-ap"]);
    expect(china.controls.map((c) => c.chemical)).toEqual(["4-AP"]);
    const wang = getActor(corpus, "wang-xiaohong")!;
    expect(wang.titles.map((t) => [t.title, t.period, t.source])).toEqual([
      ["Minister of Public Security", "December 2022 – present", "registry"],
      ["Minister of Public Security", "reported 7 Aug 2024", "articles"],
    ]);
    expect(wang.quotes).toEqual([{ text: "We act", article: "China controls 4-AP", date: "7 Aug 2024", href: "/articles/china-controls-4ap?sentence=1#s-1" }]);
  });
});

describe("overview", () => {
  it("counts records and builds the control matrix", () => {
    const view = getOverview(corpus);
    expect(view.counts).toMatchObject({ articles: 3, events: 6, people: 1 });
    expect(view.latestEntries[0].sources[0].event).toBe("us-tariff#0");
    const matrix = controlMatrix(corpus);
    expect(matrix.jurisdictions.map((j) => j.id)).toEqual(["united-states", "china", "un"]);
    const npp = matrix.rows.find((r) => r.id === "npp")!;
    expect(npp.cells.map((c) => (c.controlled ? [c.dateLabel, c.status, c.source] : null))).toEqual([
      ["23 Apr 2007", "announced", "https://example.org/us"],
      null,
      ["16 Mar 2017", "in effect", "https://example.org/un"],
    ]);
  });
});

describe("articles", () => {
  it("marks records without overlap and fits quotes around them", () => {
    const marks = articleHighlights({
      ...a1.extraction,
      quotes: [{ text: "said it", provenance: prov("x", 0, 0, 40) }],
      chemicals: [{ id: "4-ap", name: "4-AP", registered: true, mentions: [span("4-AP", 0, 10)], provenance: prov("x", 0) }],
      actors: [],
      officials: [],
      statistics: [{ text: "2", value: 2, unit: "count", provenance: prov("x", 0, 12, 14) }],
    });
    expect(marks.map((m) => [m.kind, m.start, m.end])).toEqual([
      ["quote", 0, 10],
      ["chemical", 10, 14],
      ["quote", 14, 40],
    ]);
  });

  it("builds the article page with records by kind and the focused sentence", () => {
    const view = getArticleView(corpus, "china-controls-4ap", 1)!;
    expect(view.focus).toBeUndefined(); // "Body text." has one sentence only
    expect(view.focusMissing).toBe(true);
    const kinds = Object.fromEntries(view.groups.map((g) => [g.kind, g.count]));
    expect(kinds).toEqual({ chemical: 1, official: 1, actor: 2, date: 0, statistic: 1, quote: 1 });
    expect(view.groups[0].items[0]).toMatchObject({ label: "4-AP", href: "/chemicals/4-ap", anchor: "#s-0" });
    expect(getArticleView(corpus, "missing")).toBeUndefined();
  });

  it("lists every event for scripts", () => {
    expect(allEvents(corpus).map((e) => e.id)[0]).toBe("us-tariff#0");
  });
});
