import { describe, expect, it } from "vitest";
import { partialDateToMs } from "../../lib/dates";
import { formatNumber, formatPartialDate, formatRange, formatShortDate, formatTime, formatValue, monthName, plural } from "../../lib/format";

describe("formatting dates", () => {
  it("writes a partial date at its own precision, or at the one asked for", () => {
    expect(formatPartialDate("2017-03-16")).toBe("16 March 2017");
    expect(formatPartialDate("2017-03")).toBe("March 2017");
    expect(formatPartialDate("2017")).toBe("2017");
    expect(formatPartialDate("2017-03-16", "month")).toBe("March 2017");
    expect(formatPartialDate("2017-03-16", "year")).toBe("2017");
    // A precision finer than the value has cannot invent a day.
    expect(formatPartialDate("2017-03", "day")).toBe("March 2017");
  });

  it("writes compact dates for tables and ticks", () => {
    expect(formatShortDate("2024-08-07")).toBe("7 Aug 2024");
    expect(formatShortDate("2024-08")).toBe("Aug 2024");
    expect(formatShortDate("2024")).toBe("2024");
  });

  it("writes a range only when it has a distinct end", () => {
    expect(formatRange("2024-03-14", "2024-03-22")).toBe("14 March 2024 – 22 March 2024");
    expect(formatRange("2024-03-14", "2024-03-14")).toBe("14 March 2024");
    expect(formatRange("1992", undefined)).toBe("1992");
  });

  it("names the month of a YYYY-MM", () => {
    expect(monthName("2025-02")).toBe("February");
    expect(monthName("2025-13")).toBe("2025-13");
  });

  it("reads partial dates as the UTC start of their first day, and writes ticks back", () => {
    expect(partialDateToMs("2025")).toBe(Date.UTC(2025, 0, 1));
    expect(partialDateToMs("2025-03")).toBe(Date.UTC(2025, 2, 1));
    expect(partialDateToMs("2025-03-04")).toBe(Date.UTC(2025, 2, 4));
    const ms = partialDateToMs("2025-03-04");
    expect(formatTime(ms, "year")).toBe("2025");
    expect(formatTime(ms, "month")).toBe("Mar 2025");
    expect(formatTime(ms, "day")).toBe("4 Mar 2025");
  });
});

describe("formatting numbers", () => {
  it("pluralises with thousands separators", () => {
    expect(plural(1, "article")).toBe("1 article");
    expect(plural(0, "article")).toBe("0 articles");
    expect(plural(1300, "person", "people")).toBe("1,300 people");
  });

  it("abbreviates large numbers and keeps small ones exact", () => {
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(1234.567)).toBe("1,234.57");
    expect(formatNumber(12_000)).toBe("12k");
    expect(formatNumber(2_420_000)).toBe("2.4m");
    expect(formatNumber(121_000_000)).toBe("121m");
    expect(formatNumber(-3_500_000_000)).toBe("-3.5bn");
    expect(formatNumber(Number.NaN)).toBe("–");
  });

  it("formats chart values by the format the chart names", () => {
    expect(formatValue(20, "percent")).toBe("20%");
    expect(formatValue(2.14, "percent")).toBe("2.1%");
    expect(formatValue(2.6, "count")).toBe("3");
    expect(formatValue(2.6, "number")).toBe("2.6");
  });
});
