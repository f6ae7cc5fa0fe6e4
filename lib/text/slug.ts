/**
 * The one way Precursor Watch turns a name into an id or a file name: ids of unregistered
 * chemicals, people and organisations share URLs (/chemicals/<id>, /actors/<id>) with the
 * registries' ids, and export file names carry them too.
 */

/**
 * "para-Fluorofentanyl" -> "para-fluorofentanyl", "α-PHP" -> "alpha-php",
 * "Ministry of Public Security" -> "ministry-of-public-security", "O'Neill" -> "oneill":
 * Greek letters spelt out, accents folded, apostrophes dropped, every other run of
 * characters that are not letters or digits one hyphen.
 */
export function slugify(text: string): string {
  return text
    .replace(/α/g, "alpha")
    .replace(/β/g, "beta")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
