import Link from "next/link";
import type { ArticleView } from "@/lib/queries";

/** The records of one article by kind, each linked to its place in the text. */
export function RecordPanel({ groups }: { groups: ArticleView["groups"] }) {
  const total = groups.reduce((n, g) => n + g.count, 0);
  return (
    <aside aria-labelledby="records-heading" className="card record-panel">
      <h2 id="records-heading">Extracted records</h2>
      <ul className="record-legend" aria-label="Highlight key">
        {groups.map((g) => (
          <li key={g.kind}>
            <mark className={`record record-${g.kind}`}>{g.label}</mark>
          </li>
        ))}
      </ul>
      {total === 0 ? (
        <p className="muted">Nothing was extracted from this article.</p>
      ) : (
        groups
          .filter((g) => g.count > 0)
          .map((g) => (
            <section key={g.kind} aria-labelledby={`records-${g.kind}`} className="record-group">
              <h3 id={`records-${g.kind}`}>
                {g.plural} <span className="chip-count">{g.count}</span>
              </h3>
              <ul>
                {g.items.map((item) => (
                  <li key={item.key} data-kind={g.kind}>
                    <span className={`record-key record-${g.kind}`} aria-hidden="true" />
                    <span className="record-text">
                      {item.href ? <Link href={item.href}>{item.label}</Link> : <span>{item.label}</span>}
                      {item.detail && <span className="meta"> · {item.detail}</span>}
                      {item.mentions !== undefined && item.mentions > 1 && <span className="meta"> · {item.mentions}×</span>}
                    </span>
                    <a href={item.anchor} className="record-jump">
                      in text<span className="visually-hidden">: sentence {item.sentence + 1}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ))
      )}
    </aside>
  );
}
