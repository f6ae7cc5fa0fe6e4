import { describe, expect, it } from "vitest";
import { titleMatches } from "../../../lib/flags/time";
import { brief, flagsOf } from "./helpers";

describe("flags: out of its time", () => {
  it("flags a 'former' title the person held on the article's date", async () => {
    const flags = await flagsOf("The tariffs were imposed by former President Donald Trump in February.", "2025-06-27");
    expect(brief(flags)).toEqual([["out-of-its-time", "former President Donald Trump"]]);
    expect(flags[0].message).toMatch(/27 June 2025.*held that office/);
    expect(flags[0].reference).toMatch(/^https?:\/\//);
    expect(flags[0].actors).toEqual(["donald-trump"]);
  });

  it("reads 'ex-' as 'former', and 'then-' as a title placed in its time", async () => {
    expect(brief(await flagsOf("The tariffs were imposed by ex-President Donald Trump.", "2025-06-27"))).toEqual([["out-of-its-time", "ex-President Donald Trump"]]);
    expect(await flagsOf("The tariffs were imposed by then-President Joe Biden.", "2025-06-27")).toEqual([]);
  });

  it("does not flag 'former' once the term is over", async () => {
    expect(await flagsOf("The tariffs were imposed by former President Donald Trump in 2019.", "2023-06-27")).toEqual([]);
    expect(await flagsOf("The tariffs were imposed by former President Joe Biden.", "2025-06-27")).toEqual([]);
  });

  it("flags 'the X administration' told in the present after the person left office", async () => {
    const flags = await flagsOf("The Biden administration has kept the tariffs in place.", "2025-06-27");
    expect(brief(flags)).toEqual([["out-of-its-time", "The Biden administration"]]);
    expect(flags[0].message).toMatch(/20 January 2025/);
  });

  it("leaves a past administration told as past alone", async () => {
    for (const text of [
      "The Biden administration imposed sanctions on the network in 2023.",
      "Under the Biden administration, the working group has met twice.",
      "The previous Biden administration has been criticised for the deal.",
      "The Biden administration has kept the tariffs in place.",
    ]) {
      const date = text.includes("kept") ? "2024-06-27" : "2025-06-27";
      expect(await flagsOf(text, date), text).toEqual([]);
    }
  });

  it("flags a title given before or after the person's term", async () => {
    expect(brief(await flagsOf("Homeland Security Secretary Alejandro Mayorkas met the minister.", "2025-06-02"))).toEqual([
      ["out-of-its-time", "Homeland Security Secretary Alejandro Mayorkas"],
    ]);
    const early = await flagsOf("DEA Administrator Terrance Cole spoke to reporters.", "2025-02-12");
    expect(brief(early)).toEqual([["out-of-its-time", "DEA Administrator Terrance Cole"]]);
    expect(early[0].message).toMatch(/not yet/);
  });

  it("leaves titles held on the date, or placed in their time by the sentence", async () => {
    for (const [text, date] of [
      ["Homeland Security Secretary Alejandro Mayorkas met the minister.", "2024-02-18"],
      ["Presidents Donald Trump and Xi Jinping discussed the issue during a phone call on June 5.", "2025-06-27"],
      ["In 2019, President Donald Trump asked China to act.", "2023-06-27"],
      ["Then-President Donald Trump asked China to act.", "2023-06-27"],
      ["Terrance Cole, Trump's pick to lead the DEA, spoke to reporters.", "2025-02-12"],
    ]) {
      expect(await flagsOf(text, date), text).toEqual([]);
    }
  });

  it("matches titles written in either order, and not other titles", () => {
    const q = new Set(["homeland", "security", "dea", "us"]);
    expect(titleMatches("Homeland Security Secretary", "Secretary of Homeland Security", q)).toBe(true);
    expect(titleMatches("Secretary", "Secretary of Homeland Security", q)).toBe(true);
    expect(titleMatches("U.S. President", "President", q)).toBe(true);
    expect(titleMatches("DEA Administrator", "Administrator", q)).toBe(true);
    expect(titleMatches("Ambassador", "President", q)).toBe(false);
    expect(titleMatches("Acting Administrator", "Administrator", q)).toBe(false);
    expect(titleMatches("Deputy Administrator", "Administrator", q)).toBe(false);
    expect(titleMatches("Vice President", "President", q)).toBe(false);
  });
});
