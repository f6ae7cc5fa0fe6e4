/** The dashboard's routes, in one place so queries and components link the same way. */

export function chemicalHref(id: string): string {
  return `/chemicals/${encodeURIComponent(id)}`;
}

export function actorHref(id: string): string {
  return `/actors/${encodeURIComponent(id)}`;
}

/** An article, or the exact sentence in it: `?sentence=` marks it, `#s-` scrolls to it. */
export function articleHref(slug: string, sentence?: number): string {
  const base = `/articles/${encodeURIComponent(slug)}`;
  return sentence === undefined ? base : `${base}?sentence=${sentence}#s-${sentence}`;
}

export type ExportLinks = { csv: string; json: string };

/** "Download CSV" and "Download JSON" of what a page shows: /export/<what>?format=...&<its filters>. */
export function exportLinks(what: string, params: URLSearchParams = new URLSearchParams()): ExportLinks {
  const href = (format: "csv" | "json") => {
    const p = new URLSearchParams(params);
    p.set("format", format);
    return `/export/${what}?${p.toString()}`;
  };
  return { csv: href("csv"), json: href("json") };
}
