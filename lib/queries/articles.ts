/** Articles: the list, and one article's text with every extracted record marked. */
import { articleFlagViews } from "./flags";
import type { Corpus } from "../corpus";
import { formatPartialDate, formatShortDate } from "../format";
import type { Extraction, Mark, MarkKind } from "../schema";
import { splitSentences } from "../text/sentences";
import { articleRow, countArticles, getArticle, listArticleRows, namesOf, readExtraction, searchArticles, selectEvents, type ArticleListRow } from "../store";
import { splitMarked } from "../text/marks";
import { eventViews, pageLinks } from "./events";
import { actorHref, articleHref, chemicalHref, exportLinks } from "./links";

export function summarizeArticle(row: ArticleListRow) {
  return {
    slug: row.slug,
    title: row.title,
    date: row.date,
    dateLabel: formatPartialDate(row.date),
    source: row.source,
    tags: row.tags,
    href: articleHref(row.slug),
    counts: row.counts,
  };
}
export type ArticleSummary = ReturnType<typeof summarizeArticle>;

/** Every article, newest first. */
export function listArticles(corpus: Corpus): ArticleSummary[] {
  return listArticleRows(corpus.db).map(summarizeArticle);
}

/** Kinds of record marked in the text, in the order the side panel lists them. */
export const RECORD_KINDS = [
  { kind: "chemical", label: "Chemical", plural: "Chemicals" },
  { kind: "official", label: "Person", plural: "People" },
  { kind: "actor", label: "Organisation", plural: "Organisations and countries" },
  { kind: "date", label: "Date", plural: "Dates" },
  { kind: "statistic", label: "Figure", plural: "Figures" },
  { kind: "quote", label: "Quote", plural: "Quotes" },
] as const satisfies readonly { kind: MarkKind; label: string; plural: string }[];

/**
 * Non-overlapping highlights, earliest and longest first, so the text is wrapped once.
 * Quotes are long and hold other records: they are marked only in the gaps between them.
 */
export function articleHighlights(extraction: Extraction): Mark[] {
  const all: Mark[] = [];
  for (const c of extraction.chemicals) for (const m of c.mentions) all.push({ kind: "chemical", start: m.start, end: m.end, label: c.name });
  for (const o of extraction.officials) for (const m of o.mentions) all.push({ kind: "official", start: m.start, end: m.end, label: o.title ? `${o.name}, ${o.title}` : o.name });
  for (const a of extraction.actors) for (const m of a.mentions) all.push({ kind: "actor", start: m.start, end: m.end, label: a.name });
  for (const d of extraction.dates) all.push({ kind: "date", start: d.provenance.start, end: d.provenance.end, label: d.end ? `${d.start} to ${d.end}` : d.start });
  for (const s of extraction.statistics) all.push({ kind: "statistic", start: s.provenance.start, end: s.provenance.end, label: `${s.value} ${s.unit}${s.measure ? ` (${s.measure})` : ""}` });
  all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Mark[] = [];
  let reach = -1;
  for (const h of all) {
    if (h.start >= reach && h.end > h.start) {
      kept.push(h);
      reach = h.end;
    }
  }
  const quotes: Mark[] = [];
  for (const q of extraction.quotes) {
    const label = q.speaker ? `Quote: ${q.speaker}` : "Quote";
    let cursor = q.provenance.start;
    for (const h of kept) {
      if (h.end <= cursor || h.start >= q.provenance.end) continue;
      if (h.start > cursor) quotes.push({ kind: "quote", start: cursor, end: h.start, label });
      cursor = Math.max(cursor, h.end);
    }
    if (cursor < q.provenance.end) quotes.push({ kind: "quote", start: cursor, end: q.provenance.end, label });
  }
  return [...kept, ...quotes].sort((a, b) => a.start - b.start);
}

/** One article: its text with marks and sentence anchors, and a panel of its records. */
export function getArticleView(corpus: Corpus, slug: string, focus?: number) {
  const article = getArticle(corpus.db, slug);
  const row = articleRow(corpus.db, slug);
  if (!article || !row) return undefined;
  const extraction = readExtraction(corpus.db, slug);
  const actors = namesOf(corpus.db, "actors", extraction.actors.map((a) => a.id));
  const chemicals = namesOf(corpus.db, "chemicals", extraction.chemicals.map((c) => c.id));
  const actorName = (id: string) => actors.get(id) ?? id;
  const chemicalName = (id: string) => chemicals.get(id) ?? id;
  const sentences = splitSentences(article.body).map((s) => ({ index: s.index, start: s.start, end: s.end }));
  const anchor = (sentence: number) => `#s-${sentence}`;
  const item = (key: string, label: string, sentence: number, extra: { detail?: string; href?: string; mentions?: number } = {}) => ({ key, label, sentence, anchor: anchor(sentence), ...extra });

  const groups = [
    {
      kind: "chemical" as const,
      items: extraction.chemicals.map((c) =>
        item(`c-${c.id}`, chemicalName(c.id), c.mentions[0].sentence, { detail: [c.role, c.cas && `CAS ${c.cas}`].filter(Boolean).join(" · ") || undefined, href: chemicalHref(c.id), mentions: c.mentions.length }),
      ),
    },
    {
      kind: "official" as const,
      items: extraction.officials.map((o) => item(`o-${o.id}`, o.name, o.mentions[0].sentence, { detail: [o.title, o.organization].filter(Boolean).join(", ") || undefined, href: actorHref(o.id), mentions: o.mentions.length })),
    },
    {
      kind: "actor" as const,
      items: extraction.actors.map((a) => item(`a-${a.id}`, actorName(a.id), a.mentions[0].sentence, { detail: a.type.replace("-", " "), href: actorHref(a.id), mentions: a.mentions.length })),
    },
    {
      kind: "date" as const,
      items: extraction.dates.map((d, i) => item(`d-${i}`, d.text, d.provenance.sentence, { detail: d.end ? `${formatPartialDate(d.start)} – ${formatPartialDate(d.end)}` : formatPartialDate(d.start, d.precision) })),
    },
    {
      kind: "statistic" as const,
      items: extraction.statistics.map((s, i) => item(`s-${i}`, s.text, s.provenance.sentence, { detail: [s.qualifier, `${s.value.toLocaleString("en-US")} ${s.unit}`, s.measure].filter(Boolean).join(" · ") })),
    },
    {
      kind: "quote" as const,
      items: extraction.quotes.map((q, i) => item(`q-${i}`, q.text.length > 140 ? `${q.text.slice(0, 140)}…` : q.text, q.provenance.sentence, { detail: q.speaker, href: q.speakerId ? actorHref(q.speakerId) : undefined })),
    },
  ].map((g) => ({ ...g, ...RECORD_KINDS.find((k) => k.kind === g.kind)!, count: g.items.length }));

  const validFocus = focus !== undefined && sentences.some((s) => s.index === focus) ? focus : undefined;
  return {
    summary: summarizeArticle(row),
    shortDate: formatShortDate(article.date),
    url: article.url,
    body: article.body,
    marks: articleHighlights(extraction).map((h) => ({ start: h.start, end: h.end, kind: h.kind, label: h.label })),
    sentences,
    focus: validFocus,
    focusMissing: focus !== undefined && validFocus === undefined,
    groups,
    events: eventViews(corpus, selectEvents(corpus.db, { article: slug }).sort((a, b) => a.position - b.position)),
    /** Flags on what the article says (issue 14), in text order. */
    flags: articleFlagViews(corpus, slug),
  };
}
export type ArticleView = NonNullable<ReturnType<typeof getArticleView>>;

/** Articles per page on the articles list. */
export const ARTICLES_PER_PAGE = 100;

/**
 * The articles list: newest first, or, with a search, the best matches first, each with a
 * snippet of its text in parts (matched words marked). A search that cannot be read is a
 * message, and the list is then empty.
 */
export function getArticleList(corpus: Corpus, options: { q?: string; page?: number } = {}) {
  const q = options.q?.trim() || undefined;
  const found = q ? searchArticles(corpus.db, q, { limit: -1, offset: 0 }) : undefined;
  const total = found ? found.total : countArticles(corpus.db);
  const pageCount = Math.max(1, Math.ceil(total / ARTICLES_PER_PAGE));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const window = { limit: ARTICLES_PER_PAGE, offset: (page - 1) * ARTICLES_PER_PAGE };
  const rows = q ? searchArticles(corpus.db, q, window).rows : listArticleRows(corpus.db, window);
  const href = (p: number) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (p > 1) params.set("page", String(p));
    const query = params.toString();
    return query ? `/articles?${query}` : "/articles";
  };
  return {
    q,
    total,
    page,
    pageCount,
    error: found?.error,
    articles: rows.map((r) => ({ ...summarizeArticle(r), snippet: "snippet" in r ? splitMarked(String(r.snippet)) : undefined })),
    pages: pageLinks(page, pageCount).map((p) => (p === null ? null : { page: p, href: href(p), current: p === page })),
    /** Every listed article (all pages), as files. */
    exports: exportLinks("articles", new URLSearchParams(q ? { q } : {})),
  };
}
export type ArticleListView = ReturnType<typeof getArticleList>;
