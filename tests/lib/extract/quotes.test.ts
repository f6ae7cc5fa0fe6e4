import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { extractActors } from "../../../lib/extract/people/actors";
import { EMPTY_REGISTRIES, makeContext } from "../../../lib/extract/context";
import { extractOfficials } from "../../../lib/extract/people/officials";
import { extractQuotes } from "../../../lib/extract/people/quotes";
import { ActorRegistry, Quote } from "../../../lib/schema";

const REGISTRY = ActorRegistry.parse(parse(readFileSync(path.join(__dirname, "../../../content/registry/actors.yaml"), "utf8")));

function extract(text: string): Quote[] {
  const ctx = makeContext(text, { slug: "test", date: "2025-06-27", registries: { ...EMPTY_REGISTRIES, actors: REGISTRY } });
  const actors = extractActors(text, ctx);
  const quotes = extractQuotes(text, ctx, extractOfficials(text, ctx, actors), actors);
  for (const q of quotes) Quote.parse(q);
  return quotes;
}

const speakers = (text: string) => extract(text).map((q) => [q.text, q.speaker ?? null, q.speakerKind ?? null]);

describe("extractQuotes: speakers after the quote", () => {
  it("reads 'said NAME' and 'NAME said' with straight and curly quotes", () => {
    expect(speakers('"We will cut off the chain," said Tan Jiawei, a senior official.')).toEqual([["We will cut off the chain", "Tan Jiawei", "official"]]);
    expect(speakers("\u201cThe relationship is very good,\u201d Trump said.")).toEqual([["The relationship is very good", "Donald Trump", "official"]]);
  });

  it("links the speaker to the official's id", () => {
    const [q] = extract("Kofi Mensah, 45, was charged. \u201cI am innocent,\u201d Mensah said.");
    expect(q).toMatchObject({ speaker: "Kofi Mensah", speakerId: "kofi-mensah", speakerKind: "official" });
  });

  it("reads a pronoun as the last official named as a speaker", () => {
    const text = "Donald Trump said on Thursday he had met Xi Jinping in Busan. He said the dispute was \u201csettled for good now\u201d.\n\n\u201cIt went well,\u201d he added.";
    expect(extract(text).map((q) => q.speaker)).toEqual(["Donald Trump", "Donald Trump"]);
  });

  it("reads 'the agency said' as the last organisation of that kind", () => {
    const text = "The Canada Border Services Agency seized the shipment. \u201cThe CBSA is committed to stopping drugs,\u201d the agency said.";
    expect(extract(text)[0]).toMatchObject({ speaker: "Canada Border Services Agency", speakerId: "cbsa", speakerKind: "actor" });
  });

  it("keeps a subject it cannot link as the speaker's name", () => {
    expect(speakers('Work on the two chemicals, which the UN added, is "well underway now", the white paper says.')).toEqual([["well underway now", "the white paper", null]]);
  });

  it("reads an organisation named as the speaker", () => {
    expect(speakers("The move was a \u201cvaluable step forward\u201d, the White House said Tuesday.")).toEqual([["valuable step forward", "White House", "actor"]]);
  });
});

describe("extractQuotes: speakers before the quote", () => {
  it("reads 'NAME said:' and a verb with its subject earlier in the sentence", () => {
    expect(speakers("The Chief of the section, Kofi Mensah, said: \u201cFentanyl is a good medicine.\u201d")).toEqual([["Fentanyl is a good medicine.", "Kofi Mensah", "official"]]);
    expect(speakers("Dr. Nora Volkow, director of the institute, said she was \u201cdeeply troubled about the impact\u201d of the mix.")).toEqual([
      ["deeply troubled about the impact", "Nora Volkow", "official"],
    ]);
  });

  it("reads the second quote of 'X said, later adding, \"...\"'", () => {
    const text = "\u201cI expect to be lowering that,\u201d Trump said, later adding, \u201cThe relationship with China is very good.\u201d";
    expect(extract(text).map((q) => q.speaker)).toEqual(["Donald Trump", "Donald Trump"]);
  });

  it("keeps an unnamed speaker as written, without a link", () => {
    const [q] = extract("A U.S. official familiar with the matter said the decision was \u201cfundamental to resolving the issue.\u201d");
    expect(q).toMatchObject({ speaker: "A U.S. official" });
    expect(q.speakerId).toBeUndefined();
  });

  it("reads 'according to X'", () => {
    expect(speakers("According to Kofi Mensah, the shipment was \u201cdeclared as household goods by the sender\u201d.")).toEqual([
      ["declared as household goods by the sender", "Kofi Mensah", "official"],
    ]);
  });
});

describe("extractQuotes: without a speaker", () => {
  it("keeps a quote with no speaker, with no speaker", () => {
    const [q] = extract("\u201cThe importation of precursor chemicals contributes to a toxic supply.\u201d");
    expect(q.text).toBe("The importation of precursor chemicals contributes to a toxic supply.");
    expect(q.speaker).toBeUndefined();
    expect(q.speakerKind).toBeUndefined();
  });

  it("drops scare quotes of one to three words unless attributed", () => {
    expect(extract('The shipment was declared as "toys" and "various household goods" at the border.')).toEqual([]);
    expect(speakers('Beijing said the dispute was "settled".')).toEqual([["settled", "China", "actor"]]);
  });

  it("does not read a nickname as a quote", () => {
    expect(extract('Police arrested Ismael "El Mayo" Zambada in July.')).toEqual([]);
  });

  it("gives a following quote in the same paragraph the same speaker", () => {
    const text = '"The trail leads to the Zhengs," said U.S. Attorney Justin Herdman. "This group shipped deadly drugs for a decade."';
    expect(extract(text).map((q) => q.speaker)).toEqual(["Justin Herdman", "Justin Herdman"]);
  });

  it("records where the quote is", () => {
    const text = "Trade fell. \u201cWe act now,\u201d Trump said.";
    expect(extract(text)[0].provenance).toEqual({ article: "test", sentence: 1, start: 12, end: 25 });
  });
});
