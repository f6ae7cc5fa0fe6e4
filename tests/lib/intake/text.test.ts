import { describe, expect, it } from "vitest";
import { completeDraft, readText } from "../../../lib/intake/text";

describe("readText", () => {
  it("takes the first line as the title", () => {
    const draft = readText("\n# Canada seizes 4-AP\n\nThe agency seized 90 kilograms on Tuesday.\n");
    expect(draft).toMatchObject({ title: "Canada seizes 4-AP", body: "The agency seized 90 kilograms on Tuesday.", problems: [] });
    expect(draft.date).toBeUndefined();
  });

  it("reads Title:, Date:, Source: and URL: lines at the top", () => {
    const draft = readText("Title: Deal on precursors\nDate: 15 November 2023\nSource: Newsletter\nURL: https://example.com/x\n\nBody text.\r\nMore.");
    expect(draft).toMatchObject({ title: "Deal on precursors", date: "2023-11-15", source: "Newsletter", url: "https://example.com/x", body: "Body text.\nMore." });
  });

  it("keeps what frontmatter says", () => {
    const draft = readText('---\ntitle: "T"\ndate: 2024-01-02\nsource: S\ntags: [a, b]\n---\n\nText.');
    expect(draft).toMatchObject({ title: "T", date: "2024-01-02", source: "S", tags: ["a", "b"], body: "Text." });
  });

  it("states a date it cannot read", () => {
    expect(readText("Title: T\nDate: spring 2024\n\nText.").problems).toEqual([{ field: "date", message: expect.stringContaining('"spring 2024" could not be read') }]);
  });
});

describe("completeDraft", () => {
  it("fills only what is missing, and states what is still missing", () => {
    const filled = completeDraft(readText("Title: T\nSource: Own\n\nText."), { date: "2024-05-06", source: "Given", url: "https://example.com/" });
    expect(filled).toMatchObject({ date: "2024-05-06", source: "Own", url: "https://example.com/", problems: [] });
    const bare = completeDraft(readText("T\n\nText."));
    expect(bare.problems.map((p) => p.field)).toEqual(["date", "source"]);
  });
  it("says when --date is not a day", () => {
    expect(completeDraft(readText("T\n\nText."), { date: "soon", source: "S" }).problems).toEqual([{ field: "date", message: expect.stringContaining("--date") }]);
  });
});
