import { describe, expect, it } from "vitest";
import { extractAll } from "../../../lib/extract";
import { EMPTY_REGISTRIES } from "../../../lib/extract/context";

describe("extractAll on a very long article", () => {
  // A 20,000-line paste must be read to the end, not cut off or choked on.
  it("reads every line of a 20,000-line article", { timeout: 60_000 }, () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `Police seized ${i + 1} kilograms of fentanyl on May 1, 2024.`).join("\n");
    const result = extractAll(body, { slug: "long", date: "2024-06-01", registries: EMPTY_REGISTRIES });
    expect(result.statistics).toHaveLength(20_000);
    expect(result.statistics.at(-1)?.value).toBe(20_000);
    expect(result.events).toHaveLength(20_000);
  });
});
