/**
 * The dashboard's charts as ChartSpecs: what each one counts, built on the server from
 * the corpus and the URL filters. Components draw the specs; they never count.
 */
import type { Corpus } from "../corpus";
import { formatPartialDate } from "../format";
import { colorFor, dashFor, markerFor, PHASE_COLORS } from "../palette";
import { cutTo, firstDay, isoDayOfMs, partialDateToMs, yearOf } from "../dates";
import { articleDateRange, articleDatesNaming, articleHeads, articleVolume, countArticles, enforcementByYear, namesOf, selectTimelineEntries } from "../store";
import type { ArticleVolumeRow } from "../store";
import { DEFAULT_FILTERS, isUnfiltered, type FilterState } from "../url-state";
import { eventFilter } from "../queries/events";
import { memo } from "../queries/memo";
import { chartFileBase, dateSpan, describeFilters, sourceLine, type FilterNames } from "./caption";
import { ENFORCEMENT_MEASURES } from "./figures";
import type { CsvCell } from "./csv";
import { ChartSpec, type ChartCategory, type ChartRow, type ChartSpecInput } from "./spec";

/** Stacks beyond this many categories go into "Other". */
export const MAX_STACKS = 6;

/** Names of actors and chemicals, looked up for the ids a chart shows. */
interface ChartNames extends FilterNames {
  actor: (id: string) => string;
  chemical: (id: string) => string;
}

function names(corpus: Corpus, ids: { actors?: readonly string[]; chemicals?: readonly string[] }): ChartNames {
  const a = namesOf(corpus.db, "actors", ids.actors ?? []);
  const c = namesOf(corpus.db, "chemicals", ids.chemicals ?? []);
  return { actor: (id) => a.get(id) ?? id, chemical: (id) => c.get(id) ?? id };
}

/** The ids a filter state names, for its caption. */
const stateIds = (state: Partial<FilterState>) => ({ actors: state.actor ?? [], chemicals: state.chemical ?? [] });

export function categoriesOf(entries: readonly { key: string; label: string }[]): ChartCategory[] {
  return entries.map((e, i) => ({ key: e.key, label: e.label, color: colorFor(e.key), dash: dashFor(i), marker: markerFor(i) }));
}

function tbl(header: string[], rows: CsvCell[][]) {
  return { header, rows: rows.map((r) => r.map((c) => (c === undefined ? null : c))) };
}

/**
 * Ticks for a time axis on round dates: whole years (every 1, 2 or 5) for long spans,
 * months or quarters for short ones; the domain runs from the first tick to the last.
 */
export function timeTicks(values: readonly number[]): { ticks: number[]; domain: [number, number]; tick: "year" | "month" } | undefined {
  if (values.length === 0) return undefined;
  const min = new Date(values.reduce((a, b) => Math.min(a, b)));
  const max = new Date(values.reduce((a, b) => Math.max(a, b)));
  const y0 = min.getUTCFullYear();
  const y1 = max.getUTCFullYear();
  const months = (y1 - y0) * 12 + max.getUTCMonth() - min.getUTCMonth();
  if (months <= 30) {
    const step = months <= 12 ? 1 : 3;
    const ticks: number[] = [];
    let y = y0;
    let m = Math.floor(min.getUTCMonth() / step) * step;
    for (;;) {
      const t = Date.UTC(y, m, 1);
      ticks.push(t);
      if (t > max.getTime()) break;
      m += step;
      if (m >= 12) [y, m] = [y + 1, m - 12];
    }
    return { ticks, domain: [ticks[0], ticks.at(-1)!], tick: "month" };
  }
  const span = y1 - y0 + 1;
  const step = span > 24 ? 5 : span > 10 ? 2 : 1;
  const start = Math.floor(y0 / step) * step;
  const ticks: number[] = [];
  for (let y = start; ; y += step) {
    ticks.push(Date.UTC(y, 0, 1));
    if (Date.UTC(y, 0, 1) > max.getTime()) break;
  }
  return { ticks, domain: [ticks[0], ticks.at(-1)!], tick: "year" };
}

function spec(input: ChartSpecInput): ChartSpec {
  if (input.xType === "time" && !input.xTicks) {
    const values = input.kind === "dots" ? Object.values(input.dots ?? {}).flatMap((d) => d.map((p) => p.x)) : input.data.map((r) => r[input.index]).filter((v): v is number => typeof v === "number");
    const t = timeTicks(values);
    if (t) Object.assign(input, { xTicks: t.ticks, xDomain: t.domain, xTick: t.tick });
  }
  return ChartSpec.parse(input);
}

/** Every month from `first` to `last` (YYYY-MM), inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export function yearsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let y = Number(yearOf(first)); y <= Number(yearOf(last)); y++) out.push(String(y));
  return out;
}

/** Months when the span is up to eight years, years beyond: bars stay readable. */
function periods(dates: string[]): { keys: string[]; key: (date: string) => string; tick: "month" | "year" } {
  return periodsBetween(dateSpan(dates));
}

function periodsBetween({ first, last }: { first?: string; last?: string }): { keys: string[]; key: (date: string) => string; tick: "month" | "year" } {
  if (!first || !last) return { keys: [], key: (d) => d, tick: "month" };
  const months = monthsBetween(cutTo(first, "month"), cutTo(last, "month"));
  if (months.length <= 96) return { keys: months, key: (d) => cutTo(d, "month"), tick: "month" };
  return { keys: yearsBetween(first, last), key: yearOf, tick: "year" };
}

function topKeys(totals: Map<string, number>, max: number): string[] {
  return [...totals.entries()]
    .filter(([key]) => key !== "none")
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([key]) => key);
}

/** News volume per month, each article stacked under its main jurisdiction or chemical. */
export function newsVolumeChart(corpus: Corpus, state: FilterState): ChartSpec {
  return memo(corpus, ["newsVolumeChart", state], () => newsVolumeChartUncached(corpus, state));
}

function newsVolumeChartUncached(corpus: Corpus, state: FilterState): ChartSpec {
  // Articles per month and main jurisdiction and chemical, counted by the database.
  const groups = articleVolume(corpus.db, isUnfiltered(state) ? {} : eventFilter(state));
  const stackBy = state.stack;
  const mainOf = (g: ArticleVolumeRow) => (stackBy === "chemical" ? g.chemical : g.jurisdiction) ?? "none";
  const span = dateSpan(groups.flatMap((g) => [g.first, g.last]));
  const p = periodsBetween(span);
  const articleCount = groups.reduce((n, g) => n + g.articles, 0);

  const totals = new Map<string, number>();
  for (const g of groups) totals.set(mainOf(g), (totals.get(mainOf(g)) ?? 0) + g.articles);
  const top = topKeys(totals, MAX_STACKS);
  const known = names(corpus, { actors: [...top, ...state.actor], chemicals: [...top, ...state.chemical] });
  const nameOf = (id: string) => (stackBy === "chemical" ? known.chemical(id) : known.actor(id));
  const hasOther = [...totals.keys()].some((k) => k !== "none" && !top.includes(k));
  const keys = [...top, ...(hasOther ? ["other"] : []), ...(totals.has("none") ? ["none"] : [])];
  const label = (k: string) => (k === "other" ? `Other ${stackBy === "chemical" ? "chemicals" : "jurisdictions"}` : k === "none" ? `No ${stackBy} named` : nameOf(k));

  const rows = new Map<string, ChartRow>(p.keys.map((period) => [period, Object.fromEntries([["period", period], ...keys.map((k) => [k, 0])])]));
  for (const g of groups) {
    const raw = mainOf(g);
    const key = top.includes(raw) || raw === "none" ? raw : "other";
    // A month's articles fall in one period, whether periods are months or years.
    const row = rows.get(p.key(g.first));
    if (row) row[key] = (row[key] as number) + g.articles;
  }
  const data = [...rows.values()];
  const categories = categoriesOf(keys.map((key) => ({ key, label: label(key) })));
  return spec({
    id: "news-volume",
    title: `News volume per ${p.tick}, by ${stackBy === "chemical" ? "chemical" : "jurisdiction"}`,
    subtitle: `Articles per ${p.tick}, each counted once under the ${stackBy === "chemical" ? "chemical" : "country or international body"} it names most.`,
    kind: "stacked-bar",
    index: "period",
    xType: "category",
    xTick: p.tick,
    data,
    categories,
    valueFormat: "count",
    yLabel: "Articles",
    filtersLine: describeFilters(state, known),
    sourceLine: sourceLine({ articles: articleCount, ...span }),
    note: isUnfiltered(state) ? undefined : "An article counts when at least one of its events matches the filters.",
    fileBase: chartFileBase("news-volume", state),
    table: tbl([p.tick, ...categories.map((c) => c.label), "total"], data.map((r) => [r.period, ...keys.map((k) => r[k]), keys.reduce((s, k) => s + Number(r[k] ?? 0), 0)])),
    emptyMessage: "No articles match these filters.",
  });
}

/** Roles counted as controlled precursors. */
const PRECURSOR_ROLES = new Set(["precursor", "pre-precursor", "reagent"]);

/** Cumulative number of precursors under control in each jurisdiction, as steps. */
export function controlsChart(corpus: Corpus, state: FilterState): ChartSpec {
  return memo(corpus, ["controlsChart", state], () => controlsChartUncached(corpus, state));
}

function controlsChartUncached(corpus: Corpus, state: FilterState): ChartSpec {
  const chemicals = corpus.registries.chemicals.chemicals.filter(
    (c) => PRECURSOR_ROLES.has(c.role) && (state.chemical.length === 0 || state.chemical.includes(c.id)),
  );
  // Earliest date each chemical came under control in each jurisdiction.
  const first = new Map<string, Map<string, string>>();
  for (const c of chemicals) {
    for (const control of c.controls) {
      // A control counts from the day it took effect: an announcement is not a control.
      const when = control.effective;
      if (!when) continue;
      const byChem = first.get(control.jurisdiction) ?? new Map<string, string>();
      const day = firstDay(when);
      if (!byChem.has(c.id) || day < byChem.get(c.id)!) byChem.set(c.id, day);
      first.set(control.jurisdiction, byChem);
    }
  }
  const selected = state.actor.filter((id) => first.has(id));
  const known = names(corpus, { actors: [...first.keys(), ...state.actor], chemicals: state.chemical });
  const actorName = (id: string) => known.actor(id);
  const jurisdictions = [...first.keys()]
    .filter((j) => selected.length === 0 || selected.includes(j))
    .sort((a, b) => first.get(b)!.size - first.get(a)!.size || actorName(a).localeCompare(actorName(b)));

  const changes = new Set<string>();
  for (const j of jurisdictions) for (const day of first.get(j)!.values()) changes.add(day);
  const range = articleDateRange(corpus.db);
  const articleDates = [range.first, range.last].filter((d): d is string => Boolean(d));
  const end = [dateSpan([...changes, ...articleDates]).last].filter((d): d is string => Boolean(d));
  let days = [...new Set([...changes, ...end])].sort();
  const from = state.from ? firstDay(state.from) : undefined;
  const to = state.to ? firstDay(state.to) : undefined;
  if (from) days = [from, ...days.filter((d) => d > from)];
  if (to) days = [...days.filter((d) => d < to), to];

  const data: ChartRow[] = days.map((day) => {
    const row: ChartRow = { date: partialDateToMs(day) };
    for (const j of jurisdictions) row[j] = [...first.get(j)!.values()].filter((d) => d <= day).length;
    return row;
  });
  const categories = categoriesOf(jurisdictions.map((j) => ({ key: j, label: actorName(j) })));
  const ignored = [state.type && "type", state.q && "text", selected.length === 0 && state.actor.length > 0 && "actor"].filter(Boolean);
  const span = dateSpan(articleDates);
  return spec({
    id: "controls-over-time",
    title: "Precursors under control, by jurisdiction",
    subtitle: "Cumulative number of precursor chemicals each jurisdiction controls, from the day each control took effect; controls only announced are not counted.",
    kind: "line",
    curve: "step",
    index: "date",
    xType: "time",
    xTick: "year",
    data: jurisdictions.length ? data : [],
    categories,
    valueFormat: "count",
    yLabel: "Precursors controlled",
    filtersLine: describeFilters({ ...DEFAULT_FILTERS, actor: selected, chemical: state.chemical, from: state.from, to: state.to }, known),
    sourceLine: sourceLine({ articles: countArticles(corpus.db), ...span, also: "control dates from the chemical registry" }),
    note: ignored.length ? `The ${ignored.join(" and ")} filter${ignored.length > 1 ? "s do" : " does"} not apply to this chart.` : undefined,
    fileBase: chartFileBase("controls-over-time", { ...state, type: undefined, q: undefined, stack: undefined }),
    table: tbl(["date", ...categories.map((c) => c.label)], data.map((r) => [isoDayOfMs(r.date as number), ...jurisdictions.map((j) => r[j])])),
    emptyMessage: "No control of a precursor is recorded for these filters.",
  });
}

export { classifyFigure, ENFORCEMENT_MEASURES, type EnforcementMeasure } from "./figures";

/** Enforcement figures per year: the largest figure reported for each measure. */
export function enforcementChart(corpus: Corpus, state: FilterState): ChartSpec {
  return memo(corpus, ["enforcementChart", state], () => enforcementChartUncached(corpus, state));
}

function enforcementChartUncached(corpus: Corpus, state: FilterState): ChartSpec {
  // Each figure was classified (classifyFigure) when it was written; the database gives
  // the largest value per year and measure.
  const found = enforcementByYear(corpus.db, isUnfiltered(state) ? undefined : eventFilter(state));
  const span = dateSpan(found.rows.map((f) => f.year));
  const years = span.first && span.last ? yearsBetween(span.first, span.last) : [];
  const present = ENFORCEMENT_MEASURES.filter((m) => found.rows.some((f) => f.measure === m.key));
  const rows = new Map<string, ChartRow>(years.map((y) => [y, Object.fromEntries([["year", y], ...present.map((m) => [m.key, null])])]));
  for (const f of found.rows) {
    const row = rows.get(f.year);
    if (row) row[f.measure] = Math.round(f.value * 100) / 100;
  }
  const data = [...rows.values()];
  const { low, high } = found;
  const spread = found.rows.length ? high / Math.max(1e-9, low) : 1;
  const categories = categoriesOf(present.map((m) => ({ key: m.key, label: m.label })));
  const articleSpan = { first: found.firstArticle, last: found.lastArticle };
  return spec({
    id: "enforcement-figures",
    title: "Enforcement figures per year, by measure",
    subtitle: "The largest figure the articles report for each year: seizures in kilograms, arrests, prosecutions and overdose deaths.",
    kind: "line",
    index: "year",
    xType: "category",
    xTick: "year",
    data: present.length ? data : [],
    categories,
    valueFormat: "number",
    yLabel: spread > 1000 ? "Reported figure (log scale)" : "Reported figure",
    yScale: spread > 1000 ? "log" : "linear",
    yDomain: spread > 1000 ? [10 ** Math.floor(Math.log10(low)), 10 ** Math.ceil(Math.log10(high))] : undefined,
    filtersLine: describeFilters(state, names(corpus, stateIds(state))),
    sourceLine: sourceLine({ articles: found.articles, ...articleSpan }),
    note: "Figures are as reported; the same figure in several articles counts once per year as the largest value.",
    fileBase: chartFileBase("enforcement-figures", { ...state, stack: undefined }),
    table: tbl(["year", ...categories.map((c) => c.label)], data.map((r) => [r.year, ...present.map((m) => r[m.key] as CsvCell)])),
    emptyMessage: "No seizure, arrest, prosecution or death figures were found for these filters.",
  });
}

/**
 * The fentanyl-related tariff in effect, as steps that hold until the next change, one
 * series per country whose goods it taxes, read from timeline entries: a tariff event
 * knows its layer (the fentanyl-related duty is not the reciprocal one), its new rate and
 * whether its date is when it took effect or when it was announced. Announcements are
 * drawn apart, as points at the rate announced.
 */
export function tariffChart(corpus: Corpus, state: FilterState): ChartSpec {
  return memo(corpus, ["tariffChart", state], () => tariffChartUncached(corpus, state));
}

function tariffChartUncached(corpus: Corpus, state: FilterState): ChartSpec {
  const entries = selectTimelineEntries(corpus.db, { ...eventFilter(state), type: "tariff" }, undefined, { tariffLayer: "fentanyl" }).filter((e) => e.tariff?.layer === "fentanyl" && e.tariff.rate !== undefined && e.tariff.target);
  const effective = entries.filter((e) => e.phase === "effective");
  const announced = entries.filter((e) => e.phase === "announced");
  const targets = [...new Set(effective.map((e) => e.tariff!.target!))].sort();
  const known = names(corpus, { actors: [...targets, ...announced.map((e) => e.tariff!.target!), ...state.actor], chemicals: state.chemical });
  // Changes in force, oldest first; on one day the most precise entry decides.
  const steps = effective.filter((e) => e.precision === "day").sort((a, b) => a.date.localeCompare(b.date));
  const notices = announced.filter((e) => targets.includes(e.tariff!.target!) && e.precision === "day");
  const lastArticle = articleDateRange(corpus.db).last;
  const days = [...new Set([...steps.map((e) => e.date), ...notices.map((e) => e.date), ...(steps.length && lastArticle ? [lastArticle] : [])])].sort();
  const inForce = (target: string, day: string) => steps.filter((e) => e.tariff!.target === target && e.date <= day).at(-1)?.tariff!.rate ?? null;
  const data: ChartRow[] = days.map((day) => ({
    date: partialDateToMs(day),
    ...Object.fromEntries(targets.map((t) => [t, inForce(t, day)])),
    ...Object.fromEntries(targets.map((t) => [`announced:${t}`, notices.find((e) => e.date === day && e.tariff!.target === t)?.tariff!.rate ?? null])),
  }));
  const categories = [
    ...categoriesOf(targets.map((t) => ({ key: t, label: `In effect on goods from ${known.actor(t)}` }))),
    ...categoriesOf(targets.filter((t) => notices.some((e) => e.tariff!.target === t)).map((t) => ({ key: `announced:${t}`, label: `Announced for ${known.actor(t)} (not yet in effect)` }))).map((c) => ({ ...c, points: true })),
  ];
  const articles = new Set(entries.flatMap((e) => e.sources.map((s) => s.article)));
  const span = dateSpan([...articleHeads(corpus.db, articles).values()].map((a) => a.date));
  return spec({
    id: "tariff-rate",
    title: "Fentanyl-related tariff rate",
    subtitle: "The fentanyl-related tariff in effect on each country's goods, held until the next change; announced changes are marked apart, on the day they were announced.",
    kind: "line",
    curve: "step",
    index: "date",
    xType: "time",
    xTick: "month",
    data: targets.length ? data : [],
    categories,
    valueFormat: "percent",
    yLabel: "Tariff rate (%)",
    filtersLine: describeFilters(state, known),
    sourceLine: sourceLine({ articles: articles.size, ...span }),
    note: "Read from timeline entries of type tariff: each change counts once, however many articles report it.",
    fileBase: chartFileBase("tariff-rate", { ...state, stack: undefined }),
    table: tbl(["date", ...categories.map((c) => c.label)], data.map((r) => [isoDayOfMs(r.date as number), ...categories.map((c) => r[c.key] as CsvCell)])),
    emptyMessage: "No fentanyl-related tariff rate was found for these filters.",
  });
}

/** Articles per month (or year) that name one chemical or actor: for the entity pages. */
export function mentionsChart(corpus: Corpus, target: { kind: "chemical" | "actor"; id: string }, naming?: readonly { date: string }[]): ChartSpec {
  const known = names(corpus, target.kind === "chemical" ? { chemicals: [target.id] } : { actors: [target.id] });
  const name = target.kind === "chemical" ? known.chemical(target.id) : known.actor(target.id);
  const articles = naming ?? articleDatesNaming(corpus.db, target.kind, target.id).map((date) => ({ date }));
  const p = periods(articles.map((a) => a.date));
  const rows = new Map<string, ChartRow>(p.keys.map((k) => [k, { period: k, [target.id]: 0 }]));
  for (const a of articles) {
    const row = rows.get(p.key(a.date));
    if (row) row[target.id] = (row[target.id] as number) + 1;
  }
  const data = [...rows.values()];
  const categories = categoriesOf([{ key: target.id, label: `Articles naming ${name}` }]);
  const state = { ...DEFAULT_FILTERS, [target.kind]: [target.id] };
  return spec({
    id: `${target.kind}-mentions`,
    title: `${name}: articles per ${p.tick}`,
    subtitle: `Articles that name ${name} at least once, by publication ${p.tick}.`,
    kind: "stacked-bar",
    index: "period",
    xType: "category",
    xTick: p.tick,
    data,
    categories,
    valueFormat: "count",
    yLabel: "Articles",
    filtersLine: `${target.kind === "chemical" ? "Chemical" : "Actor"}: ${name}`,
    sourceLine: sourceLine({ articles: articles.length, ...dateSpan(articles.map((a) => a.date)) }),
    fileBase: chartFileBase(`${target.kind}-mentions`, state),
    table: tbl([p.tick, "articles"], data.map((r) => [r.period, r[target.id]])),
    emptyMessage: `No article names ${name} yet.`,
    height: 240,
  });
}

/** When each jurisdiction announced and put into effect its control of one chemical. */
export function controlHistoryChart(corpus: Corpus, chemicalId: string): ChartSpec {
  const entry = corpus.registries.chemicals.chemicals.find((c) => c.id === chemicalId);
  const controls = [...(entry?.controls ?? [])].sort((a, b) => (a.effective ?? a.announced ?? "").localeCompare(b.effective ?? b.announced ?? ""));
  const known = names(corpus, { actors: controls.map((c) => c.jurisdiction), chemicals: [chemicalId] });
  const actorName = (id: string) => known.actor(id);
  const rows = [...new Set(controls.map((c) => actorName(c.jurisdiction)))];
  const phases = [
    { key: "announced", label: "Announced", marker: "diamond" },
    { key: "effective", label: "In effect", marker: "circle" },
  ] as const;
  const categories = categoriesOf(phases).map((c, i) => ({ ...c, color: PHASE_COLORS[phases[i].key], marker: phases[i].marker }));
  const dots: Record<string, { x: number; y: string; label: string }[]> = { announced: [], effective: [] };
  for (const c of controls) {
    const y = actorName(c.jurisdiction);
    if (c.announced) dots.announced.push({ x: partialDateToMs(c.announced), y, label: `${c.instrument}: announced ${formatPartialDate(c.announced)}` });
    if (c.effective) dots.effective.push({ x: partialDateToMs(c.effective), y, label: `${c.instrument}: in effect ${formatPartialDate(c.effective)}` });
  }
  const name = known.chemical(chemicalId);
  return spec({
    id: "control-history",
    title: `${name}: control history`,
    subtitle: "When each jurisdiction announced a control of the chemical and when it took effect.",
    kind: "dots",
    index: "jurisdiction",
    xType: "time",
    xTick: "year",
    data: rows.map((jurisdiction) => ({ jurisdiction })),
    categories,
    dots,
    valueFormat: "number",
    yLabel: "Jurisdiction",
    filtersLine: `Chemical: ${name}`,
    sourceLine: sourceLine({ also: `${controls.length} control action${controls.length === 1 ? "" : "s"} from the chemical registry, each with its cited source` }),
    fileBase: chartFileBase("control-history", { chemical: [chemicalId] }),
    table: tbl(["jurisdiction", "instrument", "announced", "effective", "source"], controls.map((c) => [actorName(c.jurisdiction), c.instrument, c.announced, c.effective, c.source])),
    emptyMessage: "No control of this chemical is recorded in the registry.",
    height: Math.max(160, 60 + rows.length * 36),
  });
}
