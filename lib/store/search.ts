/**
 * The text filter `q` as an FTS5 query: words in any order (each must appear), "exact
 * phrases", and prefixes (piperid*). Every word and phrase is passed to FTS5 quoted, so
 * what a user types is never read as FTS5 syntax (operators, column filters); the only
 * syntax is ours, and a mistake in it (an unclosed quote) is reported, not thrown.
 */
export type SearchQuery = { ok: true; match: string; terms: string[] } | { ok: false; message: string };

/** Characters FTS5's unicode61 tokenizer keeps inside a token; the rest split tokens. */
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;

export function parseSearch(q: string): SearchQuery {
  const parts: string[] = [];
  const terms: string[] = [];
  let rest = q;
  const quotes = (q.match(/"/g) ?? []).length;
  if (quotes % 2 === 1) return { ok: false, message: `The search “${q}” has an opening quote (") without a closing one. Close the phrase, or remove the quote.` };
  const pattern = /"([^"]*)"|(\S+)/g;
  for (let m = pattern.exec(rest); m; m = pattern.exec(rest)) {
    if (m[1] !== undefined) {
      const tokens = m[1].match(TOKEN) ?? [];
      if (tokens.length === 0) continue;
      parts.push(`"${tokens.join(" ")}"`);
      terms.push(tokens.join(" "));
    } else {
      const word = m[2];
      const prefix = word.endsWith("*");
      const tokens = word.match(TOKEN) ?? [];
      if (tokens.length === 0) continue;
      if (prefix && tokens.length === 1 && tokens[0].length < 2) return { ok: false, message: `“${word}”: a prefix search needs at least two letters before the *.` };
      parts.push(`"${tokens.join(" ")}"${prefix ? "*" : ""}`);
      terms.push(tokens.join(" ") + (prefix ? "*" : ""));
    }
  }
  rest = "";
  if (parts.length === 0) return { ok: false, message: `The search “${q}” has no letters or digits to look for.` };
  return { ok: true, match: parts.join(" AND "), terms };
}
