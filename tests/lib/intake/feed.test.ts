import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { looksLikeFeed, readFeed } from "../../../lib/intake/feed";
import { kindOf } from "../../../lib/intake/read";

const feeds = path.join(__dirname, "..", "..", "fixtures", "intake", "feeds");
const feed = (name: string) => readFeed(readFileSync(path.join(feeds, name), "utf8"));

describe("readFeed", () => {
  it("RSS 2.0: one draft per item with link, RFC 822 date, channel as source, HTML as Markdown", () => {
    const r = feed("agency.rss");
    if (!r.ok) throw new Error(r.message);
    expect(r).toMatchObject({ kind: "RSS", title: "Agency Press Releases" });
    expect(r.items).toHaveLength(4);
    expect(r.items[0]).toMatchObject({
      title: "DEA proposes to control 4-piperidone as a List I chemical",
      date: "2022-10-05",
      source: "Agency Press Releases",
      url: "https://agency.example.gov/news/2022/10/dea-proposes-4-piperidone-list-i",
    });
    expect(r.items[0].body).toBe("The Drug Enforcement Administration on Wednesday proposed to designate 4-piperidone as a List I chemical, saying traffickers use it to make 4-AP and fentanyl.\n\nComments are due by December 5, 2022.");
    expect(r.items[2].body).toBe("Officers at Long Beach seized 500 kilograms of **ANPP** hidden in a shipment of paint on Thursday, the agency said.\n\n- Two people were arrested.");
    expect(r.items[3].date).toBeUndefined();
    expect(r.items[3].problems).toEqual([{ field: "date", message: "the feed item gives no date" }]);
  });

  it("Atom: alternate link, published (else updated), HTML and text content", () => {
    const r = feed("wire.atom");
    if (!r.ok) throw new Error(r.message);
    expect(r.items.map((i) => [i.title, i.date, i.url])).toEqual([
      ["India tightens export rules for fentanyl precursors", "2025-04-02", "https://news.example.com/asia/india-tightens-export-rules-2025-04-02"],
      ["Tokyo stocks close higher on exporter gains", "2025-04-03", "https://news.example.com/asia/tokyo-stocks-2025-04-03"],
      ["Nitazenes found in counterfeit pills in Hong Kong", "2025-05-10", "https://news.example.com/asia/nitazenes-hong-kong-2025-05-10"],
    ]);
    expect(r.items[0]).toMatchObject({ source: "Wirewatch: Asia", body: expect.stringContaining("India's Narcotics Control Bureau said on Wednesday") });
  });

  it("JSON Feed", () => {
    const r = feed("bulletin.json");
    expect(r).toMatchObject({ ok: true, kind: "JSON Feed", items: [{ title: "UN commission votes to control two fentanyl precursors", date: "2024-03-20", source: "Precursor Bulletin" }] });
  });

  it("a broken feed is a message with the line, never a crash", () => {
    expect(feed("broken.rss")).toEqual({ ok: false, message: expect.stringMatching(/^is not well-formed XML: .*\(line \d+\)$/) });
    expect(readFeed("<html><body>hi</body></html>")).toMatchObject({ ok: false, message: expect.stringContaining("not an RSS, RDF or Atom feed") });
    expect(readFeed('{"items": 3')).toMatchObject({ ok: false, message: expect.stringContaining("not valid JSON") });
  });
});

describe("kinds of input", () => {
  it("knows a feed, a page and text by name, type or content", () => {
    expect(looksLikeFeed('<?xml version="1.0"?>\n<rss version="2.0">')).toBe(true);
    expect(looksLikeFeed("<feed xmlns='http://www.w3.org/2005/Atom'>")).toBe(true);
    expect(kindOf("x.xml", "", "<rss>")).toBe("feed");
    expect(kindOf("https://site/news", "text/html; charset=utf-8", "<!doctype html>")).toBe("page");
    expect(kindOf("https://site/feed", "application/rss+xml", "<rss>")).toBe("feed");
    expect(kindOf("notes.txt", "", "Title: x")).toBe("text");
    expect(kindOf("saved", "", "<!DOCTYPE html><html>")).toBe("page");
  });
});
