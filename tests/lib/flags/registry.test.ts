import { describe, expect, it } from "vitest";
import { brief, flagsOf } from "./helpers";

describe("flags: against the registry", () => {
  it("flags a control dated to take effect on another day than the registry's", async () => {
    const flags = await flagsOf("The DEA's listing of the halides of 4-AP took effect on October 27, 2023.", "2023-12-05");
    expect(brief(flags).map(([kind]) => kind)).toEqual(["against-the-registry"]);
    expect(flags[0].message).toMatch(/30 November 2023/);
    expect(flags[0].chemicals).toEqual(["4-ap-halides"]);
    expect(flags[0].reference).toMatch(/^https?:\/\//);
  });

  it("flags a control reported as in force that the registry dates after the article", async () => {
    const flags = await flagsOf("China's controls on 4-piperidone took effect on June 20, 2025.", "2025-06-23");
    expect(brief(flags).map(([kind]) => kind)).toEqual(["against-the-registry"]);
    expect(flags[0].message).toMatch(/after the article's date/);
  });

  it("leaves controls the registry dates alike, announcements, and dates the extractor placed", async () => {
    for (const [text, date] of [
      ["The DEA's listing of the halides of 4-AP took effect on November 30, 2023.", "2023-12-05"],
      ["China announced on June 20, 2025, that 4-piperidone will be controlled from July 20.", "2025-06-23"],
      ["Canada published its regulations on 4-piperidone on June 5, 2024.", "2024-06-07"],
      ["Controls announced by China on NPP and 4-ANPP take effect on Thursday.", "2018-02-01"],
    ]) {
      expect(await flagsOf(text, date), text).toEqual([]);
    }
  });
});
