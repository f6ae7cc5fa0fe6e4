import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeDocument, htmlToMarkdown, readPage } from "../../../lib/intake/html";

const pages = path.join(__dirname, "..", "..", "fixtures", "intake", "pages");
const page = (name: string) => {
  const decoded = decodeDocument(readFileSync(path.join(pages, name)));
  if (!decoded.ok) throw new Error(decoded.message);
  return readPage(decoded.text);
};

describe("readPage: metadata as publishers write it", () => {
  it("JSON-LD NewsArticle: headline, datePublished as written, publisher, canonical URL", () => {
    const draft = page("json-ld.html");
    expect(draft).toMatchObject({
      title: "China to control two more fentanyl precursors from July 20",
      date: "2025-06-20",
      source: "Wirewatch News",
      url: "https://news.example.com/world/china/china-to-control-two-more-fentanyl-precursors-2025-06-20/",
      problems: [],
    });
  });

  it("JSON-LD page: keeps paragraphs, lists, quotes and links; drops nav, share, scripts, comments", () => {
    const { body } = page("json-ld.html");
    expect(body).toMatch(/^BEIJING, June 20 \(Wirewatch\) - China said on Friday/);
    expect(body).toContain("- 4-piperidone is used to make 4-AP and then fentanyl.");
    expect(body).toContain('> "This shows China\'s responsibility');
    expect(body).toContain("[customs data](https://news.example.com/data/seizures)");
    for (const clutter of ["Share on Facebook", "Markets", "first!", "All rights reserved", "analytics", "display: flex", "Related"]) expect(body).not.toContain(clutter);
    expect(body).not.toMatch(/^# /m);
  });

  it("Open Graph only: og:title, og:site_name, article:published_time, og:url", () => {
    expect(page("open-graph.html")).toMatchObject({
      title: "Mexico seizes precursor shipment at Manzanillo",
      date: "2025-03-14",
      source: "Pacific Herald",
      url: "https://pacific-herald.example.org/2025/03/mexico-seizes-precursor-shipment",
    });
    expect(page("open-graph.html").body).not.toContain("newsletter");
  });

  it("<time datetime> only: the date, and the missing source stated", () => {
    const draft = page("time-only.html");
    expect(draft).toMatchObject({ title: "Canada adds six fentanyl precursors to its controlled list", date: "2016-11-30", source: undefined });
    expect(draft.problems).toEqual([{ field: "source", message: expect.stringContaining("names no publisher") }]);
  });

  it("no date at all: no date invented, the problem stated", () => {
    const draft = page("no-date.html");
    expect(draft.date).toBeUndefined();
    expect(draft.problems).toEqual([{ field: "date", message: expect.stringContaining("gives no publication date") }]);
    expect(draft.body).toContain("pre-precursors");
  });

  it("a cookie wall around the text: the wall goes, the story stays", () => {
    const draft = page("cookie-wall.html");
    expect(draft).toMatchObject({ title: "US imposes sanctions on precursor suppliers", date: "2024-10-03", source: "The Daily Ledger" });
    expect(draft.body).toContain("The US Treasury Department on Thursday imposed sanctions");
    expect(draft.body).toContain("bar Americans from dealing with them.");
    expect(draft.body).not.toMatch(/cookies|partners|Accept all/);
  });

  it("windows-1252 with a charset meta: accents, curly quotes and dashes survive", () => {
    const draft = page("windows-1252.html");
    expect(draft.title).toBe("México endurece el control de precursores químicos");
    expect(draft.source).toBe("El Diario del Pacífico");
    expect(draft.body).toContain("“Es un paso necesario”, afirmó");
    expect(draft.body).toContain("importación — sin excepción —");
  });
});

describe("decodeDocument", () => {
  it("reads UTF-8 by default, windows-1252 when the bytes are not UTF-8, and says what it cannot read", () => {
    expect(decodeDocument(Buffer.from("<p>café</p>"))).toMatchObject({ ok: true, text: "<p>café</p>", charset: "utf-8" });
    expect(decodeDocument(Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x41, 0x94]))).toMatchObject({ ok: true, text: "<p>“A”", charset: "windows-1252" });
    expect(decodeDocument(Buffer.from("<p>x</p>"), "text/html; charset=x-klingon")).toMatchObject({ ok: false, message: expect.stringContaining("x-klingon") });
    expect(decodeDocument(Buffer.from([0x50, 0x4b, 0x00, 0x01]))).toMatchObject({ ok: false, message: expect.stringContaining("binary") });
  });
});

describe("htmlToMarkdown", () => {
  it("keeps structure and safe links, drops images, scripts and script links", () => {
    const md = htmlToMarkdown('<p>A <a href="/x">link</a> and <a href="javascript:alert(1)">bad</a>.</p><img src="http://t/p.gif"><script>x()</script><ol><li>one</li></ol>', "https://site.example/a/");
    expect(md).toBe("A [link](https://site.example/x) and bad.\n\n1. one");
  });
});
