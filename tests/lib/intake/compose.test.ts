import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
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

describe("composeDraft with a pasted address", () => {
  it("fetches the page from the address, and says why when it cannot", async () => {
    const server = createServer((req, res) => {
      if (req.url === "/story") {
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<html><head><meta property='og:title' content='Fetched story'><meta property='og:site_name' content='Local'><meta property='article:published_time' content='2025-05-06'></head><body><article><p>" + "India said it would control 4-AP. ".repeat(12) + "</p></article></body></html>");
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await composeDraft({ text: `${base}/story` })).toMatchObject({ ok: true, draft: { title: "Fetched story", date: "2025-05-06", source: "Local", url: `${base}/story` } });
      expect(await composeDraft({ text: `${base}/gone` })).toEqual({ ok: false, message: `${base}/gone: the server answered 404 Not Found` });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
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
