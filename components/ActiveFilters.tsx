import Link from "next/link";
import type { FilterPanelView } from "@/lib/queries";

/** The filters in force, each with a link that removes it. */
export function ActiveFilters({ view }: { view: FilterPanelView }) {
  if (view.active.length === 0) return null;
  return (
    <div className="active-filters">
      <span className="meta">Filtered by</span>
      <ul aria-label="Active filters">
        {view.active.map((chip) => (
          <li key={chip.key}>
            <Link href={chip.removeHref} className="active-chip" aria-label={`Remove filter ${chip.label}: ${chip.value}`} scroll={false}>
              <span className="active-chip-label">{chip.label}:</span> {chip.value} <span aria-hidden="true">×</span>
            </Link>
          </li>
        ))}
      </ul>
      <Link href={view.clearHref} className="meta" scroll={false}>
        Clear all
      </Link>
    </div>
  );
}
