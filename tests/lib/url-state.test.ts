import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, filtersOnly, hrefWith, isPartialDate, isUnfiltered, parseFilters, serializeFilters, toggleId, withoutFilter, withPage, type FilterState } from "../../lib/url-state";

const known = { actors: new Set(["china", "united-states", "wang-xiaohong"]), chemicals: new Set(["npp", "4-ap"]) };
const parse = (query: string) => parseFilters(new URLSearchParams(query), known);

describe("serializeFilters", () => {
  it("leaves every default out", () => {
    expect(serializeFilters(DEFAULT_FILTERS).toString()).toBe("");
    expect(hrefWith("/timeline", DEFAULT_FILTERS)).toBe("/timeline");
  });

  it("writes parameters in a fixed order under their contract names", () => {
    const state: FilterState = { ...DEFAULT_FILTERS, q: " tariff cut ", to: "2025", from: "2024-08", type: "control", chemical: ["npp"], actor: ["china", "united-states"], page: 3, stack: "chemical" };
    expect(serializeFilters(state).toString()).toBe("actor=china&actor=united-states&chemical=npp&type=control&from=2024-08&to=2025&q=tariff+cut&page=3&stack=chemical");
  });

  it("round-trips: params to state to params gives the same URL", () => {
    for (const query of ["", "actor=china", "actor=china&actor=united-states&chemical=4-ap&type=tariff&from=2024&to=2025-03-04&q=fentanyl&page=2", "stack=chemical"]) {
      const { state, problems } = parse(query);
      expect(problems).toEqual([]);
      expect(serializeFilters(state).toString()).toBe(query);
      expect(parse(serializeFilters(state).toString()).state).toEqual(state);
    }
  });
});

describe("parseFilters", () => {
  it("reads repeated and comma-separated ids, lowercased and without duplicates", () => {
    const { state, problems } = parse("actor=China&actor=china,united-states&chemical=npp");
    expect(state.actor).toEqual(["china", "united-states"]);
    expect(state.chemical).toEqual(["npp"]);
    expect(problems).toEqual([]);
  });

  it("reads Next's searchParams objects as well as URLSearchParams", () => {
    const { state } = parseFilters({ actor: ["china", "united-states"], type: "control", q: undefined }, known);
    expect(state).toEqual({ ...DEFAULT_FILTERS, actor: ["china", "united-states"], type: "control" });
  });

  it("drops unknown and malformed ids, saying why", () => {
    const { state, problems } = parse("actor=atlantis&actor=china&chemical=NPP!&chemical=4-ap");
    expect(state.actor).toEqual(["china"]);
    expect(state.chemical).toEqual(["4-ap"]);
    expect(problems.map((p) => p.param)).toEqual(["actor", "chemical"]);
    expect(problems[0].message).toContain("There is no actor with id “atlantis”");
    expect(problems[1].message).toContain("is not an id");
  });

  it("accepts any well-formed id when no list of known ids is given", () => {
    expect(parseFilters(new URLSearchParams("actor=atlantis")).state.actor).toEqual(["atlantis"]);
  });

  it("falls back to the default for a bad type, date, page or stack", () => {
    const { state, problems } = parse("type=party&from=2024-13&to=yesterday&page=-2&stack=sideways");
    expect(state).toEqual(DEFAULT_FILTERS);
    expect(problems.map((p) => p.param)).toEqual(["type", "from", "to", "page", "stack"]);
    expect(problems[0].message).toMatch(/not an event type .*showing every type/);
    expect(problems[1].message).toMatch(/YYYY, YYYY-MM or YYYY-MM-DD/);
    expect(problems[3].message).toContain("showing page 1");
  });

  it("rejects impossible calendar days", () => {
    expect(parse("from=2025-02-31").problems).toHaveLength(1);
    expect(parse("from=2024-02-29").state.from).toBe("2024-02-29");
    expect(isPartialDate("2024")).toBe(true);
    expect(isPartialDate("2024-00")).toBe(false);
    expect(isPartialDate("24")).toBe(false);
  });

  it("ignores an end before the start", () => {
    const { state, problems } = parse("from=2024-06&to=2024-05-31");
    expect(state.from).toBe("2024-06");
    expect(state.to).toBeUndefined();
    expect(problems[0].message).toContain("before from");
    expect(parse("from=2024-06-15&to=2024-06").state.to).toBe("2024-06");
  });

  it("uses the first of a repeated single-valued parameter", () => {
    const { state, problems } = parse("type=control&type=tariff");
    expect(state.type).toBe("control");
    expect(problems[0].message).toContain("using the first");
  });

  it("treats empty values as absent, as a plain form submits them", () => {
    const { state, problems } = parse("q=&from=&to=&type=&page=");
    expect(state).toEqual(DEFAULT_FILTERS);
    expect(problems).toEqual([]);
  });

  it("cuts very long text and never throws on odd input", () => {
    const { state, problems } = parse(`q=${"x".repeat(500)}`);
    expect(state.q).toHaveLength(200);
    expect(problems).toHaveLength(1);
    for (const odd of ["%", "actor", "actor=&actor=,,", "page=1e9", "page=99999999", "from=2024-1", "q=%00"]) {
      expect(() => parseFilters(new URLSearchParams(odd), known)).not.toThrow();
    }
    expect(parse("page=99999999").state.page).toBe(1);
  });
});

describe("state helpers", () => {
  const base: FilterState = { ...DEFAULT_FILTERS, actor: ["china"], page: 4, stack: "chemical" };

  it("toggles an id and goes back to page 1", () => {
    expect(toggleId(base, "actor", "united-states")).toMatchObject({ actor: ["china", "united-states"], page: 1 });
    expect(toggleId(base, "actor", "china")).toMatchObject({ actor: [], page: 1 });
  });

  it("removes one filter value or a whole filter", () => {
    expect(withoutFilter({ ...base, q: "x" }, "q").q).toBeUndefined();
    expect(withoutFilter(base, "actor", "china").actor).toEqual([]);
  });

  it("keeps only the filters when moving between pages of the dashboard", () => {
    expect(filtersOnly(base)).toEqual({ ...DEFAULT_FILTERS, actor: ["china"] });
    expect(isUnfiltered(withPage(DEFAULT_FILTERS, 3))).toBe(true);
    expect(isUnfiltered(base)).toBe(false);
  });
});
