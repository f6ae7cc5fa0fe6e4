/**
 * The SQL behind the timeline, its filter counts and the entity lists, compared with a
 * plain scan of the same records (read back from the database as Extractions), over a
 * generated corpus.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticCorpus } from "../../../scripts/bench/synthetic-corpus";
import { closeCorpora, corpusArticles, loadCorpus, type Corpus, type CorpusArticle } from "../../../lib/corpus";
import { firstDay, lastDay } from "../../../lib/dates";
import { filterEvents, filterPanel, getTimeline, listActors, listChemicals } from "../../../lib/queries";
import { articleDatesNaming, articlesNaming, coNamed, countTimelineEntries, namesOf, selectTimelineEntries } from "../../../lib/store";
import type { Event, TimelineEntry } from "../../../lib/schema";
import { DEFAULT_FILTERS, type FilterState } from "../../../lib/url-state";

const tmp = mkdtempSync(path.join(os.tmpdir(), "pw-scan-"));
let corpus: Corpus;
let articles: CorpusArticle[];
let all: { event: Event; article: CorpusArticle }[];
/** Every timeline entry, as the grouping made them, newest first. */
let allEntries: TimelineEntry[];

beforeAll(async () => {
  writeSyntheticCorpus(path.join(tmp, "articles"), 80, 7);
  corpus = await loadCorpus({ articles: path.join(tmp, "articles"), registry: path.join(__dirname, "..", "..", "..", "content", "registry"), database: path.join(tmp, "db.sqlite"), quiet: true });
  articles = corpusArticles(corpus);
  all = articles.flatMap((article) => article.extraction.events.map((event) => ({ event, article })));
  allEntries = selectTimelineEntries(corpus.db);
  all.sort((a, b) => (a.event.date < b.event.date ? 1 : a.event.date > b.event.date ? -1 : a.article.article.slug < b.article.article.slug ? -1 : a.article.article.slug > b.article.article.slug ? 1 : a.event.provenance.sentence - b.event.provenance.sentence));
});

afterAll(() => {
  closeCorpora();
  rmSync(tmp, { recursive: true, force: true });
});

const state = (s: Partial<FilterState>): FilterState => ({ ...DEFAULT_FILTERS, ...s });

/** Entries with a source event that passes the filter (the entry's own type checked on it), newest first. */
function scanEntries(s: FilterState): TimelineEntry[] {
  const passing = new Set(scan(s, "type").map((e) => e.event.id));
  return allEntries.filter((entry) => (!s.type || entry.type === s.type) && entry.sources.some((src) => passing.has(src.event)));
}

function scan(s: FilterState, skip?: "actor" | "chemical" | "type") {
  const names = new Map([...namesOf(corpus.db, "actors", all.flatMap((e) => [...e.event.actors, ...e.event.officials])), ...namesOf(corpus.db, "chemicals", all.flatMap((e) => e.event.chemicals))]);
  const prefixes = (s.q ?? "").split(/\s+/).filter(Boolean).map((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/\*$/, "")}`, "iu"));
  return all.filter(({ event: e, article }) => {
    const ids = [...e.actors, ...e.officials];
    if (skip !== "actor" && s.actor.length && !ids.some((id) => s.actor.includes(id))) return false;
    if (skip !== "chemical" && s.chemical.length && !e.chemicals.some((id) => s.chemical.includes(id))) return false;
    if (skip !== "type" && s.type && e.type !== s.type) return false;
    if (s.from && lastDay(e.end ?? e.date) < firstDay(s.from)) return false;
    if (s.to && firstDay(e.date) > lastDay(s.to)) return false;
    const text = [e.sentence, ...ids.map((id) => names.get(id) ?? id), ...e.chemicals.map((id) => names.get(id) ?? id), article.article.title].join("\n");
    return prefixes.every((p) => p.test(text));
  });
}

const cases: Partial<FilterState>[] = [
  {},
  { actor: ["china"] },
  { actor: ["china", "united-states"], chemical: ["4-anpp"] },
  { chemical: ["npp"], type: "control" },
  { from: "2019", to: "2021-06" },
  { actor: ["china"], chemical: ["4-anpp"], type: "control", from: "2018" },
  { q: "tarif*" },
  { q: "seiz* china*", to: "2022" },
];

describe("SQL against a plain scan", () => {
  it("has a corpus to compare", () => {
    expect(articles.length).toBe(80);
    expect(all.length).toBeGreaterThan(500);
  });

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))("filters events like a scan: %s", (_, c) => {
    const expected = scan(state(c)).map((e) => e.event.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(filterEvents(corpus, state(c)).map((e) => e.id)).toEqual(expected);
    // The timeline lists entries: those with a source event that passes the filter.
    const timeline = getTimeline(corpus, state(c));
    const entries = scanEntries(state(c));
    expect(timeline.total).toBe(entries.length);
    expect(timeline.years.flatMap((y) => y.months.flatMap((m) => m.entries.map((e) => e.id)))).toEqual(entries.slice(0, 50).map((e) => e.id));
  });

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))("counts each filter value like a scan: %s", (_, c) => {
    const panel = filterPanel(corpus, state(c), "/timeline");
    // Timeline entries per value: an entry counts once for each value that one of its
    // sources passing the other filters names.
    const count = (skip: "actor" | "chemical" | "type", ids: (e: Event, entry: TimelineEntry) => string[]) => {
      const passing = new Set(scan(state(c), skip === "type" ? "type" : skip).map((e) => e.event.id));
      const byId = new Map(all.map((e) => [e.event.id, e.event]));
      const counts = new Map<string, number>();
      for (const entry of allEntries) {
        if (skip !== "type" && c.type && entry.type !== c.type) continue;
        const named = new Set(entry.sources.filter((s) => passing.has(s.event)).flatMap((s) => ids(byId.get(s.event)!, entry)));
        for (const id of named) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return counts;
    };
    const actors = count("actor", (e) => [...e.actors, ...e.officials]);
    for (const o of panel.actors.options) expect([o.id, o.count]).toEqual([o.id, actors.get(o.id) ?? 0]);
    const chemicals = count("chemical", (e) => e.chemicals);
    for (const o of panel.chemicals.options) expect([o.id, o.count]).toEqual([o.id, chemicals.get(o.id) ?? 0]);
    const types = count("type", (_, entry) => [entry.type]);
    for (const t of panel.types.slice(1)) expect([t.value, t.count]).toEqual([t.value, types.get(t.value) ?? 0]);
  });

  it("lists the actors and chemicals named in the same articles like a scan", () => {
    const actorsOf = (a: CorpusArticle) => new Set([...a.extraction.actors.map((m) => m.id), ...a.extraction.officials.map((m) => m.id)]);
    const chemicalsOf = (a: CorpusArticle) => new Set(a.extraction.chemicals.map((m) => m.id));
    const expected = (ids: (a: CorpusArticle) => Set<string>, others: (a: CorpusArticle) => Set<string>, id: string) => {
      const counts = new Map<string, number>();
      for (const a of articles) if (ids(a).has(id)) for (const o of others(a)) counts.set(o, (counts.get(o) ?? 0) + 1);
      return [...counts].map(([o, count]) => ({ id: o, count })).sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1));
    };
    let compared = 0;
    for (const c of listChemicals(corpus)) {
      expect([c.id, coNamed(corpus.db, "chemical", c.id, 1000)]).toEqual([c.id, expected(chemicalsOf, actorsOf, c.id)]);
      compared++;
    }
    for (const a of listActors(corpus)) expect([a.id, coNamed(corpus.db, "actor", a.id, 1000)]).toEqual([a.id, expected(actorsOf, chemicalsOf, a.id)]);
    expect(compared).toBeGreaterThan(5);
    expect(coNamed(corpus.db, "chemical", "4-anpp", 3)).toEqual(expected(chemicalsOf, actorsOf, "4-anpp").slice(0, 3));
  });

  it("lists the articles naming each chemical and actor, newest first with how often, like a scan", () => {
    const byDate = (a: CorpusArticle, b: CorpusArticle) => (a.article.date > b.article.date ? -1 : a.article.date < b.article.date ? 1 : a.article.slug < b.article.slug ? -1 : 1);
    const check = (kind: "chemical" | "actor", id: string, mentions: (a: CorpusArticle) => number) => {
      const naming = articles.filter((a) => mentions(a) > 0).sort(byDate);
      const expected = naming.map((a) => ({ slug: a.article.slug, title: a.article.title, date: a.article.date, source: a.article.source, mentions: mentions(a) }));
      expect([id, articlesNaming(corpus.db, kind, id, 20)]).toEqual([id, expected.slice(0, 20)]);
      expect([id, articlesNaming(corpus.db, kind, id)]).toEqual([id, expected]);
      expect([id, articleDatesNaming(corpus.db, kind, id).sort()]).toEqual([id, naming.map((a) => a.article.date).sort()]);
      return naming.length;
    };
    const sum = (list: { id: string; mentions: unknown[] }[], id: string) => list.filter((m) => m.id === id).reduce((n, m) => n + m.mentions.length, 0);
    let named = 0;
    for (const c of listChemicals(corpus)) named += check("chemical", c.id, (a) => sum(a.extraction.chemicals, c.id));
    for (const x of listActors(corpus)) named += check("actor", x.id, (a) => sum(a.extraction.actors, x.id) + sum(a.extraction.officials, x.id));
    expect(named).toBeGreaterThan(100);
  });

  it("counts and lists the entries naming each chemical and actor like a scan", () => {
    const ids = [...listChemicals(corpus).map((c) => ({ chemical: [c.id] })), ...listActors(corpus).map((a) => ({ actor: [a.id] }))];
    for (const f of ids) {
      const entries = scanEntries(state(f));
      expect([f, countTimelineEntries(corpus.db, f)]).toEqual([f, entries.length]);
      expect([f, selectTimelineEntries(corpus.db, f, { limit: 20, offset: 0 }).map((e) => e.id)]).toEqual([f, entries.slice(0, 20).map((e) => e.id)]);
    }
  });

  it("counts articles and events per chemical and actor like a scan", () => {
    for (const c of listChemicals(corpus)) {
      expect([c.id, c.articles]).toEqual([c.id, articles.filter((a) => a.extraction.chemicals.some((m) => m.id === c.id)).length]);
      expect([c.id, c.events]).toEqual([c.id, all.filter((e) => e.event.chemicals.includes(c.id)).length]);
    }
    for (const a of listActors(corpus)) {
      expect([a.id, a.articles]).toEqual([a.id, articles.filter((x) => x.extraction.actors.some((m) => m.id === a.id) || x.extraction.officials.some((m) => m.id === a.id)).length]);
      expect([a.id, a.events]).toEqual([a.id, all.filter((e) => e.event.actors.includes(a.id) || e.event.officials.includes(a.id)).length]);
    }
  });
});
