import { describe, expect, it } from "vitest";
import type { Registries } from "../../../lib/extract/context";
import { composeDraft } from "../../../lib/intake/compose";
import { previewView } from "../../../lib/queries/preview";

const registries: Registries = {
  chemicals: { chemicals: [{ id: "4-piperidone", name: "4-piperidone", aliases: [], abbreviations: [], systematic_names: [], role: "pre-precursor", controls: [] }] },
  actors: { organizations: [{ id: "china", name: "China", type: "country", aliases: [], adjectives: ["Chinese"] }], people: [] },
};

const PASTED = "Title: China to control 4-piperidone\nSource: Wirewatch\nDate: 2025-06-20\n\nChina said on Friday it would add 4-piperidone to its list of controlled precursor chemicals from July 20.";

describe("composeDraft", () => {
  it("reads pasted text, and the form's fields win over what was read", async () => {
    const r = await composeDraft({ text: PASTED, title: "Edited title", source: "" });
    expect(r).toMatchObject({ ok: true, draft: { title: "Edited title", date: "2025-06-20", source: "Wirewatch", problems: [] } });
  });
  it("reads a dropped page, pasted HTML, and says what it cannot take", async () => {
    const page = "<html><head><meta property='og:site_name' content='S'><meta property='article:published_time' content='2025-01-02'></head><body><article><h1>T</h1><p>" + "China said it would control 4-piperidone. ".repeat(10) + "</p></article></body></html>";
    expect(await composeDraft({ file: { name: "saved.html", bytes: Buffer.from(page) } })).toMatchObject({ ok: true, draft: { title: "T", date: "2025-01-02", source: "S" } });
    expect(await composeDraft({ text: page })).toMatchObject({ ok: true, draft: { title: "T" } });
    expect(await composeDraft({ text: "  " })).toMatchObject({ ok: false, message: expect.stringContaining("Paste") });
    expect(await composeDraft({ text: '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>' })).toMatchObject({ ok: false, message: expect.stringContaining("npm run import") });
    expect(await composeDraft({ text: "x\n\ny", date: "someday" })).toMatchObject({ ok: true, draft: { problems: expect.arrayContaining([{ field: "date", message: expect.stringContaining("the date") }]) } });
  });
});

describe("previewView", () => {
  it("shows the story as it will be saved and what is read in it", async () => {
    const r = await composeDraft({ text: PASTED });
    if (!r.ok) throw new Error(r.message);
    const view = previewView(r.draft, registries, { today: "2026-01-01", taken: new Set() });
    expect(view.fileName).toBe("2025-06-20-china-to-control-4-piperidone.md");
    expect(view.chemicals.map((c) => c.name)).toEqual(["4-piperidone"]);
    expect(view.events.map((e) => [e.dateLabel, e.type, e.status])).toContainEqual([expect.stringContaining("2025"), "control", "scheduled"]);
    expect(view.marks.some((m) => m.kind === "chemical" && view.body.slice(m.start, m.end) === "4-piperidone")).toBe(true);
    expect(view.referenceNote).toBeUndefined();
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});
