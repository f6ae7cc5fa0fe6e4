import { describe, expect, it } from "vitest";
import { timelineFlags } from "../../../lib/flags";
import { someOf } from "../../../lib/flags/disputes";
import { groupTimeline } from "../../../lib/timeline/group";
import { event } from "../timeline/events";

describe("flags: disputed", () => {
  it("flags both sides of a date the sources disagree on", () => {
    const flags = timelineFlags(
      groupTimeline([
        event({ article: "a",  date: "2026-07-01", type: "control", phase: "effective", actors: ["ruritania"], chemicals: ["compound-x"] }),
        event({ article: "b",  date: "2026-07-20", type: "control", phase: "effective", actors: ["ruritania"], chemicals: ["compound-x"] }),
      ]),
    );
    expect(flags.map((f) => [f.kind, f.severity, f.provenance.article]).sort()).toEqual([
      ["disputed", "notice", "a"],
      ["disputed", "notice", "b"],
    ]);
    const a = flags.find((f) => f.provenance.article === "a")!;
    expect(a.message).toMatch(/1 July 2026.*20 July 2026 \(b\)/);
    expect(a.entry).toBeDefined();
  });

  it("names at most three of the other side's dates and articles, and how many more there are", () => {
    const day = (article: string, date: string) => event({ article, date, type: "control", phase: "effective", actors: ["ruritania"], chemicals: ["compound-x"] });
    const flags = timelineFlags(groupTimeline([day("a", "2026-07-01"), ...["b", "c", "d", "e", "f"].map((article, i) => day(article, `2026-07-${20 + i}`))]));
    const a = flags.find((f) => f.provenance.article === "a")!;
    expect(a.message).toMatch(/to 20 July 2026 or 21 July 2026 or 22 July 2026 or 2 more \(b, c, d, 2 more\)\.$/);
    // A short list is named whole.
    expect(someOf(["x", "y", "z"], ", ")).toBe("x, y, z");
  });

  it("flags different rates of one tariff on one day", () => {
    const tariff = (article: string, rate: number) => event({ article, date: "2026-02-04", type: "tariff", phase: "effective", actors: ["ruritania"], tariff: { layer: "fentanyl", rate, target: "freedonia" } });
    const flags = timelineFlags(groupTimeline([tariff("a", 20), tariff("b", 10)]));
    expect(flags.map((f) => f.provenance.article).sort()).toEqual(["a", "b"]);
    expect(flags.find((f) => f.provenance.article === "a")!.message).toMatch(/20%.*10%/);
  });

  it("finds nothing when sources agree, or tell steps months apart", () => {
    const same = [
      event({ article: "a",  date: "2026-07-20", type: "control", phase: "effective", actors: ["ruritania"], chemicals: ["compound-x"] }),
      event({ article: "b",  date: "2026-07-20", type: "control", phase: "effective", actors: ["ruritania"], chemicals: ["compound-x"] }),
    ];
    expect(timelineFlags(groupTimeline(same))).toEqual([]);
    const steps = [
      event({ article: "a",  date: "2026-02-04", type: "tariff", phase: "effective", tariff: { layer: "fentanyl", rate: 10, target: "freedonia" } }),
      event({ article: "b",  date: "2026-03-04", type: "tariff", phase: "effective", tariff: { layer: "fentanyl", rate: 20, target: "freedonia" } }),
    ];
    expect(timelineFlags(groupTimeline(steps))).toEqual([]);
  });
});

describe("flags: disputed figures need a named layer", () => {
  it("leaves totals (layer other) alone: they differ from a layer's rate on the same day", () => {
    const tariff = (article: string, rate: number) => event({ article, date: "2026-05-14", type: "tariff", phase: "effective", tariff: { layer: "other", rate, target: "freedonia" } });
    expect(timelineFlags(groupTimeline([tariff("a", 30), tariff("b", 10)]))).toEqual([]);
  });
});
