/** File names for new articles: `YYYY-MM-DD-slug.md`, never one that is taken. */

/** A lowercase ASCII slug of a title, cut at a word near 60 characters. */
export function slugify(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
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
  const base = `${date ?? "undated"}-${slugify(title)}`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
  return `${name}.md`;
}
