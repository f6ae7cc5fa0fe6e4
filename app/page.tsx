import Link from "next/link";
import { ChartFigure } from "@/components/charts/ChartFigure";
import { ControlMatrix } from "@/components/ControlMatrix";
import { EntryList } from "@/components/TimelineEntries";
import { getOverview } from "@/lib/queries";
import { getCorpus } from "./corpus";

export default async function OverviewPage() {
  const overview = getOverview(await getCorpus());
  const { counts, dateRange } = overview;
  const stats = [
    { label: "Articles", value: counts.articles, href: "/articles" },
    // Timeline entries: an event that several articles report counts once.
    { label: "Events (each once)", value: counts.events, href: "/timeline" },
    { label: "Chemicals", value: counts.chemicals, href: "/chemicals" },
    { label: "Organisations", value: counts.organizations, href: "/actors" },
    { label: "People", value: counts.people, href: "/actors#people" },
    { label: "Content issues", value: counts.issues, href: "/issues", warn: counts.errors > 0 },
    // Flags are warnings about the news, not errors in the files: no alarm colour.
    { label: "Flags", value: counts.flags, href: "/flags" },
  ];
  return (
    <>
      <h1>Overview</h1>
      <p className="lede">
        {dateRange
          ? `News on fentanyl precursor controls, ${dateRange.first} to ${dateRange.last}.`
          : "No articles yet: add Markdown files to content/articles/."}
      </p>
      <ul className="stats" aria-label="Counts">
        {stats.map((s) => (
          <li key={s.label}>
            <Link href={s.href} className={s.warn ? "stat stat-warn" : "stat"}>
              <span className="stat-value">{s.value.toLocaleString("en-US")}</span>
              <span className="stat-label">{s.label}</span>
            </Link>
          </li>
        ))}
      </ul>
      <section aria-label="News volume" className="overview-chart">
        <ChartFigure spec={overview.volume} />
      </section>
      <section aria-labelledby="latest">
        <div className="section-head">
          <h2 id="latest">Latest events</h2>
          <Link href="/timeline">All events on the timeline</Link>
        </div>
        <EntryList entries={overview.latestEntries} compact empty="No dated events were found in the articles yet." />
      </section>
      <section aria-labelledby="matrix">
        <div className="section-head">
          <h2 id="matrix">Control status</h2>
          <Link href="/chemicals">All chemicals</Link>
        </div>
        <p className="meta">
          The first date each jurisdiction controlled each chemical (in effect, or announced where no date of effect is recorded). Each date links to its source.
        </p>
        <ControlMatrix matrix={overview.matrix} />
      </section>
    </>
  );
}
