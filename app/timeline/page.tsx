import type { Metadata } from "next";
import Link from "next/link";
import { ActiveFilters } from "@/components/ActiveFilters";
import { ExportLinks } from "@/components/ExportLinks";
import { FilterPanel } from "@/components/FilterPanel";
import { Pagination } from "@/components/Pagination";
import { Problems } from "@/components/Problems";
import { EntryItem } from "@/components/TimelineEntries";
import { filterPanel, getTimeline, knownIds } from "@/lib/queries";
import { parseFilters } from "@/lib/url-state";
import { getCorpus } from "../corpus";

export const metadata: Metadata = { title: "Timeline" };

export default async function TimelinePage({ searchParams }: PageProps<"/timeline">) {
  const corpus = await getCorpus();
  const { state, problems } = parseFilters(await searchParams, knownIds(corpus));
  const timeline = getTimeline(corpus, state);
  const panel = filterPanel(corpus, state, "/timeline");
  return (
    <>
      <h1>Timeline</h1>
      <p className="lede">Every dated event the articles report, once each with all the articles that report it, grouped by year and month.</p>
      <Problems problems={[...problems, ...timeline.problems]} />
      <div className="with-sidebar">
        <aside className="sidebar" aria-label="Filter events">
          <FilterPanel view={panel} />
        </aside>
        <div className="results">
          <ActiveFilters view={panel} />
          <p className="results-summary" role="status" data-testid="timeline-summary">
            {timeline.summary}
            {timeline.total > 0 && timeline.pageCount > 1 && ` Showing ${timeline.firstShown.toLocaleString("en-US")}–${timeline.lastShown.toLocaleString("en-US")}.`}{" "}
            <Link href={timeline.chartsHref}>See them as charts</Link>
          </p>
          {timeline.total > 0 && <ExportLinks links={timeline.exports} what={timeline.total === timeline.totalAll ? "every timeline entry" : "the matching entries (all pages)"} />}
          {timeline.total === 0 ? (
            <p className="empty">
              {timeline.totalAll === 0 ? "No dated events were found in the articles yet." : "No event matches these filters. Remove a filter to see more."}
            </p>
          ) : (
            timeline.years.map((y) => (
              <section key={y.year} className="year" aria-labelledby={`y-${y.year}`}>
                <h2 id={`y-${y.year}`} className="year-heading">
                  {y.year}
                </h2>
                {y.months.map((m) => (
                  <section key={m.key} className="month" aria-labelledby={`m-${m.key}`}>
                    <h3 id={`m-${m.key}`} className="month-heading">
                      {m.label}
                    </h3>
                    <ol className="events">
                      {m.entries.map((e) => (
                        <EntryItem key={e.id} entry={e} />
                      ))}
                    </ol>
                  </section>
                ))}
              </section>
            ))
          )}
          <Pagination view={timeline} />
        </div>
      </div>
    </>
  );
}
