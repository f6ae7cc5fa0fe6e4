/**
 * Text or Markdown -> a Draft. A file with frontmatter keeps what it says; otherwise
 * `Title:`, `Date:`, `Source:` and `URL:` lines at the top are read, else the first line
 * is the title. Nothing is guessed: what the text lacks stays empty, with the problem.
 */
import matter from "gray-matter";
import type { Draft } from "../schema";
import { readPublicationDate } from "./dates";

const HEADER = /^(title|date|published|source|url|link)\s*:\s*(.*)$/i;

export function readText(input: string): Draft {
  const text = input.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
  let fields: Record<string, string> = {};
  let rest = text;

  if (/^---[ \t]*\n/.test(text)) {
    try {
      const parsed = matter(text);
      fields = Object.fromEntries(
        Object.entries(parsed.data as Record<string, unknown>)
          .filter(([, v]) => typeof v === "string" || v instanceof Date)
          .map(([k, v]) => [k.toLowerCase(), v instanceof Date ? v.toISOString().slice(0, 10) : String(v)]),
      );
      if (Array.isArray((parsed.data as Record<string, unknown>).tags)) fields.tags = ((parsed.data as { tags: unknown[] }).tags).map(String).join(",");
      rest = parsed.content;
    } catch {
      // Unreadable frontmatter: treat the whole thing as text.
    }
  } else {
    const lines = text.split("\n");
    let i = 0;
    while (i < lines.length && lines[i].trim() === "") i++;
    const header: Record<string, string> = {};
    while (i < lines.length) {
      const m = HEADER.exec(lines[i].trim());
      if (!m) break;
      header[m[1].toLowerCase()] = m[2].trim();
      i++;
    }
    if (Object.keys(header).length) {
      fields = header;
      rest = lines.slice(i).join("\n");
    }
  }

  let title = fields.title?.trim() ?? "";
  if (!title) {
    const lines = rest.split("\n");
    const first = lines.findIndex((l) => l.trim() !== "");
    if (first !== -1) {
      title = lines[first].replace(/^#{1,6}\s+/, "").trim();
      rest = lines.slice(first + 1).join("\n");
    }
  }

  const problems: Draft["problems"] = [];
  let date: string | undefined;
  const written = fields.date ?? fields.published;
  if (written) {
    const reading = readPublicationDate(written);
    if (reading.ok) date = reading.date;
    else problems.push({ field: "date", message: `the text's date ${reading.message}` });
  }
  const body = rest.replace(/^\s*\n/, "").trim();
  const tags = fields.tags ? fields.tags.split(",").map((t) => t.trim()).filter(Boolean) : [];
  return { title, date, source: fields.source?.trim() || undefined, url: (fields.url ?? fields.link)?.trim() || undefined, tags, body, problems };
}

/**
 * Fills what a draft lacks from what the user said (`--date`, `--source`, `--url`, or the
 * form), and states what is still missing. What the input itself says is kept.
 */
export function completeDraft(draft: Draft, given: { date?: string; source?: string; url?: string } = {}, dateLabel = "--date"): Draft {
  const problems = draft.problems.filter((p) => !(p.field === "date" && given.date));
  let date = draft.date;
  if (!date && given.date) {
    const reading = readPublicationDate(given.date);
    if (reading.ok) date = reading.date;
    else problems.push({ field: "date", message: `${dateLabel} ${reading.message}` });
  }
  const source = draft.source || given.source?.trim() || undefined;
  const url = draft.url || given.url?.trim() || undefined;
  const has = (field: string) => problems.some((p) => p.field === field);
  if (!draft.title.trim() && !has("title")) problems.push({ field: "title", message: "the text has no title line" });
  if (!date && !has("date")) problems.push({ field: "date", message: "the text gives no date" });
  if (!source && !has("source")) problems.push({ field: "source", message: "the text names no source" });
  if (!draft.body.trim() && !has("body")) problems.push({ field: "body", message: "there is no text below the title" });
  return { ...draft, date, source, url, problems };
}
