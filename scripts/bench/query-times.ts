/**
 * Time of each page's queries on an existing database, called directly in one process (no
 * server, no HTTP): the second of two calls is printed, in ms. For finding which query a
 * slow page spends its time in.
 *
 *   npx tsx scripts/bench/query-times.ts <corpus.sqlite> [name prefix]
 *
 * The database is one `npm run bench` or the dashboard wrote (for example under .cache/).
 */
import { openDatabase } from "../../lib/store";
import * as S from "../../lib/store";
import { loadRegistries } from "../../lib/registry";
import type { Corpus } from "../../lib/corpus";
import { controlsChart, enforcementChart, newsVolumeChart, tariffChart } from "../../lib/charts/builders";
import { filterPanel, getActor, getChemical, getOverview, getTimeline, knownIds } from "../../lib/queries";
import { DEFAULT_FILTERS } from "../../lib/url-state";
async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npx tsx scripts/bench/query-times.ts <corpus.sqlite> [name prefix]");
    process.exit(2);
  }
  const { db } = openDatabase(file, { quiet: true });
  const registries = (await loadRegistries("content/registry")).registries;
  const corpus: Corpus = { db, issues: [], registries, articleCount: S.countArticles(db), signature: "x" };
  const only = process.argv[3];
  const time = (name: string, fn: () => unknown) => { if (only && !name.startsWith(only)) return; fn(); const t1 = performance.now(); fn(); console.log(name, Math.round(performance.now() - t1)); };
  const s = DEFAULT_FILTERS;
  const f3 = { ...s, actor: ["china"], chemical: ["4-anpp"], type: "control" as const };
  time("knownIds", () => knownIds(corpus));
  time("countAll", () => S.countAllEvents(db));
  time("countByType", () => S.countBy(db, "type", {}));
  time("overview", () => getOverview(corpus));
  time("timeline", () => getTimeline(corpus, s));
  time("filterPanel", () => filterPanel(corpus, s, "/timeline"));
  time("f3 panel", () => filterPanel(corpus, f3, "/timeline"));
  time("f3 timeline", () => getTimeline(corpus, f3));
  time("q timeline", () => getTimeline(corpus, { ...s, q: "precursor chemicals" }));
  time("q panel", () => filterPanel(corpus, { ...s, q: "precursor chemicals" }, "/timeline"));
  time("charts news", () => newsVolumeChart(corpus, s));
  time("charts controls", () => controlsChart(corpus, s));
  time("charts enforcement", () => enforcementChart(corpus, s));
  time("charts tariff", () => tariffChart(corpus, s));
  time("chemical", () => getChemical(corpus, "4-anpp"));
  time("actor", () => getActor(corpus, "china"));
  time("c articlesNaming", () => S.articlesNaming(db, "chemical", "4-anpp"));
  time("c figures", () => S.figuresOfChemical(db, "4-anpp", 30));
  time("c quotes", () => { S.quotesNear(db, "4-anpp", true, 10); S.quotesNear(db, "4-anpp", false, 10); });
  time("c coNamed", () => S.coNamed(db, "chemical", "4-anpp", 24));
  time("c count", () => S.countEvents(db, { chemical: ["4-anpp"] }));
  time("c select20", () => S.selectEvents(db, { chemical: ["4-anpp"] }, { limit: 20, offset: 0 }));
  time("a coNamed", () => S.coNamed(db, "actor", "china", 30));
  time("a reported", () => S.reportedTitles(db, "china"));
  time("a select20", () => S.selectEvents(db, { actor: ["china"] }, { limit: 20, offset: 0 }));
  time("a count", () => S.countEvents(db, { actor: ["china"] }));
}
main();
