import { describe, expect, it } from "vitest";
import { DEFAULT_MATCH_WORDS, matchReason, matchWords } from "../../../lib/intake/match";
import type { Registries } from "../../../lib/extract/context";

const registries: Registries = {
  chemicals: { chemicals: [{ id: "4-piperidone", name: "4-piperidone", aliases: [], abbreviations: [], systematic_names: [], role: "pre-precursor", controls: [] }] },
  actors: { organizations: [], people: [] },
};

describe("--match", () => {
  it("a bare flag means the default list; words are comma-separated", () => {
    expect(matchWords(undefined)).toBe(DEFAULT_MATCH_WORDS);
    expect(matchWords("fentanyl, tariff ,")).toEqual(["fentanyl", "tariff"]);
  });
  it("matches whole words in any case, or any registered chemical", () => {
    expect(matchReason("New FENTANYL rules", ["fentanyl"], registries)).toBe("fentanyl");
    expect(matchReason("Prefentanylish", ["fentanyl"], registries)).toBeUndefined();
    expect(matchReason("Ban on 4-piperidone exports", ["tariff"], registries)).toBe("4-piperidone");
    expect(matchReason("Tokyo stocks close higher", DEFAULT_MATCH_WORDS, registries)).toBeUndefined();
  });
});
