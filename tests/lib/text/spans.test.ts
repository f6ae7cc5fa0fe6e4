import { describe, expect, it } from "vitest";
import { SpanIndex } from "../../../lib/text/spans";

describe("SpanIndex", () => {
  const index = new SpanIndex([
    { start: 10, end: 20 },
    { start: 2, end: 4 },
    { start: 12, end: 14 },
    { start: 30, end: 31 },
  ]);

  it("answers overlap with half-open ranges", () => {
    expect(index.overlaps(0, 2)).toBe(false);
    expect(index.overlaps(0, 3)).toBe(true);
    expect(index.overlaps(4, 10)).toBe(false);
    expect(index.overlaps(19, 25)).toBe(true);
    expect(index.overlaps(20, 30)).toBe(false);
    expect(index.overlaps(25, 40)).toBe(true);
  });

  it("answers containment and points, also for a span nested inside a longer one", () => {
    expect(index.contains(12, 14)).toBe(true);
    expect(index.contains(15, 20)).toBe(true);
    expect(index.contains(15, 21)).toBe(false);
    expect(index.contains(3, 5)).toBe(false);
    expect(index.covers(19)).toBe(true);
    expect(index.covers(20)).toBe(false);
    expect(new SpanIndex([]).covers(0)).toBe(false);
  });
});
