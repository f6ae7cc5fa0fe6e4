import type { Metadata } from "next";
import Link from "next/link";
import { ActiveFilters } from "@/components/ActiveFilters";
import { ChartFigure } from "@/components/charts/ChartFigure";
import { FilterPanel } from "@/components/FilterPanel";
import { Problems } from "@/components/Problems";
import { controlsChart, enforcementChart, newsVolumeChart, tariffChart } from "@/lib/charts/builders";
import { filterPanel, knownIds, searchProblem } from "@/lib/queries";
import { filtersOnly, hrefWith, parseFilters, STACKS } from "@/lib/url-state";
import { getCorpus } from "../corpus";

export const metadata: Metadata = { title: "Charts" };

export default async function ChartsPage({ searchParams }: PageProps<"/charts">) {
  const corpus = await getCorpus();
  const { state, problems } = parseFilters(await searchParams, knownIds(corpus));
  const panel = filterPanel(corpus, state, "/charts");
  const charts = [newsVolumeChart(corpus, state), controlsChart(corpus, state), enforcementChart(corpus, state), tariffChart(corpus, state)];
  return (
    <>
      <h1>Charts</h1>
      <p className="lede">
        News volume, controls, enforcement figures and tariffs. The charts follow the same filters as the{" "}
        <Link href={hrefWith("/timeline", filtersOnly(state))}>timeline</Link>; each one downloads as PNG, SVG or CSV.
      </p>
      <Problems problems={[...problems, ...[searchProblem(state)].filter((p) => p !== undefined)]} />
      <div className="with-sidebar">
        <aside className="sidebar" aria-label="Filter charts">
          <FilterPanel view={panel} />
        </aside>
        <div className="results">
          <ActiveFilters view={panel} />
          <nav className="segmented" aria-label="Stack news volume by">
            <span className="meta">Stack news volume by</span>
            {STACKS.map((stack) => (
              <Link key={stack} href={hrefWith("/charts", { ...state, stack })} aria-current={state.stack === stack ? "true" : undefined} scroll={false}>
                {stack}
              </Link>
            ))}
          </nav>
          <div className="chart-grid">
            {charts.map((spec) => (
              <ChartFigure key={spec.id} spec={spec} />
            ))}
          </div>
        </div>
      </div>
    </>
  );
}
