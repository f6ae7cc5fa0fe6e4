import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { extractActors } from "../../../lib/extract/people/actors";
import { EMPTY_REGISTRIES, makeContext } from "../../../lib/extract/context";
import { Actor, ActorRegistry } from "../../../lib/schema";

/** The project's registry: the tests also check that it parses and that its references hold. */
const REGISTRY = ActorRegistry.parse(parse(readFileSync(path.join(__dirname, "../../../content/registry/actors.yaml"), "utf8")));

function extract(text: string, actors: ActorRegistry = REGISTRY): Actor[] {
  const ctx = makeContext(text, { slug: "test", date: "2025-06-27", registries: { ...EMPTY_REGISTRIES, actors } });
  const found = extractActors(text, ctx);
  for (const a of found) Actor.parse(a);
  return found;
}

const ids = (text: string) => extract(text).map((a) => a.id);
const byId = (text: string, id: string) => extract(text).find((a) => a.id === id);

describe("actors.yaml", () => {
  it("references only organisations it defines", () => {
    const orgIds = new Set(REGISTRY.organizations.map((o) => o.id));
    for (const o of REGISTRY.organizations) {
      if (o.country) expect(orgIds, `${o.id}.country`).toContain(o.country);
      if (o.parent) expect(orgIds, `${o.id}.parent`).toContain(o.parent);
    }
    for (const p of REGISTRY.people) {
      if (p.country) expect(orgIds, `${p.id}.country`).toContain(p.country);
      for (const t of p.titles) if (t.organization) expect(orgIds, `${p.id} title`).toContain(t.organization);
    }
  });

  it("holds the countries, UN bodies and agencies the extractors rely on", () => {
    const orgIds = new Set(REGISTRY.organizations.map((o) => o.id));
    for (const id of ["china", "united-states", "mexico", "canada", "india", "eu", "un", "cnd", "incb", "unodc", "dea", "mps", "nncc", "cbsa", "sspc"]) {
      expect(orgIds).toContain(id);
    }
    expect(REGISTRY.organizations.find((o) => o.id === "china")?.iso).toBe("CN");
  });
});

describe("extractActors: registry names", () => {
  it("finds countries by name, alias, abbreviation and possessive", () => {
    const found = extract("China's envoy and the U.S. met. The US and the United States of America are one.");
    expect(found.find((a) => a.id === "china")?.mentions.map((m) => m.text)).toEqual(["China"]);
    expect(found.find((a) => a.id === "united-states")?.mentions.map((m) => m.text)).toEqual(["U.S.", "US", "United States of America"]);
  });

  it("reads Washington and Beijing as their governments", () => {
    expect(ids("Washington added that Beijing had agreed.")).toEqual(["united-states", "china"]);
  });

  it("does not read a place inside a longer name as the country", () => {
    expect(ids("The Washington Post reported it.")).toEqual([]);
    expect(ids("Police in New Mexico seized pills.")).toEqual([]);
    expect(ids("Ships crossed the South China Sea.")).toEqual([]);
    expect(ids("Deaths rose in North America.")).toEqual([]);
  });

  it("matches acronyms case-sensitively and on word boundaries", () => {
    expect(ids("The DEA and the CND acted.")).toEqual(["dea", "cnd"]);
    expect(ids("He told us the idea was dead.")).toEqual([]);
    expect(ids("The DEAL was signed.")).toEqual([]);
  });

  it("keeps one actor per id with every mention, its sentence and provenance at the first", () => {
    const text = "The Drug Enforcement Administration acted. Later the DEA said more.";
    const dea = byId(text, "dea")!;
    expect(dea.mentions.map((m) => [m.text, m.sentence])).toEqual([["Drug Enforcement Administration", 0], ["DEA", 1]]);
    expect(dea.provenance).toEqual({ article: "test", sentence: 0, start: 4, end: 35 });
    expect(dea).toMatchObject({ name: "Drug Enforcement Administration", type: "government-body", registered: true, country: "united-states" });
  });

  it("prefers the longest alias", () => {
    const found = extract("Officials met in Mexico City.");
    expect(found.map((a) => [a.id, a.mentions[0].text])).toEqual([["mexico", "Mexico City"]]);
  });

  it("matches multi-word names in any case", () => {
    expect(ids("China's foreign ministry said so.")).toContain("china-foreign-ministry");
  });

  it("does not give another country's body to the registered one", () => {
    const found = extract("Mexico's Foreign Ministry protested.");
    expect(found.map((a) => a.id)).toEqual(["mexico", "mexico-foreign-ministry"]);
    expect(found[1]).toMatchObject({ registered: false, country: "mexico" });
  });

  it("uses an empty registry without failing", () => {
    expect(extract("China and the DEA.", { organizations: [], people: [] })).toEqual([]);
  });
});

describe("extractActors: adjectives", () => {
  it("counts an adjective before a word of government", () => {
    expect(ids("Chinese authorities said the Mexican President agreed.")).toEqual(["china", "mexico"]);
  });

  it("ignores an adjective before goods or people", () => {
    expect(ids("Chinese goods and Mexican nationals were named.")).toEqual([]);
  });
});

describe("extractActors: organisations the registry does not know", () => {
  it("finds 'Ministry of X', 'X Agency', 'X Department'", () => {
    const found = extract("The Ministry of Commerce and Industry and the Border Patrol Agency met the Hong Kong Customs and Excise Department.");
    const unregistered = found.filter((a) => !a.registered);
    expect(unregistered.map((a) => [a.name, a.type])).toEqual([
      ["Border Patrol Agency", "government-body"],
      ["Hong Kong Customs and Excise Department", "government-body"],
    ]);
    // "Ministry of Commerce" is registered; the rest of its phrase is not a second body.
    expect(found.find((a) => a.id === "mofcom")).toBeDefined();
  });

  it("guesses courts and companies", () => {
    const found = extract("The Fuzhou Higher Court fined Hubei Amarvel Biotech Co., Ltd. and Acme Chemical Inc. on Monday.");
    expect(found.map((a) => [a.name, a.type, a.registered])).toEqual([
      ["Fuzhou Higher Court", "court", false],
      ["Hubei Amarvel Biotech Co., Ltd.", "company", false],
      ["Acme Chemical Inc.", "company", false],
    ]);
  });

  it("includes a registered place that opens the name", () => {
    const found = extract("Beijing Normal University professors and United Nations Information Service staff.");
    expect(found.filter((a) => !a.registered).map((a) => [a.name, a.country])).toEqual([
      ["Beijing Normal University", "china"],
      ["United Nations Information Service", undefined],
    ]);
  });

  it("takes the country from an adjective or possessive", () => {
    const found = extract("A scholar at the Chinese Academy of Social Sciences spoke.");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: "chinese-academy-of-social-sciences", type: "other", registered: false, country: "china" });
  });

  it("needs more than a bare head word", () => {
    expect(extract("The Ministry said so. The Agency agreed.")).toEqual([]);
  });

  it("stops an organisation before a title that follows it", () => {
    const found = extract("Fujian Provincial Public Security Department Director Zhang Wei spoke.");
    expect(found.map((a) => a.name)).toEqual(["Fujian Provincial Public Security Department"]);
  });
});
