import { describe, expect, it } from "vitest";
import {
  classifyFigure,
  controlHistoryChart,
  controlsChart,
  enforcementChart,
  mentionsChart,
  monthsBetween,
  newsVolumeChart,
  tariffChart,
  timeTicks,
} from "../../lib/charts/builders";
import { chartFileBase, dateSpan, describeFilters, sourceLine } from "../../lib/charts/caption";
import { csvCell, toCsv } from "../../lib/charts/csv";
import { estimateTextWidth, layoutSandwich, markerPath, wrapText } from "../../lib/charts/layout";
import { ChartSpec } from "../../lib/charts/spec";
import { corpusArticle, corpusOf as storeCorpus, type Corpus, type CorpusArticle } from "../../lib/corpus";
import { colorFor, EVENT_TYPE_COLORS, OTHER_COLOR } from "../../lib/palette";
import { EventType, type Actor, type Event, type Extraction, type Statistic } from "../../lib/schema";
import { DEFAULT_FILTERS, type FilterState } from "../../lib/url-state";

const prov = (article: string, sentence: number) => ({ article, sentence, start: 0, end: 5 });
const country = (id: string, name: string, article: string, mentions = 1): Actor => ({
  id,
  name,
  type: "country",
  registered: true,
  mentions: Array.from({ length: mentions }, (_, i) => ({ text: name, start: i * 10, end: i * 10 + name.length, sentence: 0 })),
  provenance: prov(article, 0),
});
const stat = (article: string, sentence: number, value: number, unit: string, measure?: string, extra: Partial<Statistic> = {}): Statistic => ({ text: `${value} ${unit}`, value, unit, measure, provenance: prov(article, sentence), ...extra });

function article(slug: string, date: string, extraction: Partial<Extraction>, events: Partial<Event>[] = [{}]): CorpusArticle {
  return corpusArticle(
    { slug, file: `${slug}.md`, title: slug, date, source: "Wire", tags: [], body: "x", bodyLine: 1 },
    {
      chemicals: [],
      dates: [],
      officials: [],
      actors: [],
      statistics: [],
      quotes: [],
      ...extraction,
      events: events.map((e, i) => ({ id: `${slug}#${i}`, date, precision: "day", type: "other", status: "past", actors: [], officials: [], chemicals: [], statistics: [], sentence: "s", provenance: prov(slug, i), ...e })),
    },
  );
}

const articles = [
  article("cn-1", "2024-01-10", { actors: [country("china", "China", "cn-1", 3), country("united-states", "United States", "cn-1")] }, [{ actors: ["china", "united-states"], type: "control" }]),
  article("cn-2", "2024-01-20", { actors: [country("china", "China", "cn-2")] }, [{ actors: ["china"], type: "meeting" }]),
  article("us-1", "2024-03-05", { actors: [country("united-states", "United States", "us-1", 2)], statistics: [stat("us-1", 0, 20, "%", "tariff", { actorId: "united-states" }), stat("us-1", 1, 500, "kg", "fentanyl seized"), stat("us-1", 2, 12, "count", "suspects arrested")] }, [
    { actors: ["united-states"], type: "tariff", statistics: [0] },
    { date: "2023-06", precision: "month", type: "seizure", statistics: [1] },
    { date: "2023-07-01", type: "arrest", statistics: [2] },
  ]),
  article("none-1", "2024-03-20", {}),
  article("us-2", "2024-02-01", { statistics: [stat("us-2", 0, 10, "%", "tariff", { actorId: "united-states" }), stat("us-2", 0, 2, "t", "precursors seized")] }, [{ date: "2024-02-04", type: "tariff", statistics: [0, 1] }]),
];

function corpusOf(list: CorpusArticle[]): Corpus {
  return storeCorpus(list, {
      chemicals: {
        chemicals: [
          { id: "npp", name: "NPP", aliases: [], abbreviations: [], systematic_names: [], role: "precursor", controls: [
            { jurisdiction: "united-states", instrument: "List I", announced: "2007-04-23", source: "https://example.org/1" },
            { jurisdiction: "china", instrument: "Control", effective: "2018-02-01", announced: "2017-12-26", source: "https://example.org/2" },
          ] },
          { id: "4-ap", name: "4-AP", aliases: [], abbreviations: [], systematic_names: [], role: "precursor", controls: [
            { jurisdiction: "united-states", instrument: "List I", effective: "2020", source: "https://example.org/3" },
            { jurisdiction: "united-states", instrument: "Later rule", effective: "2023", source: "https://example.org/4" },
          ] },
          { id: "fentanyl", name: "fentanyl", aliases: [], abbreviations: [], systematic_names: [], role: "opioid", controls: [{ jurisdiction: "china", instrument: "Class", effective: "2019-05-01", source: "https://example.org/5" }] },
        ],
      },
      actors: {
        organizations: [
          { id: "china", name: "China", type: "country", aliases: [], adjectives: [] },
          { id: "united-states", name: "United States", type: "country", aliases: [], adjectives: [] },
        ],
        people: [],
      },
  });
}
const corpus = corpusOf(articles);
const state = (s: Partial<FilterState>): FilterState => ({ ...DEFAULT_FILTERS, ...s });

describe("captions", () => {
  const names = { actor: (id: string) => ({ china: "China", "united-states": "United States" })[id] ?? id, chemical: (id: string) => id.toUpperCase() };

  it("describes the active filters in words", () => {
    expect(describeFilters(DEFAULT_FILTERS, names)).toBe("No filters: every article and event");
    expect(describeFilters(state({ actor: ["china", "united-states"], chemical: ["npp"], type: "control", from: "2020-03", q: "tariff" }), names)).toBe(
      "Filters: Actor: China or United States · Chemical: NPP · Type: control · From March 2020 · Text: “tariff”",
    );
    expect(describeFilters(state({ from: "2020", to: "2024-05-01" }), names)).toBe("Filters: 2020 to 1 May 2024");
    expect(describeFilters(state({ to: "2024" }), names)).toBe("Filters: Up to 2024");
  });

  it("writes the source line with the number of articles and their date range", () => {
    expect(sourceLine({ articles: 12, first: "2017-01-03", last: "2025-11-05" })).toBe("Source: 12 articles, 3 Jan 2017 – 5 Nov 2025 · Precursor Watch");
    expect(sourceLine({ articles: 1, first: "2024-08-07", last: "2024-08-07" })).toBe("Source: 1 article, 7 Aug 2024 · Precursor Watch");
    expect(sourceLine({ articles: 0 })).toBe("Source: no articles · Precursor Watch");
    expect(sourceLine({ also: "3 control actions from the chemical registry" })).toBe("Source: 3 control actions from the chemical registry · Precursor Watch");
    expect(sourceLine({ articles: 2, first: "2024-01-01", last: "2024-02-01", also: "the registry" })).toBe("Source: 2 articles, 1 Jan 2024 – 1 Feb 2024; the registry · Precursor Watch");
    expect(dateSpan(["2024-02-01", "2023-01-01", "2025-01-01"])).toEqual({ first: "2023-01-01", last: "2025-01-01" });
  });

  it("names files after the chart and its filters", () => {
    expect(chartFileBase("news-volume")).toBe("precursor-watch_news-volume");
    expect(chartFileBase("news-volume", state({ actor: ["china"], chemical: ["npp", "4-ap"], from: "2020", q: "Tariff cut!", stack: "chemical" }))).toBe(
      "precursor-watch_news-volume_actor-china_chemical-npp+4-ap_from-2020_q-tariff-cut_by-chemical",
    );
    expect(chartFileBase("x", state({ q: "/../../etc" }))).toBe("precursor-watch_x_q-etc");
    expect(chartFileBase("x", state({ actor: Array.from({ length: 20 }, (_, i) => `actor-number-${i}`) })).length).toBeLessThanOrEqual(150);
  });
});

describe("csv", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(csvCell('say "hi", now')).toBe('"say ""hi"", now"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(toCsv(["a", "b"], [[1, "x\ny"]])).toBe('a,b\r\n1,"x\ny"\r\n');
  });
});

describe("export layout", () => {
  it("wraps text to the width", () => {
    const lines = wrapText("one two three four five six seven eight nine ten", 80, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(estimateTextWidth(line, 12)).toBeLessThanOrEqual(80);
    expect(wrapText("Supercalifragilisticexpialidocious", 60, 12).join("")).toBe("Supercalifragilisticexpialidocious");
  });

  it("stacks title, filters, chart, legend and footer, growing with the legend", () => {
    const base = { width: 600, chartWidth: 600, chartHeight: 300, title: "News volume", subtitle: "Articles per month", filtersLine: "Filters: Actor: China", footer: ["Source: 3 articles · Precursor Watch"] };
    const small = layoutSandwich({ ...base, legend: [{ label: "China", color: "#f00", dash: "", marker: "circle" }] });
    const many = layoutSandwich({ ...base, legend: Array.from({ length: 30 }, (_, i) => ({ label: `Jurisdiction number ${i}`, color: "#f00", dash: "", marker: "circle" })) });
    expect(small.texts.map((t) => t.role)).toEqual(["title", "subtitle", "filters", "footer"]);
    const title = small.texts[0];
    const footer = small.texts.at(-1)!;
    expect(title.y).toBeLessThan(small.chart.y);
    expect(footer.y).toBeGreaterThan(small.chart.y + small.chart.height);
    expect(small.legend[0].y).toBeGreaterThan(small.chart.y + small.chart.height);
    expect(footer.y).toBeGreaterThan(small.legend[0].y);
    expect(footer.y).toBeLessThan(small.height);
    expect(many.height).toBeGreaterThan(small.height);
    for (const entry of many.legend) expect(entry.labelX + estimateTextWidth(entry.label, 12)).toBeLessThanOrEqual(600);
  });

  it("draws marker shapes as closed paths", () => {
    for (const marker of ["circle", "square", "diamond", "triangle", "cross"]) expect(markerPath(marker, 5, 5, 4)).toMatch(/^M.*Z$/);
  });
});

describe("palette", () => {
  it("gives a key the same colour everywhere, and fixed colours to the main jurisdictions", () => {
    expect(colorFor("china")).toBe(colorFor("china"));
    expect(colorFor("china")).not.toBe(colorFor("united-states"));
    expect(colorFor("some-unknown-chemical")).toMatch(/^#[0-9a-f]{6}$/);
    expect(colorFor("other")).toBe(OTHER_COLOR);
    expect(Object.keys(EVENT_TYPE_COLORS)).toHaveLength(EventType.options.length);
  });
});

describe("chart builders", () => {
  it("counts news volume per month, each article once under its main jurisdiction", () => {
    const spec = newsVolumeChart(corpus, DEFAULT_FILTERS);
    expect(() => ChartSpec.parse(spec)).not.toThrow();
    expect(spec.categories.map((c) => c.key)).toEqual(["china", "united-states", "none"]);
    expect(spec.data).toEqual([
      { period: "2024-01", "united-states": 0, china: 2, none: 0 },
      { period: "2024-02", "united-states": 0, china: 0, none: 1 },
      { period: "2024-03", "united-states": 1, china: 0, none: 1 },
    ]);
    expect(spec.sourceLine).toBe("Source: 5 articles, 10 Jan 2024 – 20 Mar 2024 · Precursor Watch");
    expect(spec.table.header).toEqual(["month", "China", "United States", "No jurisdiction named", "total"]);
    expect(spec.table.rows[0]).toEqual(["2024-01", 2, 0, 0, 2]);
    expect(spec.categories[0].color).toBe(colorFor("china"));
  });

  it("follows the URL filters", () => {
    const spec = newsVolumeChart(corpus, state({ actor: ["china"] }));
    expect(spec.data.reduce((n, r) => n + Number(r.china), 0)).toBe(2);
    expect(spec.filtersLine).toBe("Filters: Actor: China");
    expect(spec.fileBase).toBe("precursor-watch_news-volume_actor-china");
    expect(newsVolumeChart(corpus, state({ q: "no such words" })).data).toEqual([]);
  });

  it("fills the months between and switches to years for long spans", () => {
    expect(monthsBetween("2023-11", "2024-02")).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
    const long = corpusOf([article("a", "2010-01-01", {}), article("b", "2024-01-01", {})]);
    expect(newsVolumeChart(long, DEFAULT_FILTERS)).toMatchObject({ xTick: "year", data: expect.arrayContaining([{ period: "2015", none: 0 }]) });
  });

  it("counts precursors under control per jurisdiction, cumulatively, from the day each took effect", () => {
    const spec = controlsChart(corpus, DEFAULT_FILTERS);
    const rows = spec.table.rows;
    expect(spec.table.header).toEqual(["date", "China", "United States"]);
    // NPP's US listing has only an announcement date: an announcement is not a control.
    expect(rows[0]).toEqual(["2018-02-01", 1, 0]);
    expect(rows).toContainEqual(["2020-01-01", 1, 1]);
    // fentanyl is an opioid, not a precursor; 4-AP's later rule does not count twice.
    expect(rows.at(-1)).toEqual(["2024-03-20", 1, 1]);
    expect(spec.curve).toBe("step");
    expect(spec.xTicks?.length).toBeGreaterThan(2);
    const china = controlsChart(corpus, state({ actor: ["china"], q: "x" }));
    expect(china.categories.map((c) => c.key)).toEqual(["china"]);
    expect(china.note).toContain("text filter");
    expect(controlsChart(corpus, state({ from: "2019" })).table.rows[0]).toEqual(["2019-01-01", 1, 0]);
  });

  it("classifies enforcement figures and keeps the largest per year", () => {
    expect(classifyFigure(stat("a", 0, 2, "t", "precursors seized"))).toEqual({ measure: "seizures", value: 2000 });
    expect(classifyFigure(stat("a", 0, 5, "count", "overdose deaths"))).toEqual({ measure: "deaths", value: 5 });
    expect(classifyFigure(stat("a", 0, 5, "count", "people charged"))).toEqual({ measure: "prosecutions", value: 5 });
    expect(classifyFigure(stat("a", 0, 5, "USD", "fine"))).toBeNull();
    const spec = enforcementChart(corpus, DEFAULT_FILTERS);
    expect(spec.categories.map((c) => c.key)).toEqual(["seizures", "arrests"]);
    expect(spec.data).toEqual([
      { year: "2023", seizures: 500, arrests: 12 },
      { year: "2024", seizures: 2000, arrests: null },
    ]);
    expect(enforcementChart(corpus, state({ type: "arrest" })).data).toEqual([{ year: "2023", arrests: 12 }]);
  });

  it("draws the fentanyl tariff in effect as steps, from tariff events, with announcements apart", () => {
    const fentanyl = (rate: number, phase: "announced" | "effective") => ({ type: "tariff" as const, phase, tariff: { layer: "fentanyl" as const, rate, target: "china" }, actors: ["united-states"] });
    const tariffs = corpusOf([
      article("t-1", "2024-02-05", {}, [{ date: "2024-02-04", ...fentanyl(10, "effective") }, { date: "2024-02-01", ...fentanyl(10, "announced") }]),
      // The same step told again, and a reciprocal tariff that is another layer.
      article("t-2", "2024-03-06", {}, [{ date: "2024-03-05", ...fentanyl(20, "effective") }, { date: "2024-02-04", ...fentanyl(10, "effective") }, { date: "2024-03-05", type: "tariff", phase: "effective", tariff: { layer: "reciprocal", rate: 34, target: "china" } }]),
      article("t-3", "2024-04-01", {}, [{ date: "2024-03-28", ...fentanyl(15, "announced") }]),
    ]);
    const spec = tariffChart(tariffs, DEFAULT_FILTERS);
    expect(spec.categories.map((c) => [c.label, c.points ?? false])).toEqual([
      ["In effect on goods from China", false],
      ["Announced for China (not yet in effect)", true],
    ]);
    expect(spec.table.rows).toEqual([
      ["2024-02-01", null, 10],
      ["2024-02-04", 10, null],
      ["2024-03-05", 20, null],
      ["2024-03-28", 20, 15],
      ["2024-04-01", 20, null],
    ]);
    expect(spec.valueFormat).toBe("percent");
    expect(tariffChart(corpus, DEFAULT_FILTERS).data).toEqual([]);
  });

  it("builds the entity charts", () => {
    expect(mentionsChart(corpus, { kind: "actor", id: "china" }).data).toEqual([{ period: "2024-01", china: 2 }]);
    const history = controlHistoryChart(corpus, "npp");
    expect(history.data).toEqual([{ jurisdiction: "United States" }, { jurisdiction: "China" }]);
    expect(history.dots?.announced).toHaveLength(2);
    expect(history.dots?.effective.map((d) => d.y)).toEqual(["China"]);
    expect(history.table.rows[0]).toEqual(["United States", "List I", "2007-04-23", null, "https://example.org/1"]);
  });

  it("puts time ticks on whole years or months", () => {
    const years = timeTicks([Date.UTC(2007, 3, 23), Date.UTC(2025, 10, 1)])!;
    expect(years.tick).toBe("year");
    expect(new Date(years.ticks[0]).toISOString()).toBe("2006-01-01T00:00:00.000Z");
    expect(years.ticks.every((t) => new Date(t).getUTCMonth() === 0)).toBe(true);
    const months = timeTicks([Date.UTC(2025, 1, 4), Date.UTC(2025, 10, 10)])!;
    expect(months.tick).toBe("month");
    expect(months.domain[1]).toBeGreaterThan(Date.UTC(2025, 10, 10));
  });
});
