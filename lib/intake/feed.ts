/**
 * RSS 2.0, Atom and JSON Feed -> one Draft per item: title, link, published date, source
 * (the feed's title unless the item names its own), content or summary as Markdown.
 * Pure: text in, items or a plain message out.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Draft } from "../schema";
import { readPublicationDate } from "./dates";
import { absoluteHttpUrl, htmlToMarkdown } from "./html";

export type FeedReading = { ok: true; kind: "RSS" | "Atom" | "JSON Feed" | "RDF"; title?: string; items: Draft[] } | { ok: false; message: string };

type Node = Record<string, unknown>;

/** Whether text looks like a feed (rather than a web page or prose). */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\ufeff/, "").trimStart();
  if (head.startsWith("{")) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org/.test(head);
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/.test(head);
}

/** Text of an XML node that may be a string, a number, or `{ "#text": ... }` with attributes. */
function str(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return str(value[0]);
  if (typeof value === "object") return str((value as Node)["#text"]);
  const s = String(value).trim();
  return s || undefined;
}

function item(fields: { title?: string; link?: string; date?: string; source?: string; html?: string; text?: string }, base?: string): Draft {
  const problems: Draft["problems"] = [];
  let date: string | undefined;
  if (fields.date) {
    const reading = readPublicationDate(fields.date);
    if (reading.ok) date = reading.date;
    else problems.push({ field: "date", message: `the item's date ${reading.message}` });
  } else problems.push({ field: "date", message: "the feed item gives no date" });
  const url = fields.link ? absoluteHttpUrl(fields.link, base) : undefined;
  const body = fields.html !== undefined ? htmlToMarkdown(fields.html, url ?? base) : (fields.text ?? "").trim();
  const title = (fields.title ?? "").replace(/\s+/g, " ").trim();
  return { title, date, source: fields.source, url, tags: [], body, problems };
}

export function readFeed(text: string): FeedReading {
  const trimmed = text.replace(/^\ufeff/, "").trimStart();
  if (trimmed.startsWith("{")) return readJsonFeed(trimmed);
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) return { ok: false, message: `is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})` };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    textNodeName: "#text",
    processEntities: true,
    htmlEntities: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => ["item", "entry", "link", "category"].includes(name),
  });
  let doc: Node;
  try {
    doc = parser.parse(trimmed) as Node;
  } catch (error) {
    return { ok: false, message: `could not be read as a feed: ${(error as Error).message}` };
  }
  const rss = doc.rss as Node | undefined;
  const rdf = doc["rdf:RDF"] as Node | undefined;
  if (rss || rdf) {
    const channel = ((rss ? rss.channel : rdf!.channel) ?? {}) as Node;
    const feedTitle = str(channel.title);
    const base = str([channel.link].flat()[0]);
    const items = ((rss ? channel.item : rdf!.item) ?? []) as Node[];
    return {
      ok: true,
      kind: rss ? "RSS" : "RDF",
      title: feedTitle,
      items: items.map((i) => {
        const html = str(i["content:encoded"]) ?? str(i.description);
        return item(
          { title: str(i.title), link: str([i.link].flat()[0]) ?? (str(i.guid)?.startsWith("http") ? str(i.guid) : undefined), date: str(i.pubDate) ?? str(i["dc:date"]), source: str(i.source) ?? feedTitle, html: html ?? "" },
          base,
        );
      }),
    };
  }
  const feed = doc.feed as Node | undefined;
  if (feed) {
    const feedTitle = str(feed.title);
    const linkOf = (node: Node) => {
      const links = ((node.link ?? []) as Node[]).filter((l) => typeof l === "object");
      const alternate = links.find((l) => !l["@_rel"] || l["@_rel"] === "alternate") ?? links[0];
      return alternate ? str(alternate["@_href"]) : undefined;
    };
    const base = linkOf(feed);
    return {
      ok: true,
      kind: "Atom",
      title: feedTitle,
      items: ((feed.entry ?? []) as Node[]).map((e) => {
        const content = (e.content ?? e.summary) as Node | string | undefined;
        const type = typeof content === "object" ? str(content["@_type"]) : undefined;
        const value = str(content) ?? "";
        const source = typeof e.source === "object" ? str((e.source as Node).title) : undefined;
        return item(
          { title: str(e.title), link: linkOf(e), date: str(e.published) ?? str(e.updated), source: source ?? str((e.author as Node | undefined)?.name) ?? feedTitle, ...(type === "text" ? { text: value } : { html: value }) },
          base,
        );
      }),
    };
  }
  return { ok: false, message: "is XML but not an RSS, RDF or Atom feed (no <rss>, <rdf:RDF> or <feed> element)" };
}

function readJsonFeed(text: string): FeedReading {
  let doc: Node;
  try {
    doc = JSON.parse(text) as Node;
  } catch (error) {
    return { ok: false, message: `is not valid JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(doc.items)) return { ok: false, message: 'is JSON but not a JSON Feed (no "items" list)' };
  const feedTitle = typeof doc.title === "string" ? doc.title : undefined;
  const base = typeof doc.home_page_url === "string" ? doc.home_page_url : undefined;
  return {
    ok: true,
    kind: "JSON Feed",
    title: feedTitle,
    items: (doc.items as Node[]).map((i) =>
      item(
        {
          title: str(i.title),
          link: str(i.url) ?? str(i.external_url),
          date: str(i.date_published) ?? str(i.date_modified),
          source: feedTitle,
          ...(typeof i.content_html === "string" ? { html: i.content_html } : { text: str(i.content_text) ?? str(i.summary) ?? "" }),
        },
        base,
      ),
    ),
  };
}
