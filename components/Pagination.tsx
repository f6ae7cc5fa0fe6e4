import Link from "next/link";
import type { TimelineView } from "@/lib/queries";

/** Page links; the server renders one page of events at a time. */
export function Pagination({ view }: { view: TimelineView }) {
  if (view.pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages of events">
      {view.prevHref ? (
        <Link href={view.prevHref} rel="prev">
          ← Newer
        </Link>
      ) : (
        <span className="disabled" aria-hidden="true">
          ← Newer
        </span>
      )}
      <ul>
        {view.pages.map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="gap">
              …
            </li>
          ) : (
            <li key={p.page}>
              <Link href={p.href} aria-current={p.current ? "page" : undefined} aria-label={`Page ${p.page}`}>
                {p.page}
              </Link>
            </li>
          ),
        )}
      </ul>
      {view.nextHref ? (
        <Link href={view.nextHref} rel="next">
          Older →
        </Link>
      ) : (
        <span className="disabled" aria-hidden="true">
          Older →
        </span>
      )}
    </nav>
  );
}
