/**
 * The words around a chart, shared by the page and the exported image: the active
 * filters, the source line and the file name. Pure functions, tested, never JSX
 * (after OWID grapher's sourcesLine).
 */
import { formatPartialDate, formatShortDate, plural } from "../format";
import { slugify } from "../text/slug";
import type { FilterState } from "../url-state";

export const PRODUCT = "Precursor Watch";

export interface FilterNames {
  actor: (id: string) => string;
  chemical: (id: string) => string;
}

const list = (names: string[]) => (names.length <= 2 ? names.join(" or ") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`);

/** "Actor: China or Mexico · Chemical: NPP · From March 2020" or "No filters: every event". */
export function describeFilters(state: FilterState, names: FilterNames): string {
  const parts: string[] = [];
  if (state.actor.length) parts.push(`Actor: ${list(state.actor.map(names.actor))}`);
  if (state.chemical.length) parts.push(`Chemical: ${list(state.chemical.map(names.chemical))}`);
  if (state.type) parts.push(`Type: ${state.type}`);
  if (state.from && state.to) parts.push(`${formatPartialDate(state.from)} to ${formatPartialDate(state.to)}`);
  else if (state.from) parts.push(`From ${formatPartialDate(state.from)}`);
  else if (state.to) parts.push(`Up to ${formatPartialDate(state.to)}`);
  if (state.q) parts.push(`Text: “${state.q}”`);
  return parts.length ? `Filters: ${parts.join(" · ")}` : "No filters: every article and event";
}

export interface SourceFacts {
  /** How many articles the chart reads; leave it out for a chart drawn from the registry alone. */
  articles?: number;
  /** Earliest and latest publication dates (YYYY-MM-DD) of those articles. */
  first?: string;
  last?: string;
  /** What else the chart draws on, e.g. "the chemical registry". */
  also?: string;
}

/** "Source: 12 articles, 3 Jan 2017 – 5 Nov 2025 · Precursor Watch". */
export function sourceLine(facts: SourceFacts): string {
  const parts: string[] = [];
  if (facts.articles !== undefined) {
    let articles = facts.articles === 0 ? "no articles" : plural(facts.articles, "article");
    if (facts.articles > 0 && facts.first && facts.last) {
      articles += facts.first === facts.last ? `, ${formatShortDate(facts.first)}` : `, ${formatShortDate(facts.first)} – ${formatShortDate(facts.last)}`;
    }
    parts.push(articles);
  }
  if (facts.also) parts.push(facts.also);
  return `Source: ${parts.join("; ")} · ${PRODUCT}`;
}

/** Earliest and latest of a list of ISO dates. */
export function dateSpan(dates: Iterable<string>): { first?: string; last?: string } {
  let first: string | undefined;
  let last: string | undefined;
  for (const d of dates) {
    if (first === undefined || d < first) first = d;
    if (last === undefined || d > last) last = d;
  }
  return { first, last };
}

/**
 * "precursor-watch_news-volume_actor-china_from-2020": which chart, which filters. Ids are
 * already slugs; free text is slugged; long names are cut so every system accepts them.
 */
export function chartFileBase(chartId: string, state?: Partial<FilterState>): string {
  const parts = ["precursor-watch", slugify(chartId)];
  if (state) {
    if (state.actor?.length) parts.push(`actor-${state.actor.join("+")}`);
    if (state.chemical?.length) parts.push(`chemical-${state.chemical.join("+")}`);
    if (state.type) parts.push(`type-${state.type}`);
    if (state.from) parts.push(`from-${state.from}`);
    if (state.to) parts.push(`to-${state.to}`);
    if (state.q && slugify(state.q)) parts.push(`q-${slugify(state.q).slice(0, 30)}`);
    if (state.stack && state.stack !== "jurisdiction") parts.push(`by-${state.stack}`);
  }
  const base = parts.join("_").replace(/[^a-z0-9_+.-]/g, "");
  return base.length > 150 ? base.slice(0, 150).replace(/[_+-]+$/, "") : base;
}
