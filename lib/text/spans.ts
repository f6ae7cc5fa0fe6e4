/**
 * Interval questions over a fixed set of spans in O(log n): "does this range overlap /
 * lie inside a span?", "is this offset inside a span?". Spans are sorted by start with a
 * running maximum of their ends. Extractors ask these once per candidate; a linear scan
 * per candidate made them quadratic on long texts.
 */
import type { TextRange } from "../schema";

export class SpanIndex {
  private readonly starts: number[];
  private readonly maxEnds: number[];

  constructor(spans: Iterable<TextRange>) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((s) => s.start);
    let max = -Infinity;
    this.maxEnds = sorted.map((s) => (max = Math.max(max, s.end)));
  }

  /** Index of the last span whose start satisfies `before(start)`, or -1. */
  private lastStarting(before: (start: number) => boolean): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.starts[mid])) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last;
  }

  /** Some span shares at least one character with [start, end). */
  overlaps(start: number, end: number): boolean {
    const last = this.lastStarting((s) => s < end);
    return last >= 0 && this.maxEnds[last] > start;
  }

  /** Some span holds all of [start, end). */
  contains(start: number, end: number): boolean {
    const last = this.lastStarting((s) => s <= start);
    return last >= 0 && this.maxEnds[last] >= end;
  }

  /** Some span holds the character at `offset`. */
  covers(offset: number): boolean {
    return this.overlaps(offset, offset + 1);
  }
}
