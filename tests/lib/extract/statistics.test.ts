import { describe, expect, it } from "vitest";
import { makeContext } from "../../../lib/extract/context";
import { extractDates } from "../../../lib/extract/dates";
import { parseDigits, parseNumberWord, scaled } from "../../../lib/extract/statistics/numbers";
import { extractStatistics } from "../../../lib/extract/statistics";
import { Statistic as StatisticSchema, type Chemical, type Statistic } from "../../../lib/schema";

const PUB = "2025-06-27";

function stats(body: string, chemicals: Chemical[] = []): Statistic[] {
  const ctx = makeContext(body, { date: PUB });
  return extractStatistics(body, ctx, { dates: extractDates(body, ctx), chemicals });
}

/** Compact view: "value unit". */
function values(body: string, chemicals: Chemical[] = []): string[] {
  return stats(body, chemicals).map((s) => `${s.value} ${s.unit}`);
}

function chemical(body: string, name: string): Chemical {
  const mentions = [...body.matchAll(new RegExp(name.replace(/[-()]/g, "\\$&"), "g"))].map((m) => ({
    text: name,
    start: m.index,
    end: m.index + name.length,
    sentence: 0,
  }));
  return { id: name.toLowerCase(), name, registered: true, mentions, provenance: { article: "inline", sentence: 0, start: 0, end: 1 } };
}

describe("numbers", () => {
  it("reads digits, words and scales", () => {
    expect(parseDigits("1,300")).toBe(1300);
    expect(parseDigits("2.42")).toBe(2.42);
    expect(parseNumberWord("twenty-five")).toBe(25);
    expect(parseNumberWord("eleven")).toBe(11);
    expect(parseNumberWord("a")).toBe(1);
    expect(parseNumberWord("half a")).toBe(0.5);
    expect(parseNumberWord("many")).toBeUndefined();
    expect(scaled(2.42, 1e6)).toBe(2420000);
  });
});

describe("values and units", () => {
  it("reads counts with separators, decimals and scales", () => {
    expect(values("Authorities arrested 262 suspects.")).toEqual(["262 count"]);
    expect(values("More than 1,300 people were prosecuted.")).toEqual(["1300 count"]);
    expect(values("Police seized more than 2 million fentanyl pills.")).toEqual(["2000000 count"]);
    expect(values("Enough for more than a billion doses.")).toEqual(["1000000000 count"]);
    expect(values("It listed twenty-five analogues and two million pills.")).toEqual(["25 count", "2000000 count"]);
  });

  it("reads percentages in every spelling", () => {
    expect(values("Tariffs fell to 10 percent, then 47 per cent, then 20%, then 5 pct.")).toEqual(["10 %", "47 %", "20 %", "5 %"]);
  });

  it("reads masses", () => {
    expect(values("They seized 2.42 tons, 3 metric tons, 4 tonnes and 1,133 kilograms.")).toEqual(["2.42 t", "3 t", "4 t", "1133 kg"]);
    expect(values("Agents found 5 kg, 300 grams, 2 mg, 991 pounds and 5 lbs.")).toEqual(["5 kg", "300 g", "2 mg", "991 lb", "5 lb"]);
    expect(values("Authorities seized 900,000 liters of chemicals.")).toEqual(["900000 L"]);
  });

  it("reads currencies as ISO 4217 codes", () => {
    expect(values("Liu took over 121 million yuan (about $17 million) in bribes.")).toEqual(["121000000 CNY", "17000000 USD"]);
    expect(values("It cost US$16.83 million, C$1.3 billion and $1.5bn, or $17m.")).toEqual([
      "16830000 USD",
      "1300000000 CAD",
      "1500000000 USD",
      "17000000 USD",
    ]);
    expect(values("Fines of 5 million Canadian dollars, 500 pesos, 3 million euros, €2 million and RMB 5 million.")).toEqual([
      "5000000 CAD",
      "500 MXN",
      "3000000 EUR",
      "2000000 EUR",
      "5000000 CNY",
    ]);
  });

  it("shares the unit and scale of a range's second number", () => {
    expect(values("Tariffs dropped from 57 to 47 percent.")).toEqual(["57 %", "47 %"]);
    expect(values("Between 2 and 3 million pills were seized.")).toEqual(["2000000 count", "3000000 count"]);
  });
});

describe("qualifier, measure, period and provenance", () => {
  it("maps qualifiers", () => {
    const q = (body: string) => stats(body)[0]?.qualifier;
    expect(q("It caused nearly 450,000 deaths.")).toBe("about");
    expect(q("It caused about 75,000 deaths.")).toBe("about");
    expect(q("It caused roughly 75,000 deaths.")).toBe("about");
    expect(q("It caused around 75,000 deaths.")).toBe("about");
    expect(q("It caused more than 5,000 deaths.")).toBe("more than");
    expect(q("Over 700 suspects were arrested.")).toBe("more than");
    expect(q("It reached at least 25 countries.")).toBe("at least");
    expect(q("It may reach up to 30 countries.")).toBe("up to");
    expect(q("It reached less than 40 countries.")).toBe("less than");
    expect(q("It reached under 40 countries.")).toBe("less than");
    expect(q("It reached 40 countries.")).toBeUndefined();
  });

  it("names what is measured", () => {
    const m = (body: string) => stats(body).map((s) => s.measure);
    expect(m("The opioid has been blamed for nearly 450,000 overdose deaths.")).toEqual(["overdose deaths"]);
    expect(m("Authorities have also arrested 262 suspects for drug smuggling.")).toEqual(["suspects arrested"]);
    expect(m("Officials had seized 2.42 tons of drugs this year.")).toEqual(["drugs seized"]);
    expect(m("The 20% tariffs remain.")).toEqual(["tariffs"]);
    expect(m("He cut tariffs on China to 10 percent after talks.")).toEqual(["tariff"]);
    expect(m("Liu took 121 million yuan (about $17 million) in bribes.")).toEqual(["bribes", "bribes"]);
    expect(m("Fentanyl was found in 82 per cent of cases.")).toEqual(["cases"]);
  });

  it("takes the period from a date in the same sentence", () => {
    const [s] = stats("From January to May, more than 1,300 people were prosecuted.");
    expect(s.period).toEqual({ start: "2025-01", end: "2025-05" });
    expect(stats("Officials seized 2.42 tons of drugs this year.")[0].period).toEqual({ start: "2025" });
    expect(stats("Officials seized 2.42 tons of drugs.")[0].period).toBeUndefined();
  });

  it("spans the qualifier, number and unit", () => {
    const body = "First. Liu took over 121 million yuan in bribes.";
    const [s] = stats(body);
    expect(s.text).toBe("over 121 million yuan");
    expect(body.slice(s.provenance.start, s.provenance.end)).toBe(s.text);
    expect(s.provenance.sentence).toBe(1);
  });
});

describe("not statistics", () => {
  it("skips the digits of dates and years", () => {
    expect(values("On March 16, 2017, and in 2019, since 2013, from 2022-2023 and on 2025-02-04 nothing was counted.")).toEqual([]);
    expect(values("NPP is in Table I of the 1988 Convention and the Control Act of 1996.")).toEqual([]);
  });

  it("skips digits inside chemical names, with or without the chemical records", () => {
    const body = "The chemicals 4-AP, 1-boc-4-AP, 4-ANPP and fentanyl-related substances were listed.";
    expect(values(body)).toEqual([]);
    // Locants written with a space before the name, even for a name the registry lacks.
    expect(values("Agents found 80 drums of 2,5 dimethoxybenzaldehyde.")).toEqual(["80 count"]);
    expect(values("Agents listed methyl 2-(4-chlorophenyl)acetate in 12 shipments.")).toEqual(["12 count"]);
    const named = "Controls on 4-piperidone and 1-boc-4-piperidone start soon.";
    expect(values(named, [chemical(named, "4-piperidone"), chemical(named, "1-boc-4-piperidone")])).toEqual([]);
  });

  it("skips ordinals and small spelled counts", () => {
    expect(values("The 60th session made the third such move on two chemicals.")).toEqual([]);
  });

  it("skips law, article, section and order numbers", () => {
    expect(values("Article 5, Section 21, Articles 4 and 5, SOR/2016-294, Executive Order 14195 and Public Law 119-26 apply.")).toEqual([]);
    expect(values("Schedule II and List I substances are covered by Regulation (EU) 2025/1475.")).toEqual([]);
  });

  it("skips CAS numbers, customs codes and phone numbers", () => {
    expect(values("4-AP (CAS 23056-29-3) falls under HS code 2933.39 or 2933.39.41, also 2933399090.")).toEqual([]);
    expect(values("Call (202) 307-7977 or +1 202 307 7977 or 202-307-7977.")).toEqual([]);
  });

  it("skips names with numbers", () => {
    expect(values("The arrest of José Francisco, known as Alfa 1, was key. COVID-19 slowed trade.")).toEqual([]);
  });

  it("skips ages, durations, multipliers and times", () => {
    expect(values("The deaths of Thomas Rauh, 37, and Carrie Dobbins, 23, were tied to the Zhengs.")).toEqual([]);
    expect(values("It is the leading cause of death of people aged 18 to 49. A 37-year-old man died.")).toEqual([]);
    expect(values("He was sentenced to 53 years in prison after 18 months of talks over a six-month period.")).toEqual([]);
    // A change against last year is a count, not a duration.
    expect(values("Arrests reached 4,200, up by 700 year-on-year and 15% year over year.")).toEqual(["4200 count", "700 count", "15 %"]);
    expect(values("Fentanyl is 100 times more powerful than morphine and 50-fold stronger.")).toEqual([]);
    expect(values("The briefing began at 10 a.m. and ended at 11:23 AM.")).toEqual([]);
  });

  it("skips list numbering and rate denominators", () => {
    expect(values("1. Tariff cuts: none.\n2. Ukraine war: talks.")).toEqual([]);
    expect(values("2.BACKGROUND\n\nOfficers seized 40 drums.")).toEqual(["40 count"]);
    expect(values("It was a rate of 32.6 per 100,000 people.")).toEqual(["32.6 count"]);
  });
});

describe("long articles", () => {
  // Speed is measured by npm run bench:extract; this checks that a long text reads the same as its parts.
  it("finds the figures of every repeated paragraph", () => {
    const paragraph =
      "Over 700 additional suspects were arrested, a 2.1% increase from the same period last year. " +
      "Liu took over 121 million yuan (about $17 million) in bribes between 1992 and 2020. " +
      "Authorities seized 134.7 tons of drugs and 1,347 kilograms of narcotics under Article 5 of the 1988 Convention. ";
    const count = (text: string) => {
      const ctx = makeContext(text, { date: PUB });
      return extractStatistics(text, ctx, { dates: extractDates(text, ctx), chemicals: [] }).length;
    };
    const once = count(paragraph);
    expect(once).toBeGreaterThan(0);
    expect(count(paragraph.repeat(40))).toBe(40 * once);
  });
});

describe("more written forms", () => {
  it("reads spelled small numbers only with a scale or unit", () => {
    expect(values("Just two milligrams can kill; two million pills and two chemicals were found.")).toEqual(["2 mg", "2000000 count"]);
  });

  it("reads plural Indian scales and a spelled mass joined by a hyphen", () => {
    expect(values("Officers seized ganja worth Rs 45 crores and cash of Rs 12 lakhs.")).toEqual(["450000000 INR", "1200000 INR"]);
    expect(values("A dose of around three-milligrams can kill.")).toEqual(["3 mg"]);
    expect(values("Two-thirds of the fifteen-year-old samples failed.")).toEqual([]);
    expect(values("Troops seized half a million pills.")).toEqual(["500000 count"]);
  });

  it("reads metric tonnes, crore and distances", () => {
    expect(values("Police seized 1.2 metric tonnes worth Rs 500 crore along a 3,145-kilometre border.")).toEqual([
      "1.2 t",
      "5000000000 INR",
      "3145 km",
    ]);
  });

  it("skips legal citations", () => {
    expect(values("Under 21 U.S.C. 802 and 21 CFR 1310.02 and § 1308.12 the rule applies.")).toEqual([]);
  });
});

describe("schema", () => {
  it("emits records that satisfy Statistic", () => {
    const body =
      "From January to May, more than 1,300 people were prosecuted. Liu took over 121 million yuan (about $17 million). " +
      "Police seized 2.42 tons of drugs, up 2.1%.";
    const found = stats(body);
    expect(found.length).toBe(5);
    for (const s of found) expect(() => StatisticSchema.parse(s)).not.toThrow();
  });
});
