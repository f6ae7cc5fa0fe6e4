import { describe, expect, it } from "vitest";
import { Event, TimelineEntry } from "../../../lib/schema";
import { event, type EventInput } from "./events";
import { compareEntriesNewestFirst, groupTimeline } from "../../../lib/timeline/group";
import { summarise, trimSummary } from "../../../lib/timeline/summary";

/** A country that adds one chemical to its control list: our own invented measure. */
const ruritaniaControls = (article: string, date: string, extra: Partial<EventInput> = {}) =>
  event({ article, date, type: "control", phase: "effective", actors: ["ruritania"], chemicals: ["compound-x"], ...extra });

const sourcesOf = (entry: TimelineEntry) => entry.sources.map((s) => s.event);

describe("groupTimeline", () => {
  it("makes one entry with three sources of one event that three articles report", () => {
    const entries = groupTimeline([
      ruritaniaControls("gazette", "2031-03-14", { sentence: "Ruritania's control of compound X took effect on March 14." }),
      ruritaniaControls("herald", "2031-03-14", { actors: ["ruritania", "health-ministry"], sentenceIndex: 4 }),
      ruritaniaControls("courier", "2031-03-14", { sentenceIndex: 2 }),
    ]);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(() => TimelineEntry.parse(entry)).not.toThrow();
    expect(entry).toMatchObject({ date: "2031-03-14", precision: "day", type: "control", phase: "effective", chemicals: ["compound-x"] });
    expect(entry.actors).toEqual(["ruritania", "health-ministry"]);
    expect(sourcesOf(entry).sort()).toEqual(["courier#2", "gazette#0", "herald#4"]);
    expect(entry.id).toBe(`2031-03-14-control-${entry.sources[0].event}`);
    expect(entry.disputedWith).toEqual([]);
  });

  it("never puts two events of one article in one entry: the article told them apart", () => {
    const entries = groupTimeline([
      ruritaniaControls("gazette", "2031-03", { sentence: "Ruritania controlled compound X in March." }),
      ruritaniaControls("gazette", "2031-03-14", { sentenceIndex: 3 }),
      ruritaniaControls("herald", "2031-03-14"),
    ]);
    expect(entries.map((e) => [e.date, sourcesOf(e).sort()])).toEqual([
      ["2031-03-14", ["gazette#3", "herald#0"]],
      ["2031-03", ["gazette#0"]],
    ]);
  });

  it("lets an event that names nothing join the one event of its type on that day, and only when there is one", () => {
    const bare = event({ article: "courier", date: "2031-05-12", type: "agreement", sentence: "The truce was agreed on May 12." });
    const truce = event({ article: "gazette", date: "2031-05-12", type: "agreement", actors: ["ruritania", "freedonia"] });
    expect(groupTimeline([bare, truce]).map((e) => sourcesOf(e).sort())).toEqual([["courier#0", "gazette#0"]]);
    const other = event({ article: "herald", date: "2031-05-12", type: "agreement", actors: ["sylvania"] });
    expect(groupTimeline([bare, truce, other])).toHaveLength(3);
  });

  it("keeps an announcement apart from the day the measure takes effect", () => {
    const entries = groupTimeline([
      ruritaniaControls("gazette", "2031-02-01", { phase: "announced" }),
      ruritaniaControls("gazette", "2031-03-14", { phase: "effective", sentenceIndex: 1, status: "scheduled" }),
      ruritaniaControls("herald", "2031-02-01", { phase: "announced" }),
      ruritaniaControls("herald", "2031-03-14", { phase: "effective", sentenceIndex: 1 }),
    ]);
    expect(entries.map((e) => `${e.date} ${e.phase} ${e.sources.length}`)).toEqual(["2031-03-14 effective 2", "2031-02-01 announced 2"]);
    expect(entries.every((e) => e.disputedWith.length === 0)).toBe(true);
  });

  it("keeps the two phases apart even on the same day", () => {
    const entries = groupTimeline([ruritaniaControls("gazette", "2031-03-14", { phase: "announced" }), ruritaniaControls("herald", "2031-03-14", { phase: "effective" })]);
    expect(entries.map((e) => e.phase).sort()).toEqual(["announced", "effective"]);
  });

  it("lets an event without a phase join either kind, never both into one entry", () => {
    const entries = groupTimeline([
      ruritaniaControls("a", "2031-03-14", { phase: undefined }),
      ruritaniaControls("b", "2031-03-14", { phase: "announced" }),
      ruritaniaControls("c", "2031-03-14", { phase: "effective" }),
    ]);
    expect(entries.map((e) => `${e.phase}:${e.sources.map((s) => s.article).join("+")}`).sort()).toEqual(["announced:a+b", "effective:c"]);
  });

  it("lets a month-precise report join the day it contains, and keeps the day's date", () => {
    const entries = groupTimeline([
      ruritaniaControls("herald", "2031-03", { sentence: "Ruritania listed compound X in March." }),
      ruritaniaControls("gazette", "2031-03-14"),
      ruritaniaControls("almanac", "2031", { sentence: "Compound X has been controlled in Ruritania since 2031." }),
    ]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ date: "2031-03-14", precision: "day" });
    expect(sourcesOf(entries[0])).toEqual(["gazette#0", "herald#0", "almanac#0"]);
  });

  it("does not let a month-precise report join a day of another month or year", () => {
    const entries = groupTimeline([ruritaniaControls("gazette", "2031-03-14"), ruritaniaControls("herald", "2031-04"), ruritaniaControls("courier", "2030")]);
    expect(entries.map((e) => e.date)).toEqual(["2031-04", "2031-03-14", "2030"]);
  });

  it("marks two days given for one control as disputed, each entry naming the other", () => {
    const entries = groupTimeline([
      ruritaniaControls("gazette", "2031-07-20"),
      ruritaniaControls("herald", "2031-07-01"),
      ruritaniaControls("courier", "2031-07-20"),
    ]);
    expect(entries).toHaveLength(2);
    const [july20, july1] = entries;
    expect(july20.date).toBe("2031-07-20");
    expect(july20.sources).toHaveLength(2);
    expect(july20.disputedWith).toEqual([july1.id]);
    expect(july1.disputedWith).toEqual([july20.id]);
  });

  it("does not call two steps of one measure months apart a dispute", () => {
    const entries = groupTimeline([ruritaniaControls("a", "2031-02-10", { phase: "announced" }), ruritaniaControls("b", "2031-05-21", { phase: "announced" })]);
    expect(entries.flatMap((e) => e.disputedWith)).toEqual([]);
  });

  it("sends a month-precise report to one of two disputed days, never merging them", () => {
    const entries = groupTimeline([
      ruritaniaControls("gazette", "2031-07-20"),
      ruritaniaControls("herald", "2031-07-01", { actors: ["ruritania", "customs"] }),
      ruritaniaControls("almanac", "2031-07", { actors: ["ruritania", "customs"] }),
    ]);
    expect(entries).toHaveLength(2);
    // the month report shares more with the July 1 entry (two actors), so it goes there
    expect(entries.find((e) => e.date === "2031-07-01")?.sources.map((s) => s.article)).toEqual(["herald", "almanac"]);
    expect(entries.find((e) => e.date === "2031-07-20")?.sources.map((s) => s.article)).toEqual(["gazette"]);
  });

  it("does not call distinct seizures in one month a dispute", () => {
    const seizure = (article: string, date: string) => event({ article, date, type: "seizure", actors: ["ruritania"], chemicals: ["compound-x"] });
    const entries = groupTimeline([seizure("gazette", "2031-05-02"), seizure("herald", "2031-05-19")]);
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => e.disputedWith.length === 0)).toBe(true);
  });

  it("does not call a tariff that returns to an earlier rate a dispute", () => {
    const tariff = (article: string, date: string, rate: number) =>
      event({ article, date, type: "tariff", phase: "effective", actors: ["freedonia"], tariff: { layer: "fentanyl", rate, target: "ruritania" } });
    const entries = groupTimeline([tariff("a", "2031-02-04", 10), tariff("b", "2031-03-04", 20), tariff("c", "2031-11-10", 10), tariff("d", "2031-11-01", 10)]);
    expect(entries).toHaveLength(4);
    const disputes = Object.fromEntries(entries.map((e) => [e.date, e.disputedWith.length]));
    // Nov 1 and Nov 10 give two days for the same step back to 10%; February's 10% was an earlier step
    expect(disputes).toEqual({ "2031-02-04": 0, "2031-03-04": 0, "2031-11-01": 1, "2031-11-10": 1 });
  });

  it("keeps tariffs of another layer or rate apart on the same day", () => {
    const tariff = (article: string, layer: "fentanyl" | "reciprocal", rate?: number) =>
      event({ article, date: "2031-05-12", type: "tariff", phase: "effective", actors: ["freedonia"], tariff: { layer, ...(rate !== undefined && { rate }) } });
    const entries = groupTimeline([tariff("a", "fentanyl", 10), tariff("b", "reciprocal", 10), tariff("c", "fentanyl", 20), tariff("d", "fentanyl")]);
    expect(entries.map((e) => `${e.tariff?.layer}@${e.tariff?.rate}:${e.sources.length}`).sort()).toEqual(["fentanyl@10:2", "fentanyl@20:1", "reciprocal@10:1"]);
  });

  it("counts a tariff's target country among its actors", () => {
    const entries = groupTimeline([
      event({ article: "a", date: "2031-03-04", type: "tariff", phase: "effective", actors: ["freedonia", "ruritania"], tariff: { layer: "fentanyl", rate: 20, target: "ruritania" } }),
      event({ article: "b", date: "2031-03-04", type: "tariff", phase: "effective", tariff: { layer: "fentanyl", rate: 20, target: "ruritania" } }),
      event({ article: "c", date: "2031-03-04", type: "tariff", phase: "effective", tariff: { layer: "fentanyl", rate: 25, target: "grand-fenwick" } }),
    ]);
    expect(entries.map((e) => e.sources.map((s) => s.article).join("+")).sort()).toEqual(["a+b", "c"]);
    expect(entries.find((e) => e.sources.length === 2)?.actors).toEqual(["freedonia", "ruritania"]);
  });

  it("does not chain two measures through a sentence that names both", () => {
    const entries = groupTimeline([
      ruritaniaControls("a", "2031-03-14", { chemicals: ["compound-x"] }),
      ruritaniaControls("b", "2031-03-14", { chemicals: ["compound-x", "compound-y"], sentenceIndex: 1 }),
      ruritaniaControls("c", "2031-03-14", { chemicals: ["compound-y"], sentenceIndex: 2 }),
    ]);
    expect(entries.map((e) => e.sources.map((s) => s.article).join("+")).sort()).toEqual(["a+b", "c"]);
  });

  it("keeps different chemicals on the same day apart", () => {
    const entries = groupTimeline([ruritaniaControls("gazette", "2031-03-14"), ruritaniaControls("herald", "2031-03-14", { chemicals: ["compound-y"] })]);
    expect(entries).toHaveLength(2);
    expect(entries.flatMap((e) => e.disputedWith)).toEqual([]);
  });

  it("joins on actors when one side names no chemical", () => {
    const entries = groupTimeline([
      ruritaniaControls("gazette", "2031-03-14"),
      ruritaniaControls("herald", "2031-03-14", { chemicals: [], sentence: "Ruritania's new rules took effect on March 14." }),
      ruritaniaControls("courier", "2031-03-14", { chemicals: [], actors: ["freedonia"] }),
    ]);
    expect(entries.map((e) => e.sources.map((s) => s.article))).toEqual([["courier"], ["gazette", "herald"]]);
  });

  it("keeps a seizure and a control on the same day apart", () => {
    const entries = groupTimeline([
      ruritaniaControls("gazette", "2031-03-14"),
      event({ article: "herald", date: "2031-03-14", type: "seizure", actors: ["ruritania"], chemicals: ["compound-x"] }),
    ]);
    expect(entries.map((e) => e.type).sort()).toEqual(["control", "seizure"]);
  });

  it("merges events that name nothing only when their dates are the same (and with the one named event of that day)", () => {
    const bare = (article: string, date: string) => event({ article, date, type: "meeting" });
    const entries = groupTimeline([
      bare("a", "2031-06-05"),
      bare("b", "2031-06-05"),
      bare("c", "2031-06"),
      event({ article: "d", date: "2031-06-05", type: "meeting", actors: ["freedonia"] }),
    ]);
    expect(entries.map((e) => `${e.date}:${e.sources.map((s) => s.article).join("+")}`)).toEqual(["2031-06-05:a+b+d", "2031-06:c"]);
  });

  it("joins ranges only with the same range told less precisely, never with a single date", () => {
    const total = (article: string, date: string, end: string) => event({ article, date, end, type: "seizure", actors: ["ruritania"] });
    const entries = groupTimeline([
      total("a", "2031-01-01", "2031-05-31"),
      total("b", "2031-01", "2031-05"),
      total("c", "2031-01", "2031-03"),
      event({ article: "d", date: "2031-01", type: "seizure", actors: ["ruritania"] }),
    ]);
    expect(entries.map((e) => `${e.date}/${e.end ?? ""}:${e.sources.map((s) => s.article).join("+")}`).sort()).toEqual([
      "2031-01-01/2031-05-31:a+b",
      "2031-01/2031-03:c",
      "2031-01/:d",
    ]);
  });

  it("is scheduled only when every source reports it ahead of its own date", () => {
    const [allAhead] = groupTimeline([ruritaniaControls("a", "2031-03-14", { status: "scheduled" }), ruritaniaControls("b", "2031-03-14", { status: "scheduled" })]);
    const [oneAfter] = groupTimeline([ruritaniaControls("a", "2031-03-14", { status: "scheduled" }), ruritaniaControls("b", "2031-03-14")]);
    expect([allAhead.status, oneAfter.status]).toEqual(["scheduled", "past"]);
  });

  it("gives the same entries, ids and order whatever the order of its input", () => {
    const events = [
      ruritaniaControls("gazette", "2031-07-20"),
      ruritaniaControls("herald", "2031-07-01"),
      ruritaniaControls("almanac", "2031-07", { actors: ["ruritania", "customs"] }),
      ruritaniaControls("courier", "2031-07"),
      event({ article: "herald", sentenceIndex: 3, date: "2031-07-01", type: "seizure", actors: ["ruritania"] }),
      event({ article: "gazette", sentenceIndex: 5, date: "2031", type: "meeting", actors: ["freedonia", "ruritania"] }),
      event({ article: "courier", sentenceIndex: 2, date: "2031-02", type: "meeting", actors: ["ruritania"] }),
    ];
    const expected = JSON.stringify(groupTimeline(events));
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 20; round++) {
      const shuffled = [...events].sort(() => random() - 0.5);
      expect(JSON.stringify(groupTimeline(shuffled))).toBe(expected);
    }
  });

  it("lists entries newest first, a month after the days it contains", () => {
    const entries = groupTimeline([
      ruritaniaControls("a", "2031-07"),
      event({ article: "b", date: "2031-07-20", type: "seizure", actors: ["x"] }),
      event({ article: "c", date: "2030-01-01", type: "arrest", actors: ["x"] }),
      event({ article: "d", date: "2031-08-01", type: "arrest", actors: ["x"] }),
    ]);
    expect(entries.map((e) => e.date)).toEqual(["2031-08-01", "2031-07-20", "2031-07", "2030-01-01"]);
    expect([...entries].sort(compareEntriesNewestFirst)).toEqual(entries);
  });

  it("does not change the events it is given", () => {
    const events = [ruritaniaControls("a", "2031-03-14"), ruritaniaControls("b", "2031-03")];
    const before = JSON.stringify(events);
    groupTimeline(events);
    expect(JSON.stringify(events)).toBe(before);
  });

  it("handles 50,000 events bucket by bucket, with one entry per synthetic happening", { timeout: 120_000 }, () => {
    // 5,000 happenings (type, day, chemical, country), each reported ten times, half of the
    // reports at day precision and the rest at month or year precision. Plain objects:
    // validating 50,000 events would take longer than grouping them.
    const types = ["control", "seizure", "arrest", "meeting", "report"] as const;
    const events: Event[] = [];
    for (let h = 0; h < 5_000; h++) {
      const type = types[h % types.length];
      const year = 2000 + (h % 25);
      const month = String(1 + (h % 12)).padStart(2, "0");
      const day = String(1 + (Math.floor(h / 12) % 28)).padStart(2, "0");
      for (let r = 0; r < 10; r++) {
        const [date, precision] = r < 5 ? [`${year}-${month}-${day}`, "day" as const] : r < 8 ? [`${year}-${month}`, "month" as const] : [`${year}`, "year" as const];
        const article = `article-${h}-${r}`;
        const sentence = `Report ${r} of happening ${h}.`;
        events.push({
          id: `${article}#0`,
          date,
          precision,
          type,
          status: "past",
          actors: [`country-${h % 40}`],
          officials: [],
          chemicals: [`chemical-${h}`],
          statistics: [],
          sentence,
          provenance: { article, sentence: 0, start: 0, end: sentence.length },
        });
      }
    }
    const entries = groupTimeline(events);
    expect(entries).toHaveLength(5_000);
    expect(entries.every((e) => e.sources.length === 10 && e.precision === "day")).toBe(true);
  });
});

describe("summary", () => {
  it("prefers a short, complete sentence", () => {
    expect(
      summarise([
        "and then, on March 14, the rules took effect across the country after a long consultation",
        "Ruritania's control of compound X, which had been discussed in parliament since the spring of the previous year and opposed by the chemical industry, finally took effect on March 14, officials said.",
        "Ruritania's control of compound X took effect on March 14.",
        "It did.",
      ]),
    ).toBe("Ruritania's control of compound X took effect on March 14.");
  });

  it("prefers a sentence that stands on its own and names what the event is about", () => {
    expect(
      summarise(
        ["That rule took effect on March 14.", "The ministry's rule took effect on March 14.", "Ruritania's rule on compound X took effect on March 14."],
        [0, 1, 2],
      ),
    ).toBe("Ruritania's rule on compound X took effect on March 14.");
    expect(summarise(["It took effect on March 14, the ministry said.", "Compound X is now controlled, from March 14."])).toBe("Compound X is now controlled, from March 14.");
  });

  it("uses the most precise source's sentence", () => {
    const [entry] = groupTimeline([
      ruritaniaControls("a", "2031-03", { sentence: "Ruritania controlled compound X in March." }),
      ruritaniaControls("b", "2031-03-14", { sentence: "Compound X came under control in Ruritania on March 14, the health ministry said in a statement." }),
    ]);
    expect(entry.summary).toBe("Compound X came under control in Ruritania on March 14, the health ministry said in a statement.");
  });

  it("cuts a long sentence at a clause, not mid-word, and says it was cut", () => {
    const long = `Ruritania added compound X to its list on March 14, ${"following a consultation that lasted many months and drew comments from industry, ".repeat(3)}officials said.`;
    const cut = trimSummary(long);
    expect(cut.length).toBeLessThanOrEqual(221);
    expect(cut.endsWith("…")).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut).not.toMatch(/[ ,]…$/);
  });
});
