import { describe, expect, it } from "vitest";
import { findCasNumbers, isValidCas } from "../../../lib/extract/chemicals/cas";

describe("isValidCas", () => {
  it("accepts numbers whose check digit is right", () => {
    for (const cas of ["437-38-7", "23056-29-3", "125541-22-2", "1609-66-1", "41661-47-6", "79099-07-3", "7732-18-5"]) {
      expect(isValidCas(cas), cas).toBe(true);
    }
  });

  it("rejects a wrong check digit", () => {
    expect(isValidCas("437-38-8")).toBe(false);
    expect(isValidCas("1609-66-5")).toBe(false); // the fact sheet's disputed variant of norfentanyl
  });

  it("rejects wrong shapes", () => {
    for (const s of ["", "437387", "4-38-7", "12345678-12-3", "437-3-7", "437-38-77", "abc-38-7"]) expect(isValidCas(s), s).toBe(false);
  });

  it("tolerates surrounding whitespace", () => {
    expect(isValidCas(" 437-38-7 ")).toBe(true);
  });
});

describe("findCasNumbers", () => {
  it("finds valid numbers with offsets and skips bad check digits", () => {
    const text = "4-AP (CAS 23056-29-3) and a typo 23056-29-4.";
    expect(findCasNumbers(text)).toEqual([{ cas: "23056-29-3", start: 10, end: 20 }]);
  });

  it("normalises Unicode hyphens", () => {
    const text = "CAS 437\u201138\u20137";
    expect(findCasNumbers(text)).toEqual([{ cas: "437-38-7", start: 4, end: 12 }]);
  });

  it("does not cut a CAS-shaped piece out of dates or longer numbers", () => {
    expect(findCasNumbers("on 2024-09-01 and 1-800-437-38-7 or 437-38-7-2 or 437-38-7.5")).toEqual([]);
  });

  it("accepts a number at the end of a sentence", () => {
    expect(findCasNumbers("Its CAS number is 437-38-7.").map((m) => m.cas)).toEqual(["437-38-7"]);
  });
});
