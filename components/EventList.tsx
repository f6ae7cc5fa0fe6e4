import Link from "next/link";
import type { EventView } from "@/lib/queries";
import { Marked } from "./Marked";
import { TypeBadge } from "./TypeBadge";

/** One dated event: when, what kind, the sentence, who and what it names, and where it was read. */
export function EventItem({ event, showArticle = true }: { event: EventView; showArticle?: boolean }) {
  return (
    <li className="event" data-testid="timeline-event" data-event-id={event.id}>
      <div className="event-when">
        <time dateTime={event.date}>{event.dateLabel}</time>
        <span className="precision" title={`The date is known to the ${event.precision}`}>
          {event.precisionLabel}
        </span>
      </div>
      <div className="event-what">
        <TypeBadge type={event.type} />
        <p className="event-sentence">
          <Marked parts={event.sentenceParts} />
        </p>
        {(event.chemicals.length > 0 || event.actors.length > 0 || event.figures.length > 0) && (
          <dl className="event-refs">
            {event.chemicals.length > 0 && (
              <div>
                <dt>Chemicals</dt>
                <dd>
                  {event.chemicals.map((c) => (
                    <Link key={c.id} href={c.href} className="chip chip-chemical">
                      {c.name}
                    </Link>
                  ))}
                </dd>
              </div>
            )}
            {event.actors.length > 0 && (
              <div>
                <dt>Actors</dt>
                <dd>
                  {event.actors.map((a) => (
                    <Link key={a.id} href={a.href} className="chip chip-actor">
                      {a.name}
                    </Link>
                  ))}
                </dd>
              </div>
            )}
            {event.figures.length > 0 && (
              <div>
                <dt>Figures</dt>
                <dd>
                  {event.figures.map((f, i) => (
                    <Link key={i} href={f.href} className="chip chip-figure">
                      {f.text}
                    </Link>
                  ))}
                </dd>
              </div>
            )}
          </dl>
        )}
        <p className="event-source">
          <Link href={event.href} aria-label={`Read the sentence in “${event.article.title}”`}>
            {showArticle ? event.article.title : "Read the sentence in the article"}
          </Link>
          {showArticle && (
            <span className="meta">
              {" "}
              · {event.article.source}, <time dateTime={event.article.date}>{event.article.dateLabel}</time>
            </span>
          )}
        </p>
      </div>
    </li>
  );
}

/** A list of dated events, each linking to its sentence, chemicals and actors. */
export function EventList({ events, empty = "No events yet.", label, compact = false }: { events: EventView[]; empty?: string; label?: string; compact?: boolean }) {
  if (events.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ol className={compact ? "events events-compact" : "events"} aria-label={label}>
      {events.map((event) => (
        <EventItem key={event.id} event={event} />
      ))}
    </ol>
  );
}
