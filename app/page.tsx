import Link from "next/link";
import { EventList } from "@/components/EventList";
import { formatPartialDate } from "@/lib/format";
import { getOverview } from "@/lib/queries";
import { getCorpus } from "./corpus";

export default async function OverviewPage() {
  const overview = getOverview(await getCorpus());
  const { counts, dateRange } = overview;
  const stats = [
    { label: "Articles", value: counts.articles, href: "/articles" },
    { label: "Events", value: counts.events, href: "/timeline" },
    { label: "Chemicals", value: counts.chemicals, href: "/chemicals" },
    { label: "Organisations", value: counts.actors, href: "/actors" },
    { label: "People", value: counts.officials, href: "/actors" },
    { label: "Content issues", value: counts.issues, href: "/issues" },
  ];
  return (
    <>
      <h1>Overview</h1>
      <p className="lede">
        {dateRange
          ? `News on fentanyl precursor controls from ${formatPartialDate(dateRange.first)} to ${formatPartialDate(dateRange.last)}.`
          : "No articles yet: add Markdown files to content/articles/."}
      </p>
      <section aria-label="Counts" className="stats">
        {stats.map((s) => (
          <Link key={s.label} href={s.href} className="stat" style={{ textDecoration: "none", color: "inherit" }}>
            <span className="value">{s.value.toLocaleString("en-US")}</span>
            <span className="label">{s.label}</span>
          </Link>
        ))}
      </section>
      <h2>Latest events</h2>
      <EventList events={overview.latestEvents} />
      <p>
        <Link href="/timeline">All events on the timeline</Link>
      </p>
    </>
  );
}
