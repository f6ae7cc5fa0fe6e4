/**
 * One input's bytes -> its stories: a web page (one Draft), a feed (one per item) or
 * text (one). The kind comes from the file name or Content-Type, then from the text.
 */
import type { Draft } from "../schema";
import { looksLikeFeed, readFeed } from "./feed";
import { decodeDocument, readPage } from "./html";
import { readText } from "./text";

export type InputKind = "page" | "feed" | "text";

export type Reading =
  | { ok: true; kind: InputKind; label: string; drafts: Draft[] }
  | { ok: false; message: string };

/** The extensions a folder is searched for. */
export const INPUT_EXTENSIONS = [".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".json", ".md", ".markdown", ".txt"];

export function kindOf(name: string, contentType: string, text: string): InputKind {
  const ext = /\.[a-z]+$/i.exec(name.replace(/[?#].*$/, ""))?.[0]?.toLowerCase() ?? "";
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (looksLikeFeed(text) || [".rss", ".atom"].includes(ext) || /rss|atom|feed\+json/.test(type)) return "feed";
  if ([".xml", ".json"].includes(ext) || /xml|json/.test(type)) return /^\s*(<!doctype html|<html)/i.test(text) ? "page" : "feed";
  if ([".html", ".htm", ".xhtml"].includes(ext) || type === "text/html") return "page";
  if ([".md", ".markdown", ".txt"].includes(ext) || type.startsWith("text/")) return "text";
  return /^\s*(<!doctype html|<html)/i.test(text) ? "page" : "text";
}

/** Reads an input's bytes. `name` is a file name or URL; `address` the page's URL when it was fetched. */
export function readInput(bytes: Uint8Array, options: { name: string; contentType?: string; address?: string }): Reading {
  if (bytes.length === 0) return { ok: false, message: "is empty" };
  const decoded = decodeDocument(bytes, options.contentType);
  if (!decoded.ok) return decoded;
  const kind = kindOf(options.name, options.contentType ?? "", decoded.text);
  if (kind === "feed") {
    const feed = readFeed(decoded.text);
    if (!feed.ok) return feed;
    return { ok: true, kind, label: `${feed.kind === "JSON Feed" ? feed.kind : `${feed.kind} feed`}${feed.title ? ` "${feed.title}"` : ""}`, drafts: feed.items };
  }
  if (kind === "page") return { ok: true, kind, label: "page", drafts: [readPage(decoded.text, options.address)] };
  return { ok: true, kind, label: "text", drafts: [readText(decoded.text)] };
}
