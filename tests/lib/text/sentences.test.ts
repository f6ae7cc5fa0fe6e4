import { describe, expect, it } from "vitest";
import { sentenceAt, splitSentences } from "../../../lib/text/sentences";

describe("splitSentences", () => {
  it("gives the sentences of the text it is given, whatever it split before", () => {
    const first = splitSentences("China acted. Canada followed.");
    expect(splitSentences("China acted. Canada followed.")).toBe(first);
    expect(splitSentences("Mexico seized it.").map((s) => s.text)).toEqual(["Mexico seized it."]);
    expect(splitSentences("China acted. Canada followed.").map((s) => s.text)).toEqual(["China acted.", "Canada followed."]);
  });

  it("keeps titles and initialisms inside their sentence", () => {
    const text = "U.S. Ambassador David Perdue met Mr. Lin on Jan. 5 in Beijing. China said no.";
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      "U.S. Ambassador David Perdue met Mr. Lin on Jan. 5 in Beijing.",
      "China said no.",
    ]);
  });

  it("ends a sentence after an initialism followed by a new subject", () => {
    const text = "The shipment reached the U.S. China denied any role.";
    expect(splitSentences(text)).toHaveLength(2);
  });

  it("keeps middle initials and numbered references together", () => {
    const text = "Laura S. H. Holgate spoke. The rule is No. 5 of the list.";
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      "Laura S. H. Holgate spoke.",
      "The rule is No. 5 of the list.",
    ]);
  });

  it("treats a blank line as a boundary and reports offsets into the text", () => {
    const text = "A headline without a period\n\nThe body starts here.";
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(["A headline without a period", "The body starts here."]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentenceAt(sentences, text.indexOf("body"))).toBe(1);
    expect(sentenceAt(sentences, 0)).toBe(0);
  });
});

describe("splitSentences on long blocks", () => {
  // Long blocks are segmented in chunks; the result must be the same as for short ones.
  it("splits a 5,000-line block into its sentences with exact offsets", () => {
    const text = Array.from({ length: 5000 }, (_, i) => `Mr. Smith met U.S. Ambassador Jones on day ${i}.`).join("\n");
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(5000);
    expect(sentences[4999].text).toBe("Mr. Smith met U.S. Ambassador Jones on day 4999.");
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
