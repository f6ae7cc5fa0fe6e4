/**
 * What every flag rule shares: the article a rule reads (its slug, date, body and
 * sentences), how a flag is made, and how a partial date compares with a day.
 */
import { firstDay, lastDay } from "../dates";
import type { Flag, FlagKind, FlagSeverity, IsoDay } from "../schema";
import { sentenceAt, splitSentences, type Sentence } from "../text/sentences";

export interface FlagArticle {
  slug: string;
  date: IsoDay;
  body: string;
}

export interface ReadArticle extends FlagArticle {
  sentences: readonly Sentence[];
}

export function readArticle(article: FlagArticle): ReadArticle {
  return { ...article, sentences: splitSentences(article.body) };
}

/** A flag without its id (ids are given once all flags of an article are known). */
export type FlagDraft = Omit<Flag, "id">;

export function draft(
  article: ReadArticle,
  kind: FlagKind,
  severity: FlagSeverity,
  span: { start: number; end: number },
  message: string,
  extra: { reference?: string; actors?: string[]; chemicals?: string[]; entry?: string } = {},
): FlagDraft {
  const index = sentenceAt(article.sentences, span.start);
  const sentence = article.sentences[index];
  return {
    kind,
    severity,
    text: article.body.slice(span.start, span.end),
    sentence: sentence?.text ?? "",
    provenance: { article: article.slug, sentence: index, start: span.start, end: span.end },
    message,
    ...(extra.reference ? { reference: extra.reference } : {}),
    actors: [...new Set(extra.actors ?? [])],
    chemicals: [...new Set(extra.chemicals ?? [])],
    ...(extra.entry ? { entry: extra.entry } : {}),
  };
}

/** Ids `${article}#${sentence}:${kind}`, then `.2`, `.3` for more of one kind in a sentence. */
export function withIds(drafts: readonly FlagDraft[], prefix = ""): Flag[] {
  const seen = new Map<string, number>();
  return drafts.map((d) => {
    const base = `${prefix}${d.provenance.article}#${d.provenance.sentence}:${d.kind}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { id: n === 1 ? base : `${base}.${n}`, ...d };
  });
}

/** A span of time written as partial dates: start, and end when it ended. */
export interface Period {
  start: string;
  end?: string;
}

/** Surely inside: every day the partial dates may mean puts `day` after the start and before the end. */
export function surelyWithin(day: string, period: Period): boolean {
  return day > lastDay(period.start) && (!period.end || day < firstDay(period.end));
}

/** Surely outside: before the earliest start or after the latest end the dates allow. */
export function surelyOutside(day: string, period: Period): boolean {
  return day < firstDay(period.start) || (period.end !== undefined && day > lastDay(period.end));
}

/** Could a date of any precision fall in the period? (A sentence's "in 2019" for a 2017-2021 term.) */
export function mayFallWithin(date: { start: string; end?: string }, period: Period): boolean {
  const from = firstDay(date.start);
  const to = lastDay(date.end ?? date.start);
  return to >= firstDay(period.start) && (!period.end || from <= lastDay(period.end));
}

/** The sentence that holds a body offset. */
export function sentenceOf(article: ReadArticle, offset: number): Sentence {
  return article.sentences[sentenceAt(article.sentences, offset)];
}
