import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { isValidCas } from "../../../lib/extract/chemicals/cas";
import { extractChemicals } from "../../../lib/extract/chemicals";
import { matcherFor, nameKey } from "../../../lib/extract/chemicals/matcher";
import { EMPTY_REGISTRIES, makeContext } from "../../../lib/extract/context";
import { Chemical, ChemicalRegistry, type ChemicalEntry } from "../../../lib/schema";

// ---------------------------------------------------------------------------------------
// Helpers

type EntryInput = Pick<ChemicalEntry, "id" | "name" | "role"> & Partial<Omit<ChemicalEntry, "id" | "name" | "role">>;

function registry(...entries: EntryInput[]): ChemicalRegistry {
  return ChemicalRegistry.parse({ chemicals: entries });
}

/** A small registry with the names whose digits and hyphens make the traps. */
const SMALL = registry(
  { id: "fentanyl", name: "fentanyl", aliases: ["fentanyl citrate"], cas: "437-38-7", role: "opioid" },
  { id: "npp", name: "NPP", aliases: ["N-phenethyl-4-piperidone"], abbreviations: ["4-NPP"], systematic_names: ["1-(2-phenylethyl)piperidin-4-one"], cas: "39742-60-4", role: "precursor" },
  { id: "4-anpp", name: "4-ANPP", abbreviations: ["ANPP"], cas: "21409-26-7", role: "precursor" },
  { id: "4-ap", name: "4-AP", aliases: ["4-anilinopiperidine"], cas: "23056-29-3", role: "precursor" },
  { id: "1-boc-4-ap", name: "1-boc-4-AP", aliases: ["boc-4-AP", "N-Boc-4-AP"], cas: "125541-22-2", role: "precursor" },
  { id: "norfentanyl", name: "norfentanyl", cas: "1609-66-1", role: "precursor" },
  { id: "4-piperidone", name: "4-piperidone", cas: "41661-47-6", role: "pre-precursor" },
  { id: "1-boc-4-piperidone", name: "1-boc-4-piperidone", aliases: ["N-Boc-4-piperidone"], role: "pre-precursor" },
  { id: "carfentanil", name: "carfentanil", role: "opioid" },
  { id: "acetylfentanyl", name: "acetyl fentanyl", role: "opioid" },
  { id: "heroin", name: "heroin", role: "opioid" },
  { id: "xylazine", name: "xylazine", role: "other-drug" },
  { id: "nitazenes", name: "nitazenes", aliases: ["nitazene"], role: "opioid" },
  { id: "phenethyl-bromide", name: "phenethyl bromide", aliases: ["(2-bromoethyl)benzene"], role: "reagent" },
);

function extract(text: string, chemicals: ChemicalRegistry = SMALL): Chemical[] {
  const ctx = makeContext(text, { slug: "test", date: "2025-06-27", registries: { ...EMPTY_REGISTRIES, chemicals } });
  return extractChemicals(text, ctx);
}

const ids = (text: string, chemicals?: ChemicalRegistry) => extract(text, chemicals).map((c) => c.id);
const mentionTexts = (text: string, id: string) => extract(text).find((c) => c.id === id)?.mentions.map((m) => m.text) ?? [];

function loadRealRegistry(): ChemicalRegistry {
  const file = path.join(__dirname, "../../../content/registry/chemicals.yaml");
  return ChemicalRegistry.parse(parse(readFileSync(file, "utf8")));
}

// ---------------------------------------------------------------------------------------

describe("extractChemicals: digits and hyphens inside names", () => {
  it("tells 4-AP from 4-ANPP and 1-boc-4-AP", () => {
    const found = extract("China added 4-ANPP, 1-boc-4-AP and 4-AP to the list.");
    expect(found.map((c) => [c.id, c.mentions.map((m) => m.text)])).toEqual([
      ["4-anpp", ["4-ANPP"]],
      ["1-boc-4-ap", ["1-boc-4-AP"]],
      ["4-ap", ["4-AP"]],
    ]);
  });

  it("does not find 4-AP inside an unregistered longer name", () => {
    expect(ids("It seized N-methyl-4-AP and 4-APX.")).toEqual([]);
    expect(ids("Boc-4-AP is also called N-Boc-4-AP.")).toEqual(["1-boc-4-ap"]);
  });

  it("does not find NPP inside ANPP, 4-ANPP or other words", () => {
    expect(ids("ANPP and 4-ANPP were listed; SNPP and NPPX are not chemicals.")).toEqual(["4-anpp"]);
    expect(ids("4-NPP, as the INCB calls NPP.")).toEqual(["npp"]);
  });

  it("does not find 4-piperidone inside longer piperidone names", () => {
    expect(ids("1-boc-4-piperidone and N-Boc-4-piperidone")).toEqual(["1-boc-4-piperidone"]);
    expect(ids("N-phenethyl-4-piperidone (NPP)")).toEqual(["npp"]);
    expect(ids("1-boc-4-piperidone can revert to 4-piperidone.")).toEqual(["1-boc-4-piperidone", "4-piperidone"]);
  });

  it("does not find fentanyl inside norfentanyl or carfentanil", () => {
    expect(ids("norfentanyl and carfentanil")).toEqual(["norfentanyl", "carfentanil"]);
  });

  it("prefers the longest name at a position", () => {
    expect(mentionTexts("A shipment of acetyl fentanyl arrived.", "acetylfentanyl")).toEqual(["acetyl fentanyl"]);
    expect(ids("A shipment of acetyl fentanyl arrived.")).toEqual(["acetylfentanyl"]);
  });

  it("reads a locant list written with a space before the name", () => {
    const diol = registry({ id: "1-4-butanediol", name: "1,4-butanediol", role: "precursor" });
    expect(extract("They seized 900 litres of 1,4 Butanediol.", diol).map((c) => c.mentions[0].text)).toEqual(["1,4 Butanediol"]);
    // A count before a name still stays out of it: "4 AP" is four APs, not 4-AP.
    expect(ids("The lab held 4 AP units.")).toEqual([]);
  });

  it("ignores case, and spaces, hyphens and brackets inside a name", () => {
    expect(ids("ACETYL-FENTANYL, acetylfentanyl and Acetyl Fentanyl")).toEqual(["acetylfentanyl"]);
    expect(ids("1-(2-phenylethyl)piperidin-4-one and 1-(2-phenylethyl)-piperidin-4-one")).toEqual(["npp"]);
  });

  it("follows a name onto the next line of a paragraph, but not across a blank line", () => {
    expect(ids("a shipment of acetyl\nfentanyl")).toEqual(["acetylfentanyl"]);
    expect(ids("a shipment of acetyl\n\nfentanyl")).toEqual(["fentanyl"]);
    expect(mentionTexts("fentanyl\n\ncitrate", "fentanyl")).toEqual(["fentanyl"]);
  });

  it("keeps a name's leading bracket in its span", () => {
    expect(mentionTexts("The DEA listed (2-bromoethyl)benzene.", "phenethyl-bromide")).toEqual(["(2-bromoethyl)benzene"]);
  });

  it("does not read a count before a word as a name with a hyphen", () => {
    expect(ids("There were 4 AP reporters.")).toEqual([]);
  });
});

describe("extractChemicals: salts, plurals and compounds", () => {
  it("reports a salt as its base chemical, with the salt in the mention", () => {
    expect(extract("Fentanyl citrate is a medicine.").map((c) => [c.id, c.mentions[0].text])).toEqual([["fentanyl", "Fentanyl citrate"]]);
    expect(mentionTexts("4-piperidone hydrochloride and 4-piperidone HCl monohydrate", "4-piperidone")).toEqual([
      "4-piperidone hydrochloride",
      "4-piperidone HCl monohydrate",
    ]);
  });

  it("accepts a plural of an ordinary word", () => {
    expect(mentionTexts("Nitazenes are stronger than fentanyl.", "nitazenes")).toEqual(["Nitazenes"]);
  });

  it("finds drugs in English compounds", () => {
    expect(ids("fentanyl-laced pills")).toEqual(["fentanyl"]);
    expect(ids("Xylazine-positive deaths")).toEqual(["xylazine"]);
    expect(ids("anti-fentanyl cooperation")).toEqual(["fentanyl"]);
    expect(ids("a heroin-fentanyl mixture")).toEqual(["heroin", "fentanyl"]);
  });
});

describe("extractChemicals: class words are not chemicals", () => {
  it("skips class words", () => {
    const text =
      "Precursor chemicals, synthetic opioids, fentanyl-related substances, fentanyl-like substances, " +
      "fentanyl related substances, new psychoactive substances and other drugs.";
    expect(extract(text)).toEqual([]);
  });

  it("still finds the drug beside a class word", () => {
    expect(ids("Fentanyl-related substances and fentanyl itself")).toEqual(["fentanyl"]);
  });

  it("skips words inside URLs", () => {
    expect(ids("See https://example.org/fentanyl-crisis/heroin for more.")).toEqual([]);
  });
});

describe("extractChemicals: CAS numbers", () => {
  it("maps a valid CAS number to its registry chemical", () => {
    const found = extract("The notice lists CAS 23056-29-3 and 4-AP.");
    expect(found).toHaveLength(1);
    expect(found[0].id).toBe("4-ap");
    expect(found[0].mentions.map((m) => m.text)).toEqual(["23056-29-3", "4-AP"]);
  });

  it("rejects a CAS number with a bad check digit", () => {
    expect(extract("The notice lists CAS 23056-29-4.")).toEqual([]);
  });

  it("gives an unregistered CAS number to the name just before it", () => {
    const found = extract("It covers phenethyl bromide (CAS No. 103-63-9).");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: "phenethyl-bromide", cas: "103-63-9", registered: true });
  });

  it("reports a lone unregistered CAS number as unregistered", () => {
    expect(extract("An unnamed chemical, CAS 7732-18-5, was seized.")).toMatchObject([
      { id: "cas-7732-18-5", name: "7732-18-5", cas: "7732-18-5", registered: false },
    ]);
  });
});

describe("extractChemicals: unregistered drugs by shape", () => {
  it("reports unregistered fentanyl analogues with a slug id", () => {
    const found = extract("Ocfentanil, para-Fluorofentanyl and cyclopropyl fentanyl were found.");
    expect(found.map((c) => [c.id, c.registered, c.role, c.mentions[0].text])).toEqual([
      ["ocfentanil", false, "opioid", "Ocfentanil"],
      ["para-fluorofentanyl", false, "opioid", "para-Fluorofentanyl"],
      ["cyclopropyl-fentanyl", false, "opioid", "cyclopropyl fentanyl"],
    ]);
  });

  it("keeps a salt out of an analogue's name and id", () => {
    expect(extract("cyclopropyl fentanyl hydrochloride")).toMatchObject([
      { id: "cyclopropyl-fentanyl", name: "cyclopropyl fentanyl", mentions: [{ text: "cyclopropyl fentanyl hydrochloride" }] },
    ]);
  });

  it("merges spellings of one unregistered analogue", () => {
    const found = extract("para-fluorofentanyl, also written para-fluoro-fentanyl");
    expect(found).toHaveLength(1);
    expect(found[0].mentions).toHaveLength(2);
  });

  it("reports nitazenes and designer benzodiazepines", () => {
    expect(ids("isotonitazene, metonitazenes and bromazolam")).toEqual(["isotonitazene", "metonitazene", "bromazolam"]);
  });

  it("does not take English compounds for analogues", () => {
    expect(ids("non-fentanyl overdoses", registry())).toEqual(["fentanyl"]);
    expect(ids("the Mexico-fentanyl link", registry())).toEqual([]);
    expect(ids("a vinyl fentanyl poster")).toEqual(["fentanyl"]);
    expect(ids("#StopFentanyl", registry())).toEqual([]);
    expect(ids("OCFENTANIL", registry())).toEqual(["ocfentanil"]);
  });

  it("reports fentanyl itself when the registry is empty", () => {
    expect(extract("fentanyl", registry())).toMatchObject([{ id: "fentanyl", registered: false }]);
  });
});

describe("extractChemicals: records", () => {
  const text = "China controls 4-AP. Fentanyl is made from 4-AP.\n\nThe 4-AP rule starts in May.";

  it("gives one record per chemical with every mention, in order of first mention", () => {
    const found = extract(text);
    expect(found.map((c) => c.id)).toEqual(["4-ap", "fentanyl"]);
    expect(found[0].mentions.map((m) => m.sentence)).toEqual([0, 1, 2]);
  });

  it("writes exact offsets, sentence indexes and provenance", () => {
    for (const chemical of extract(text)) {
      expect(Chemical.parse(chemical)).toEqual(chemical);
      for (const m of chemical.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      const first = chemical.mentions[0];
      expect(chemical.provenance).toEqual({ article: "test", sentence: first.sentence, start: first.start, end: first.end });
    }
  });

  it("takes name, CAS and role from the registry", () => {
    expect(extract("Fentanyl")).toMatchObject([{ id: "fentanyl", name: "fentanyl", cas: "437-38-7", role: "opioid", registered: true }]);
  });

  it("compiles each registry once", () => {
    expect(matcherFor(SMALL)).toBe(matcherFor(SMALL));
    expect(matcherFor(registry())).not.toBe(matcherFor(SMALL));
  });

  it("returns nothing for an empty body", () => {
    expect(extract("")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------

describe("content/registry/chemicals.yaml", () => {
  const real = loadRealRegistry();

  it("fits the schema and holds the fact sheet's chemicals", () => {
    const have = new Set(real.chemicals.map((c) => c.id));
    for (const id of ["fentanyl", "npp", "4-anpp", "4-ap", "1-boc-4-ap", "norfentanyl", "4-piperidone", "1-boc-4-piperidone", "benzylfentanyl", "phenethyl-bromide", "propionyl-chloride", "aniline"]) {
      expect(have.has(id), id).toBe(true);
    }
  });

  it("has valid CAS numbers, ordered dates and known jurisdictions", () => {
    const jurisdictions = new Set(["united-states", "china", "canada", "mexico", "india", "eu", "un"]);
    for (const c of real.chemicals) {
      if (c.cas) expect(isValidCas(c.cas), c.id).toBe(true);
      for (const control of c.controls) {
        expect(jurisdictions.has(control.jurisdiction), `${c.id} ${control.jurisdiction}`).toBe(true);
        if (control.announced && control.effective) {
          expect(control.effective >= control.announced.slice(0, control.effective.length), `${c.id} ${control.instrument}`).toBe(true);
        }
      }
    }
  });

  it("knows the street names Indian copy uses for cannabis and its resin", () => {
    const ctx = makeContext("Police seized ganja and charas.", { slug: "t", date: "2025-06-27", registries: { ...EMPTY_REGISTRIES, chemicals: real } });
    expect(extractChemicals("Police seized ganja and charas.", ctx).map((c) => c.id)).toEqual(["cannabis", "hashish"]);
  });

  it("knows common brand names of drugs that turn up as counterfeit pills", () => {
    const text = "Fake Adderall and Xanax pills held fentanyl.";
    const ctx = makeContext(text, { slug: "t", date: "2025-06-27", registries: { ...EMPTY_REGISTRIES, chemicals: real } });
    expect(extractChemicals(text, ctx).map((c) => c.id)).toEqual(["amphetamine", "alprazolam", "fentanyl"]);
  });

  it("gives every name to one chemical only, even with separators ignored", () => {
    const owner = new Map<string, string>();
    for (const c of real.chemicals) {
      for (const name of [c.name, ...c.aliases, ...c.abbreviations, ...c.systematic_names]) {
        const key = nameKey(name);
        expect(owner.get(key) ?? c.id, `${name} in ${c.id}`).toBe(c.id);
        owner.set(key, c.id);
      }
    }
  });

  it("finds every chemical by each of its own names in a sentence", () => {
    for (const c of real.chemicals) {
      for (const name of [c.name, ...c.aliases, ...c.abbreviations, ...c.systematic_names]) {
        const found = extract(`Officials said ${name} was seized.`, real);
        expect(found.map((f) => f.id), name).toEqual([c.id]);
        expect(found[0].mentions[0].text).toBe(name);
      }
    }
  });
});
