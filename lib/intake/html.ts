/**
 * A saved or fetched web page -> a Draft: the article's main text as Markdown (Mozilla
 * Readability on a linkedom document, turndown to Markdown), and its metadata from what
 * publishers put there: JSON-LD (NewsArticle and kin), Open Graph and `article:` meta,
 * `<time datetime>`, the canonical link. Pure: bytes and an optional address in, a Draft out.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import TurndownService from "turndown";
import type { Draft } from "../schema";
import { readPublicationDate } from "./dates";

// ---------------------------------------------------------------------------
// Bytes -> text

export type Decoded = { ok: true; text: string; charset: string } | { ok: false; message: string };

// Windows-1252's characters for bytes 0x80-0x9F ("" where the byte is unassigned).
const WINDOWS_1252_C1 = "\u20ac\u0000\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u0000\u017d\u0000\u0000\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u0000\u017e\u0178"
  .split("")
  .map((c) => (c === "\u0000" ? "" : c));

/** The charset a page declares: BOM, then the Content-Type header, then `<meta charset>` in its first 4 KB. */
export function declaredCharset(bytes: Uint8Array, contentType?: string): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  if (meta) return meta.toLowerCase();
  const xml = /^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  return xml?.toLowerCase();
}

/** Decodes a page or feed by its declared charset; undeclared text is UTF-8 when it is valid UTF-8, else Windows-1252. */
export function decodeDocument(bytes: Uint8Array, contentType?: string): Decoded {
  if (bytes.indexOf(0) !== -1 && !declaredCharset(bytes, contentType)?.startsWith("utf-16")) {
    return { ok: false, message: "is binary, not a web page or text (it contains NUL bytes)" };
  }
  let charset = declaredCharset(bytes, contentType);
  if (!charset) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      charset = "utf-8";
    } catch {
      charset = "windows-1252";
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    return { ok: false, message: `declares the charset "${charset}", which is not one we can read` };
  }
  let text = decoder.decode(bytes);
  // Node 20 decodes windows-1252 as ISO-8859-1, leaving bytes 0x80-0x9F (curly quotes,
  // dashes, the euro sign) as control characters; map them as the Encoding Standard does.
  if (decoder.encoding === "windows-1252") text = text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] || c);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text, charset };
}

// ---------------------------------------------------------------------------
// HTML -> Markdown

// Share bars, cookie and consent walls, newsletters, related links, comments, ads.
const CLUTTER = /(^|[-_\s])(share|sharing|social|cookie|cookies|consent|gdpr|newsletter|subscribe|related|recommended|comments?|advert|ads?|promo|paywall|banner|popup|modal|breadcrumbs?)([-_\s]|$)/i;

function makeTurndown(base: string | undefined): TurndownService {
  const td = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", codeBlockStyle: "fenced", emDelimiter: "*" });
  td.remove(["script", "style", "noscript", "iframe", "form", "button", "svg", "canvas", "video", "audio", "select", "input", "textarea"] as never);
  // Images would be fetched from elsewhere when shown; their caption (if any) is text.
  td.addRule("images", { filter: ["img", "picture"], replacement: () => "" });
  td.addRule("links", {
    filter: (node) => node.nodeName === "A" && !!node.getAttribute("href"),
    replacement: (content, node) => {
      const href = absoluteHttpUrl((node as HTMLElement).getAttribute("href") ?? "", base);
      const text = content.trim();
      if (!text) return "";
      return href ? `[${text}](${href.replace(/[()]/g, (c) => encodeURIComponent(c))})` : text;
    },
  });
  return td;
}

/** An http(s) URL, resolved against the page's address; undefined for anything else (javascript:, mailto:, #). */
export function absoluteHttpUrl(href: string, base?: string): string | undefined {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An HTML fragment (a feed item's content) as Markdown. */
export function htmlToMarkdown(html: string, base?: string): string {
  const markdown = makeTurndown(base).turndown(`<body>${html}</body>`);
  return tidyMarkdown(markdown);
}

function tidyMarkdown(markdown: string): string {
  return markdown
    .replace(/^(\s*)([-*]|\d+\.)\s{2,}/gm, "$1$2 ")
    .replace(/\u00a0/g, " ")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// ---------------------------------------------------------------------------
// Metadata

type Json = Record<string, unknown>;
const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report|WebPage|GovernmentPermit|PressRelease)$/;

function jsonLdNodes(document: Document): Json[] {
  const out: Json[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const obj = node as Json;
    out.push(obj);
    if (obj["@graph"]) visit(obj["@graph"]);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // A broken JSON-LD block is ignored; the rest of the page still speaks.
    }
  }
  const typed = (n: Json) => [n["@type"]].flat().some((t) => typeof t === "string" && ARTICLE_TYPES.test(t));
  const rank = (n: Json) => ([n["@type"]].flat().includes("WebPage") ? 1 : 0);
  return out.filter(typed).sort((a, b) => rank(a) - rank(b));
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === "object") return text((value as Json).name ?? (value as Json)["@id"] ?? (value as Json).url);
  return undefined;
}

function meta(document: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const el = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = el?.getAttribute("content")?.trim();
    if (value) return value;
  }
  return undefined;
}

function timeDatetime(document: Document): string | undefined {
  const selectors = ['time[itemprop="datePublished"]', "time[pubdate]", "article time[datetime]", "main time[datetime]", "header time[datetime]"];
  for (const selector of selectors) {
    const el = document.querySelector(selector);
    const value = el?.getAttribute("datetime")?.trim() || (selector.includes("datetime") ? undefined : el?.textContent?.trim());
    if (value) return value;
  }
  return undefined;
}

export interface PageMetadata {
  title?: string;
  /** The date as the page writes it, and where it was found. */
  published?: { value: string; from: string };
  source?: string;
  url?: string;
}

export function pageMetadata(document: Document, address?: string): PageMetadata {
  const ld = jsonLdNodes(document);
  const fromLd = (key: string) => ld.map((n) => text(n[key])).find(Boolean);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? undefined;
  const url = [fromLd("url"), fromLd("mainEntityOfPage"), canonical, meta(document, "og:url"), address]
    .map((u) => (u ? absoluteHttpUrl(u, address) : undefined))
    .find(Boolean);
  const published: PageMetadata["published"] =
    (fromLd("datePublished") && { value: fromLd("datePublished")!, from: "JSON-LD datePublished" }) ||
    (meta(document, "article:published_time") && { value: meta(document, "article:published_time")!, from: "article:published_time" }) ||
    (meta(document, "datePublished", "date", "dc.date", "DC.date.issued", "pubdate", "publish-date", "og:published_time") && {
      value: meta(document, "datePublished", "date", "dc.date", "DC.date.issued", "pubdate", "publish-date", "og:published_time")!,
      from: "a date meta tag",
    }) ||
    (timeDatetime(document) && { value: timeDatetime(document)!, from: "<time datetime>" }) ||
    undefined;
  const host = url ? new URL(url).hostname.replace(/^www\./, "") : undefined;
  return {
    title:
      fromLd("headline") ??
      meta(document, "og:title", "twitter:title") ??
      (document.querySelector("title")?.textContent?.trim() || undefined) ??
      (document.querySelector("article h1, main h1, h1")?.textContent?.replace(/\s+/g, " ").trim() || undefined),
    published,
    source: text(ld.map((n) => n.publisher).find(Boolean)) ?? meta(document, "og:site_name", "application-name") ?? host,
    url,
  };
}

// ---------------------------------------------------------------------------
// Page -> Draft

function removeClutter(document: Document): void {
  const bodyLength = document.body?.textContent?.length ?? 0;
  for (const el of [...document.querySelectorAll("nav, aside, footer, [role=navigation], [role=complementary], [role=dialog], [aria-modal=true], [id], [class]")]) {
    if (!el.isConnected) continue;
    const tag = el.tagName.toLowerCase();
    const label = `${el.getAttribute("id") ?? ""} ${el.getAttribute("class") ?? ""}`;
    const structural = ["nav", "aside", "footer"].includes(tag) || /navigation|complementary|dialog/.test(el.getAttribute("role") ?? "") || el.getAttribute("aria-modal") === "true";
    if (!structural && !CLUTTER.test(label)) continue;
    // A wall wrapped around the article itself (a consent overlay holding the story) is
    // kept: only what holds a small part of the page's text goes.
    if (el.querySelector("article") || (el.textContent?.length ?? 0) > bodyLength * 0.4) continue;
    el.remove();
  }
}

function titleWithoutSite(title: string, site?: string): string {
  if (!site) return title;
  const escaped = site.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return title.replace(new RegExp(`\\s*[|\\-–—:]\\s*${escaped}\\s*$`, "i"), "").trim() || title;
}

export function readPage(html: string, address?: string): Draft {
  const { document } = parseHTML(html);
  const metadata = pageMetadata(document as unknown as Document, address);
  const problems: Draft["problems"] = [];

  removeClutter(document as unknown as Document);
  const parsed = new Readability(document as unknown as Document, { charThreshold: 200, keepClasses: false }).parse();
  const base = metadata.url ?? address;
  let body = parsed?.content ? tidyMarkdown(makeTurndown(base).turndown(parsed.content)) : "";
  const title = titleWithoutSite(metadata.title ?? parsed?.title ?? "", metadata.source);
  // The headline repeated at the top of the text.
  body = body.replace(/^#{1,6} (.*)\n+/, (line, heading: string) => (heading.trim().toLowerCase() === title.toLowerCase() ? "" : line));

  let date: string | undefined;
  if (metadata.published) {
    const reading = readPublicationDate(metadata.published.value);
    if (reading.ok) date = reading.date;
    else problems.push({ field: "date", message: `the page's date (${metadata.published.from}) ${reading.message}` });
  } else {
    problems.push({ field: "date", message: "the page gives no publication date (no JSON-LD datePublished, article:published_time or <time datetime>)" });
  }
  if (!title) problems.push({ field: "title", message: "the page has no headline or title" });
  if (!metadata.source) problems.push({ field: "source", message: "the page names no publisher and has no address" });
  if (!body) problems.push({ field: "body", message: "no article text was found in the page" });
  return { title, date, source: metadata.source, url: metadata.url, tags: [], body, problems };
}
