/**
 * Flags of a set of articles without the store (`npm run check -- --flags`): the same
 * rules the store runs at ingest, on every article and on the timeline of all of them.
 */
import { extractAll } from "../extract";
import type { Registries } from "../extract/context";
import type { Article, Event, Flag } from "../schema";
import { groupTimeline } from "../timeline/group";
import { articleFlags, timelineFlags } from ".";

/** The 1-based line of the article file that holds a body offset. */
export function fileLine(article: Pick<Article, "body" | "bodyLine">, offset: number): number {
  let line = article.bodyLine;
  for (let i = article.body.indexOf("\n"); i !== -1 && i < offset; i = article.body.indexOf("\n", i + 1)) line++;
  return line;
}

/** Every flag of the articles, in article order and, within one, in text order. */
export function flagsOfArticles(articles: readonly Article[], registries: Registries): Flag[] {
  const own: Flag[] = [];
  const events: Event[] = [];
  for (const article of articles) {
    const extraction = extractAll(article.body, { slug: article.slug, date: article.date, registries });
    own.push(...articleFlags(article, extraction, registries));
    events.push(...extraction.events);
  }
  const order = new Map(articles.map((a, i) => [a.slug, i]));
  return [...own, ...timelineFlags(groupTimeline(events))].sort(
    (a, b) => (order.get(a.provenance.article) ?? 0) - (order.get(b.provenance.article) ?? 0) || a.provenance.start - b.provenance.start,
  );
}

/** `file:line: kind: “words”: message`, as `npm run check -- --flags` prints a flag. */
export function formatFlag(flag: Flag, file: string, line: number): string {
  const words = flag.text !== flag.sentence ? `“${flag.text}”: ` : "";
  return `${file}:${line}: ${flag.kind}: ${words}${flag.message}`;
}
