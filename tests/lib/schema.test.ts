import { describe, expect, it } from "vitest";
import { isRealIsoDay } from "../../lib/dates";
import { ArticleFrontmatter, ChemicalEntry, PartialIsoDate } from "../../lib/schema";

describe("isRealIsoDay", () => {
  it("accepts real days and leap days", () => {
    expect(isRealIsoDay("2024-02-29")).toBe(true);
    expect(isRealIsoDay("2025-12-31")).toBe(true);
  });
  it("rejects impossible days, other formats and words", () => {
    for (const bad of ["2025-02-31", "2023-02-29", "2025-13-01", "2025-2-3", "05/01/2025", "last week", ""]) {
      expect(isRealIsoDay(bad)).toBe(false);
    }
  });
});

describe("ArticleFrontmatter", () => {
  it("parses the documented fields", () => {
    const parsed = ArticleFrontmatter.parse({ title: " T ", date: "2024-01-05", source: "AP", url: "https://a.org/x", tags: ["china"] });
    expect(parsed).toEqual({ title: "T", date: "2024-01-05", source: "AP", url: "https://a.org/x", tags: ["china"] });
  });
  it("rejects unknown keys, empty titles and non-http URLs", () => {
    expect(ArticleFrontmatter.safeParse({ title: "T", date: "2024-01-05", source: "AP", autor: "x" }).success).toBe(false);
    expect(ArticleFrontmatter.safeParse({ title: "  ", date: "2024-01-05", source: "AP" }).success).toBe(false);
    expect(ArticleFrontmatter.safeParse({ title: "T", date: "2024-01-05", source: "AP", url: "javascript:alert(1)" }).success).toBe(false);
  });
});

describe("PartialIsoDate", () => {
  it("takes a year, a month or a day", () => {
    for (const ok of ["2017", "2017-03", "2017-03-16"]) expect(PartialIsoDate.safeParse(ok).success).toBe(true);
    for (const bad of ["17", "2017-3", "2017-00", "2017-03-32"]) expect(PartialIsoDate.safeParse(bad).success).toBe(false);
  });
});

describe("ChemicalEntry", () => {
  it("fills list defaults and checks the id and CAS shape", () => {
    const entry = ChemicalEntry.parse({ id: "4-anpp", name: "4-ANPP", role: "precursor", cas: "21409-26-7" });
    expect(entry.aliases).toEqual([]);
    expect(entry.controls).toEqual([]);
    expect(ChemicalEntry.safeParse({ id: "4 ANPP", name: "x", role: "precursor" }).success).toBe(false);
    expect(ChemicalEntry.safeParse({ id: "x", name: "x", role: "precursor", cas: "21409267" }).success).toBe(false);
  });
});

describe("ArticleFrontmatter url", () => {
  it("treats an empty url as no url", () => {
    expect(ArticleFrontmatter.parse({ title: "T", date: "2024-01-05", source: "AP", url: "" }).url).toBeUndefined();
  });
});
