import Link from "next/link";
import type { ReactNode } from "react";
import { ChartFigure } from "@/components/charts/ChartFigure";
import { ArticleList, QuoteList } from "@/components/EntityLists";
import { ExportLinks } from "@/components/ExportLinks";
import { EntryList } from "@/components/TimelineEntries";
import { plural } from "@/lib/format";
import type { ActorView, ChemicalView } from "@/lib/queries";

/** What a chemical's page and an actor's page have in common. */
type EntityView = Pick<ChemicalView | ActorView, "name" | "aliases" | "registered" | "timelineHref" | "chartsHref" | "exports" | "mentionsChart" | "entries" | "articles" | "quotes"> & {
  counts: { articles: number; events: number };
};

/** The head of an entity page: breadcrumb, name, facts (the page's own first), links and downloads. */
export function EntityHeader({
  view,
  section,
  aliasesLabel,
  registry,
  facts,
  children,
}: {
  view: EntityView;
  section: { href: string; label: string };
  aliasesLabel: string;
  /** "chemical" or "actor": which registry an unregistered name is missing from. */
  registry: string;
  facts: ReactNode;
  /** Shown under the facts, before the notice of an unregistered name. */
  children?: ReactNode;
}) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={section.href}>{section.label}</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>{view.name}</h1>
      <dl className="facts">
        {facts}
        <div>
          <dt>In the articles</dt>
          <dd>
            {plural(view.counts.articles, "article")}, {plural(view.counts.events, "event")}
          </dd>
        </div>
        {view.aliases.length > 0 && (
          <div className="facts-wide">
            <dt>{aliasesLabel}</dt>
            <dd>{view.aliases.join(" · ")}</dd>
          </div>
        )}
      </dl>
      {children}
      {!view.registered && <p className="notice">This name was found in the articles but is not in the {registry} registry.</p>}
      <p className="page-links">
        <Link href={view.timelineHref}>Timeline of {view.name}</Link> · <Link href={view.chartsHref}>Charts filtered to {view.name}</Link>
      </p>
      <ExportLinks links={view.exports} what={`every timeline entry naming ${view.name}`} />
    </>
  );
}

export function MentionsOverTime({ view }: { view: EntityView }) {
  return (
    <>
      <h2>Mentions over time</h2>
      <ChartFigure spec={view.mentionsChart} headingLevel={3} />
    </>
  );
}

/** The foot of an entity page: its quotes, timeline entries and articles. */
export function EntityRecords({ view, noQuotes, noun }: { view: EntityView; noQuotes: string; noun: string }) {
  return (
    <>
      <h2>Quotes</h2>
      <QuoteList quotes={view.quotes} empty={noQuotes} />

      <h2>Events</h2>
      <EntryList entries={view.entries} empty={`No dated events name this ${noun}.`} />
      {view.counts.events > view.entries.length && (
        <p>
          <Link href={view.timelineHref}>All {plural(view.counts.events, "event")} on the timeline</Link>
        </p>
      )}

      <h2>Articles</h2>
      <ArticleList articles={view.articles} total={view.counts.articles} empty={`No article names this ${noun} yet.`} />
    </>
  );
}
