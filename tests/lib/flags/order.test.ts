import { describe, expect, it } from "vitest";
import { brief, flagsOf } from "./helpers";

describe("flags: out of order", () => {
  it("flags something told as past that is dated after the article", async () => {
    const flags = await flagsOf("Ruritania's ban on compound X took effect on September 14, 2026.", "2026-06-23");
    expect(brief(flags)).toEqual([["out-of-order", "September 14, 2026"]]);
    expect(flags[0].message).toMatch(/14 September 2026.*23 June 2026/);
  });

  it("leaves the future, and the past, alone", async () => {
    for (const text of [
      "Ruritania's ban on compound X will take effect on September 14, 2026.",
      "Ruritania's ban on compound X takes effect on September 14, 2026.",
      "Ruritania's ban on compound X took effect on March 14, 2026.",
      "Ruritania banned compound X from September 14, 2026.",
      // A bare year is often a fiscal year that began before the calendar one.
      "Customs officers seized 900 kilograms of compound X in fiscal 2027.",
    ]) {
      expect(await flagsOf(text, "2026-06-23"), text).toEqual([]);
    }
  });
});
