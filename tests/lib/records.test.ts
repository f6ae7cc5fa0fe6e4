import { describe, expect, it } from "vitest";
import { EMPTY_REGISTRIES } from "../../lib/extract/context";
import { extractAll } from "../../lib/extract";
import { looksLikeDigest, looksLikeRecords, mentionsOf, splitIds, toDigest, toRecords, uniqueIds } from "../../lib/records";
import { ArticleDigest, ArticleRecords, Extraction } from "../../lib/schema";

const span = (text: string, sentence: number, start = 0) => ({ text, start, end: start + text.length, sentence });
const prov = (sentence: number, start = 0, end = 10) => ({ article: "a-1", sentence, start, end });

const extraction: Extraction = {
  chemicals: [{ id: "npp", name: "NPP", registered: true, role: "precursor", mentions: [span("NPP", 0, 4), span("NPP", 2, 90)], provenance: prov(0) }],
  dates: [{ text: "May 2024", start: "2024-05", precision: "month", provenance: prov(0, 20, 28) }],
  officials: [{ id: "wang", name: "Wang Xiaohong", title: "Minister", registered: false, mentions: [span("Wang", 1, 40)], provenance: prov(1) }],
  actors: [{ id: "china", name: "China", type: "country", registered: true, mentions: [span("China", 0, 0), span("China", 1, 50)], provenance: prov(0) }],
  statistics: [{ text: "3 tonnes", value: 3, unit: "t", measure: "seized", provenance: prov(1, 60, 68) }],
  quotes: [{ text: "We act.", speaker: "Wang Xiaohong", speakerId: "wang", speakerKind: "official", provenance: prov(2, 80, 88) }],
  events: [
    { id: "a-1#0", date: "2024-05", precision: "month", type: "control", status: "past", actors: ["china"], officials: [], chemicals: ["npp", "npp"], statistics: [], sentence: "China controlled NPP in May 2024.", provenance: prov(0, 0, 33) },
    { id: "a-1#1", date: "2024", end: "2025", precision: "year", type: "seizure", status: "past", actors: ["china"], officials: ["wang"], chemicals: [], statistics: [0], sentence: "Wang said 3 tonnes were seized.", provenance: prov(1, 34, 65) },
  ],
};

describe("records", () => {
  it("keep what queries across articles read and drop spans and dates", () => {
    const records = ArticleRecords.parse(toRecords(extraction));
    expect(records.chemicals[0]).toEqual({ id: "npp", name: "NPP", registered: true, role: "precursor", mentions: [0, 2] });
    expect(records.actors[0].mentions).toEqual([0, 1]);
    expect(records.officials[0]).toMatchObject({ id: "wang", title: "Minister", mentions: [1] });
    expect(records.dateCount).toBe(1);
    expect(records.events).toEqual(extraction.events);
    expect(JSON.stringify(records)).not.toContain("May 2024\"");
  });

  it("pass the structural check as stored, and nothing else does", () => {
    const body = "China added 4-AP to its control list on 1 September 2024. Officials seized 12 kg in March. Nothing else happened.";
    const records = toRecords(extractAll(body, { slug: "real", date: "2024-10-01", registries: EMPTY_REGISTRIES }));
    expect(records.events.length).toBeGreaterThan(0);
    expect(looksLikeRecords(JSON.parse(JSON.stringify(records)))).toBe(true);
    for (const bad of [null, [], { ...records, events: "none" }, { ...records, dateCount: undefined }]) expect(looksLikeRecords(bad)).toBe(false);
  });
});

describe("digests", () => {
  it("carry each event's date, type and ids, each id once, in the records' order", () => {
    const digest = ArticleDigest.parse(toDigest(toRecords(extraction)));
    expect(digest.events).toEqual({
      sentence: [0, 1],
      date: ["2024-05", "2024"],
      end: [null, "2025"],
      type: ["control", "seizure"],
      actors: ["china", "china wang"],
      chemicals: ["npp", ""],
    });
    expect(digest.chemicals).toEqual({ id: ["npp"], mentions: [2] });
    expect(digest.actors).toEqual({ id: ["china"], mentions: [2], country: [null] });
    expect(digest.officials).toEqual({ id: ["wang"], mentions: [1], countryId: [null] });
    expect(digest.described.officials).toEqual([{ id: "wang", name: "Wang Xiaohong", countryId: undefined, registered: false }]);
    expect(digest.counts).toEqual({ dates: 1, statistics: 1, quotes: 1 });
  });

  it("pass the structural check as stored, and nothing else does", () => {
    const digest = JSON.parse(JSON.stringify(toDigest(toRecords(extraction))));
    expect(looksLikeDigest(digest)).toBe(true);
    expect(looksLikeDigest({ ...digest, events: { ...digest.events, type: ["control"] } })).toBe(false);
    expect(looksLikeDigest({ ...digest, chemicals: [] })).toBe(false);
    expect(splitIds(digest.events.actors[1])).toEqual(["china", "wang"]);
    expect(splitIds("")).toEqual([]);
  });

  it("leave out names the registries give", () => {
    const registries = { chemicals: { chemicals: [{ id: "npp", name: "NPP", aliases: [], abbreviations: [], systematic_names: [], role: "precursor" as const, controls: [] }] }, actors: { organizations: [], people: [] } };
    const digest = toDigest(toRecords(extraction), registries);
    expect(digest.described.chemicals).toEqual([]);
    expect(digest.described.actors.map((a) => a.id)).toEqual(["china"]);
    expect(mentionsOf("china", digest.actors, digest.officials)).toBe(2);
  });

  it("unique ids keep order and reuse a list without repeats", () => {
    const list = ["a", "b"];
    expect(uniqueIds(list)).toBe(list);
    expect(uniqueIds(["a", "b", "a"])).toEqual(["a", "b"]);
    expect(uniqueIds(["a"], ["b", "a", "c"])).toEqual(["a", "b", "c"]);
  });
});
