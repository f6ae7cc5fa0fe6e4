/**
 * A Draft as an article file: YAML frontmatter in the corpus's style, then the Markdown
 * body. A field the input did not give is left out, with a comment in its place saying
 * why, so the file is honest and `npm run check` names what to fix.
 */
import { createHash } from "node:crypto";
import { parseArticleText } from "../content/article";
import type { ContentIssue, Draft } from "../schema";

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
function quoted(value: string): string {
  return JSON.stringify(value.replace(/\s+/g, " ").trim());
}

function comment(message: string): string {
  return message.replace(/\s+/g, " ").trim();
}

export function renderArticle(draft: Draft): string {
  const problem = (field: Draft["problems"][number]["field"]) => draft.problems.find((p) => p.field === field)?.message;
  const lines = ["---"];
  if (draft.title.trim()) lines.push(`title: ${quoted(draft.title)}`);
  else lines.push(`# title: ${comment(problem("title") ?? "not found")}`);
  if (draft.date) lines.push(`date: ${draft.date}`);
  else lines.push(`# date: ${comment(problem("date") ?? "not found")}; write it as YYYY-MM-DD`);
  if (draft.source?.trim()) lines.push(`source: ${quoted(draft.source)}`);
  else lines.push(`# source: ${comment(problem("source") ?? "not found")}; name the outlet or agency`);
  if (draft.url) lines.push(`url: ${quoted(draft.url)}`);
  if (draft.tags.length) lines.push(`tags: [${draft.tags.map((t) => quoted(t)).join(", ")}]`);
  lines.push("---", "");
  return `${lines.join("\n")}\n${normalizeBody(draft.body)}\n`;
}

/** LF line ends, no trailing spaces, at most one blank line in a row, no blank ends. */
export function normalizeBody(body: string): string {
  return body
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** What `npm run check` will say about the file (errors and warnings), read by its own parser. */
export function checkRendered(fileName: string, text: string): ContentIssue[] {
  return parseArticleText(fileName, text).issues;
}

/** The same text, however it is spaced or cased: what "the same story" means for duplicates. */
export function contentHash(body: string): string {
  const normal = body.normalize("NFC").replace(/[*_`>#\[\]()\s]+/g, " ").trim().toLowerCase();
  return createHash("sha256").update(normal).digest("hex");
}

/**
 * A URL as a key: no fragment, no tracking parameters (utm_*, fbclid, gclid), host in
 * lower case, no trailing slash. Undefined for what is not an http(s) URL.
 */
export function urlKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  parsed.hash = "";
  for (const key of [...parsed.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$|mc_[ce]id$)/i.test(key)) parsed.searchParams.delete(key);
  const path = parsed.pathname.replace(/\/+$/, "");
  return `${parsed.hostname.toLowerCase().replace(/^www\./, "")}${path}${parsed.search}`;
}
