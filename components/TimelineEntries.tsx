import Link from "next/link";
import type { EntryView } from "@/lib/queries";
import { TypeBadge } from "./TypeBadge";

/**
 * One real-world event: when, what kind, a one-line summary, who and what it names, and
 * "Reported by N articles", which opens every source sentence with a link to it.
 */
export function EntryItem({ entry }: { entry: EntryView }) {
  const sourcesId = `${entry.anchor}-sources`;
  return (
    <li className="event" id={entry.anchor} data-testid="timeline-event" data-entry-id={entry.id}>
      <div className="event-when">
        <time dateTime={entry.date} data-testid="entry-date">
          {entry.dateLabel}
        </time>
        <span className="precision" title={`The date is known to the ${entry.precision}`}>
          {entry.precisionLabel}
        </span>
      </div>
      <div className="event-what">
        <p className="entry-badges">
          <TypeBadge type={entry.type} />
          {entry.phaseLabel && <span className="phase">{entry.phaseLabel}</span>}
          {entry.scheduled && (
            <span className="badge badge-scheduled" title="After the date of the articles that report it">
              scheduled
            </span>
          )}
          {entry.disputedWith.length > 0 && (
            <span className="badge badge-warning" title="Another source gives another date for this event">
              disputed date
            </span>
          )}
          {entry.flags && (
            <Link href={entry.flags.href} className="badge badge-flag" data-testid="entry-flag-marker" aria-label={`${entry.flags.label}: see the flags`}>
              <span aria-hidden="true">⚑ </span>
              {entry.flags.count === 1 ? "1 flag" : `${entry.flags.count} flags`}
            </Link>
          )}
        </p>
        <p className="event-sentence" data-testid="entry-summary">
          {entry.summary}
        </p>
        {(entry.chemicals.length > 0 || entry.actors.length > 0 || entry.tariffLabel) && (
          <dl className="event-refs">
            {entry.tariffLabel && (
              <div>
                <dt>Tariff</dt>
                <dd>{entry.tariffLabel}</dd>
              </div>
            )}
            {entry.chemicals.length > 0 && (
              <div>
                <dt>Chemicals</dt>
                <dd>
                  {entry.chemicals.map((c) => (
                    <Link key={c.id} href={c.href} className="chip chip-chemical">
                      {c.name}
                    </Link>
                  ))}
                </dd>
              </div>
            )}
            {entry.actors.length > 0 && (
              <div>
                <dt>Actors</dt>
                <dd>
                  {entry.actors.map((a) => (
                    <Link key={a.id} href={a.href} className="chip chip-actor">
                      {a.name}
                    </Link>
                  ))}
                </dd>
              </div>
            )}
          </dl>
        )}
        {entry.disputedWith.length > 0 && (
          <p className="entry-disputed">
            Sources disagree on the date:{" "}
            {entry.disputedWith.map((d, i) => (
              <span key={d.id}>
                {i > 0 && ", "}
                <Link href={d.href}>see the other date</Link>
              </span>
            ))}
            .
          </p>
        )}
        {entry.flags && (
          <ul className="entry-flags" aria-label="Flags on this event">
            {entry.flags.flags.map((f) => (
              <li key={f.id}>
                <span className="flag-kind">{f.kindLabel}:</span> {f.message}{" "}
                <Link href={f.href} aria-label={`Read the flagged sentence (${f.kindLabel.toLowerCase()})`}>
                  in the article
                </Link>
              </li>
            ))}
          </ul>
        )}
        <details className="entry-sources" data-testid="entry-sources">
          <summary>{entry.reportedBy}</summary>
          <ol id={sourcesId} className="sources">
            {entry.sources.map((s) => (
              <li key={s.event} data-testid="entry-source">
                <q>{s.sentenceParts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</q>{" "}
                <Link href={s.href} aria-label={`Read the sentence in “${s.article.title}”`}>
                  {s.article.title}
                </Link>
                <span className="meta">
                  {" "}
                  · {s.article.source}
                  {s.article.date && (
                    <>
                      , <time dateTime={s.article.date}>{s.article.dateLabel}</time>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ol>
        </details>
      </div>
    </li>
  );
}

/** Timeline entries, each once with all its sources. */
export function EntryList({ entries, empty = "No events yet.", label, compact = false }: { entries: EntryView[]; empty?: string; label?: string; compact?: boolean }) {
  if (entries.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ol className={compact ? "events events-compact" : "events"} aria-label={label}>
      {entries.map((entry) => (
        <EntryItem key={entry.id} entry={entry} />
      ))}
    </ol>
  );
}
