import { beforeAll, describe, expect, it } from "vitest";
import { registryDir } from "../../../lib/content/loader";
import type { Registries } from "../../../lib/extract/context";
import { clauseStarts, clauseWindow, tariffDetail } from "../../../lib/extract/events";
import { eventTimes } from "../../../lib/extract/events/time";
import { findTriggers } from "../../../lib/extract/events/triggers";
import { extractAll } from "../../../lib/extract";
import { loadRegistries } from "../../../lib/registry";

let registries: Registries;
beforeAll(async () => {
  registries = (await loadRegistries(registryDir())).registries;
});

/** Events of an inline text, as [date(/end), type, phase, status]. */
function read(text: string, date: string) {
  return extractAll(text, { slug: "t", date, registries }).events;
}
const brief = (text: string, date: string) => read(text, date).map((e) => [e.end ? `${e.date}/${e.end}` : e.date, e.type, e.phase ?? "", e.status]);

describe("events: what is a happening", () => {
  it("reads two events from one sentence: the announcement and the entry into force", () => {
    const text = "Last Friday, the Chinese government announced that three chemicals will be added to its list of controlled precursors from August 15.";
    expect(brief(text, "2026-06-10")).toEqual([
      ["2026-06-05", "control", "announced", "past"],
      ["2026-08-15", "control", "effective", "scheduled"],
    ]);
    const [announced, effective] = read(text, "2026-06-10");
    expect(announced.actors).toContain("china");
    expect(effective.sentence).toBe(text);
  });

  it("reads a decision told ahead of the day it applies as announced that day", () => {
    expect(brief("The health minister said Monday that the country would restrict the import of two chemicals starting next month.", "2026-03-05")).toEqual([
      ["2026-03-02", "control", "announced", "past"],
      ["2026-04", "control", "effective", "scheduled"],
    ]);
  });

  it("reads a tariff that someone said would take effect as announced the day it was said", () => {
    expect(brief("Last Thursday, the president said the tariffs on Canadian goods would take effect on March 4.", "2026-02-25")).toEqual([
      ["2026-02-19", "tariff", "announced", "past"],
      ["2026-03-04", "tariff", "effective", "scheduled"],
    ]);
  });

  it("dates a happening by the reporting verb that tells it", () => {
    expect(brief("Prosecutors charged four executives of a chemical supplier, the Justice Department said on Tuesday.", "2026-03-05")).toEqual([
      ["2026-03-03", "prosecution", "", "past"],
    ]);
  });

  it("reads a dated statement that reports no other happening as a statement", () => {
    expect(brief("On Monday, the foreign ministry said the accusations were baseless.", "2026-03-05")).toEqual([["2026-03-02", "statement", "", "past"]]);
  });

  it("gives no event for states, negations and undated happenings", () => {
    expect(read("The country has not yet added 4-AP to its control list, an official said in March.", "2026-05-01").map((e) => e.type)).toEqual(["statement"]);
    expect(read("Border agents seized 40 kilograms of precursors at the port.", "2026-05-01")).toEqual([]);
    expect(read("NPP has been a List I chemical since 2007.", "2026-05-01")).toEqual([]);
    expect(read("The ministry could ban the two chemicals in July.", "2026-05-01")).toEqual([]);
  });

  it("gives no event for a comparison with an earlier period", () => {
    expect(read("Over 900 suspects were arrested, a 3.5% rise from the same period last year.", "2026-07-01")).toEqual([]);
  });

  it("ignores a dateline and dates the happening by its own day", () => {
    expect(brief("GENEVA, 4 May (Wire Service) - Delegates met on Monday to discuss precursor controls, organisers said today.", "2026-05-04")).toEqual([
      ["2026-05-04", "meeting", "", "past"],
    ]);
  });

  it("counts 'the following month' and 'the same month' from the date named last", () => {
    const text = [
      "Customs officers seized 500 kilograms of a precursor in March.",
      "The following month, officers discovered 200 kilograms of another chemical in a shipment of toys.",
      "A further 80 kilograms were seized during the same month.",
    ].join(" ");
    expect(brief(text, "2026-10-01").map((e) => e[0])).toEqual(["2026-03", "2026-04", "2026-04"]);
  });

  it("marks an event after the article's date as scheduled", () => {
    expect(brief("The rules take effect on December 1.", "2026-11-20")).toEqual([["2026-12-01", "control", "effective", "scheduled"]]);
    expect(brief("The rules took effect on November 1.", "2026-11-20")).toEqual([["2026-11-01", "control", "effective", "past"]]);
  });

  it("reads one event per happening of a sentence that lists several", () => {
    expect(brief("The Treasury on Wednesday sanctioned six companies and unsealed two indictments against their owners.", "2026-02-05").map((e) => e[1])).toEqual([
      "sanction",
      "prosecution",
    ]);
    expect(brief("The agency listed NPP in 2009, ANPP in 2011, and norfentanyl followed in 2021.", "2026-02-05").map((e) => e[0])).toEqual(["2009", "2011", "2021"]);
  });

  it("keeps one event for a happening told twice in an article", () => {
    const text = "Mexico seized a large shipment of fentanyl precursors earlier this year. The navy seized the 3 tonnes of chemicals at the port of Manzanillo in May.";
    const events = read(text, "2026-09-01");
    expect(events.map((e) => [e.date, e.type])).toEqual([["2026-05", "seizure"]]);
  });

  it("lets an agreement reached at a meeting be that meeting", () => {
    expect(brief("The two ministers agreed on Friday to share shipping data during talks in Ottawa.", "2026-04-20").map((e) => e[1])).toEqual(["meeting"]);
  });
});

describe("events: tariffs", () => {
  it("knows the layer, the new rate and whose goods a tariff taxes", () => {
    const [event] = read("The fentanyl-related tariff on Chinese goods fell from 20% to 10% on Monday under an executive order signed on November 4.", "2025-11-12");
    expect(event).toMatchObject({ date: "2025-11-10", type: "tariff", phase: "effective", tariff: { layer: "fentanyl", rate: 10, target: "china" } });
  });

  it("tells an announced cut from the rate in effect", () => {
    const events = read("The president agreed on Thursday to cut the fentanyl tariff on Canadian goods to 15%, with the lower rate in force from March 1.", "2026-02-12");
    expect(events.map((e) => [e.date, e.phase, e.tariff?.rate])).toEqual([
      ["2026-02-12", "announced", 15],
      ["2026-03-01", "effective", 15],
    ]);
  });

  it("reads the tariff nearest the verb: other duties falling are not the fentanyl layer", () => {
    const clause = "the 20% fentanyl tariff stays in place even as other duties fall";
    expect(tariffDetail(clause, clause.indexOf("fall"), undefined)).toEqual({ layer: "other" });
  });

  it("takes what a back-reference lacks from the tariff before", () => {
    const previous = { layer: "fentanyl", rate: 10, target: "mexico" } as const;
    expect(tariffDetail("and doubled it on April 2", 4, undefined, previous, "doubled")).toEqual({ layer: "fentanyl", rate: 20, target: "mexico" });
  });
});

describe("events: building blocks", () => {
  it("finds triggers and drops the negated ones", () => {
    const kinds = (text: string) => findTriggers(text).map((t) => `${t.role}:${t.type ?? ""}`);
    expect(kinds("Police arrested nine people and seized 12 kg of precursors.")).toEqual(["happening:arrest", "happening:seizure"]);
    expect(kinds("The board urged the country to control the chemical.")).toEqual(["report:"]);
    expect(kinds("It placed ANPP in Schedule II.")).toEqual(["happening:control"]);
  });

  it("splits a sentence into clauses so each event reads its own", () => {
    const text = "The duty was set at 10% on May 4 and raised to 20% on June 4.";
    const starts = clauseStarts(text);
    const window = clauseWindow(text, starts, text.indexOf("raised"), text.indexOf("June 4"));
    expect(text.slice(window.start, window.end)).toBe("raised to 20% on June 4.");
  });

  it("resolves event times: today, last week, and datelines left out", () => {
    const text = "The ministers met last week and spoke again today.";
    const times = eventTimes({ index: 3, text, start: 0 }, [], "2026-03-11", undefined);
    expect(times.map((t) => [t.date, t.until ?? ""])).toEqual([
      ["2026-03-02", "2026-03-08"],
      ["2026-03-11", ""],
    ]);
  });
});
