import { describe, expect, it } from "vitest";
import { coarser, cutTo, firstDay, isoDayOfMs, isRealDay, isRealIsoDay, lastDay, partialDateToMs, precisionOf, yearOf } from "../../lib/dates";

describe("partial ISO dates", () => {
  it("know their precision and cut to a coarser one", () => {
    expect(["2025", "2025-07", "2025-07-20"].map(precisionOf)).toEqual(["year", "month", "day"]);
    expect(cutTo("2025-07-20", "month")).toBe("2025-07");
    expect(cutTo("2025-07-20", "year")).toBe("2025");
    expect(cutTo("2025-07", "day")).toBe("2025-07");
    expect(coarser("day", "month")).toBe("month");
    expect(coarser("year", "day")).toBe("year");
    expect(yearOf("2025-07-20")).toBe("2025");
  });

  it("tell real calendar days from impossible ones", () => {
    expect(isRealDay(2024, 2, 29)).toBe(true);
    expect(isRealDay(2025, 2, 29)).toBe(false);
    expect(isRealDay(2025, 13, 1)).toBe(false);
    expect(isRealIsoDay("2025-12-31")).toBe(true);
    expect(isRealIsoDay("2025-02-31")).toBe(false);
    expect(isRealIsoDay("2025-2-3")).toBe(false);
  });

  it("cover their first and last days", () => {
    expect([firstDay("2024"), lastDay("2024")]).toEqual(["2024-01-01", "2024-12-31"]);
    expect([firstDay("2023-02"), lastDay("2023-02")]).toEqual(["2023-02-01", "2023-02-28"]);
    expect(lastDay("2024-02")).toBe("2024-02-29");
    expect([firstDay("2024-05-06"), lastDay("2024-05-06")]).toEqual(["2024-05-06", "2024-05-06"]);
  });

  it("convert to UTC milliseconds and back", () => {
    expect(partialDateToMs("2025-03")).toBe(Date.UTC(2025, 2, 1));
    expect(isoDayOfMs(partialDateToMs("2025-03-04"))).toBe("2025-03-04");
  });
});
