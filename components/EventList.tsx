import Link from "next/link";
import type { EventView } from "@/lib/queries";

/** A list of dated events, each linking to its sentence, chemicals and actors. */
export function EventList({ events, empty = "No events yet." }: { events: EventView[]; empty?: string }) {
  if (events.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ol className="list">
      {events.map((event) => (
        <li key={event.id} data-testid="timeline-event">
          <div className="meta">
            <time dateTime={event.date}>{event.dateLabel}</time> · <span className="badge">{event.type}</span>
          </div>
          <p style={{ margin: "0.35rem 0" }}>{event.sentence}</p>
          <div className="meta">
            {event.chemicals.map((c) => (
              <Link key={c.id} href={`/chemicals/${encodeURIComponent(c.id)}`} className="tag">
                {c.name}
              </Link>
            ))}
            {[...event.officials, ...event.actors].map((a) => (
              <Link key={a.id} href={`/actors/${encodeURIComponent(a.id)}`} className="tag">
                {a.name}
              </Link>
            ))}
            {event.figures.length > 0 && <span> · {event.figures.join(", ")}</span>}
            {" · "}
            <Link href={`/articles/${encodeURIComponent(event.article.slug)}?sentence=${event.sentenceIndex}#s-${event.sentenceIndex}`}>
              {event.article.title}
            </Link>
          </div>
        </li>
      ))}
    </ol>
  );
}
