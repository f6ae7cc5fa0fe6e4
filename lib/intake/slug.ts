/** File names for new articles: `YYYY-MM-DD-slug.md`, never one that is taken. */
import { slugify } from "../text/slug";

/** The title as an id (lib/text/slug.ts), cut at a word near 60 characters. */
export function titleSlug(title: string): string {
  const words = slugify(title.replace(/&/g, " and ")).split("-");
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 60 && slug) break;
    slug = next.slice(0, 60);
  }
  return slug || "article";
}

/**
 * `2025-07-20-china-controls-4-piperidone.md`, or `undated-...` when the date is unknown,
 * with `-2`, `-3`, ... when the name (compared without case and without `.md`) is taken.
 */
export function articleFileName(title: string, date: string | undefined, taken: ReadonlySet<string>): string {
  const base = `${date ?? "undated"}-${titleSlug(title)}`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
  return `${name}.md`;
}
