import { EVENT_TYPE_COLORS } from "@/lib/palette";
import type { EventType } from "@/lib/schema";

/** An event type as a labelled badge: the word is always there, the colour only helps. */
export function TypeBadge({ type }: { type: EventType }) {
  return (
    <span className="type-badge" data-type={type}>
      <span className="type-dot" style={{ background: EVENT_TYPE_COLORS[type] }} aria-hidden="true" />
      {type}
    </span>
  );
}
