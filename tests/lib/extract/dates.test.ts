import { describe, expect, it } from "vitest";
import { makeContext } from "../../../lib/extract/context";
import { extractDates } from "../../../lib/extract/dates";
import { weekdayNear, yearForDay, yearForMonth } from "../../../lib/extract/dates/calendar";
import { analyseSentence, tenseAt } from "../../../lib/text/tense";
import { isYearInName, isYearToken } from "../../../lib/text/years";
import { DateMention } from "../../../lib/schema";

// 2024-08-07 is a Wednesday.
const PUB = "2024-08-07";

function mentions(body: string, date: string = PUB): DateMention[] {
  return extractDates(body, makeContext(body, { date }));
}

/** Compact view: "text=start" or "text=start..end". */
function dates(body: string, date: string = PUB): string[] {
  return mentions(body, date).map((d) => `${d.text}=${d.start}${d.end ? `..${d.end}` : ""}`);
}

describe("full dates", () => {
  it("reads the usual written forms", () => {
    expect(dates("It was signed on March 16, 2017.")).toEqual(["March 16, 2017=2017-03-16"]);
    expect(dates("VIENNA, 16 March 2017 - The commission met.")).toEqual(["16 March 2017=2017-03-16"]);
    expect(dates("Beijing, (APP - 7th Aug, 2024) China will act.")).toEqual(["7th Aug, 2024=2024-08-07"]);
    expect(dates("The notice is dated 2025-02-04.")).toEqual(["2025-02-04=2025-02-04"]);
    expect(dates("It was listed on the 5th of May 2020.")).toEqual(["5th of May 2020=2020-05-05"]);
    expect(dates("The rule of Sept. 3, 2021 applies.")).toEqual(["Sept. 3, 2021=2021-09-03"]);
  });

  it("keeps a time of day out of a dateline", () => {
    expect(dates("Updated: Apr 1,2019 11:23 AM     Xinhua")).toEqual(["Apr 1,2019=2019-04-01"]);
  });

  it("rejects days that do not exist", () => {
    expect(dates("Nothing happened on February 30, 2023 or 2023-02-31.")).toEqual([]);
  });

  it("cuts start to its precision and records provenance", () => {
    const body = "First sentence here. It happened on March 16, 2017 in Vienna.";
    const [d] = mentions(body);
    expect(d).toMatchObject({ text: "March 16, 2017", start: "2017-03-16", precision: "day" });
    expect(d.provenance).toEqual({ article: "inline", sentence: 1, start: body.indexOf("March"), end: body.indexOf(" in Vienna") });
    expect(body.slice(d.provenance.start, d.provenance.end)).toBe(d.text);
    expect(d.end).toBeUndefined();
  });
});

describe("a day or month without a year follows the sentence's tense", () => {
  it("takes the past one for past-tense sentences", () => {
    expect(dates("Officials met on October 20.")).toEqual(["October 20=2023-10-20"]);
    expect(dates("The shipment was declared when it came into Canada in May.", "2022-12-13")).toEqual(["May=2022-05"]);
    expect(dates("Despite a truce reached in Geneva in May, friction remains.", "2025-06-27")).toEqual(["May=2025-05"]);
  });

  it("takes the next one for the future: will, is set to, take effect", () => {
    expect(dates("The ban will take effect on June 1.")).toEqual(["June 1=2025-06-01"]);
    expect(dates("The listing is set to apply from June 1.")).toEqual(["June 1=2025-06-01"]);
    expect(dates("Talks will resume in May.", "2022-12-13")).toEqual(["May=2023-05"]);
    expect(dates("The rules come into force from September 1, the ministry added.")).toEqual(["September 1=2024-09-01"]);
  });

  it("takes the nearest one when the sentence gives no tense", () => {
    expect(dates("The deadline is October 20.")).toEqual(["October 20=2024-10-20"]);
    expect(dates("VIENNA, 16 March (UNIS) - the chair spoke.", "2017-03-16")).toEqual(["16 March=2017-03-16"]);
  });

  it("reads the clause of the date, not the whole sentence", () => {
    expect(dates("Last Friday, authorities announced that two chemicals will be controlled from June 20.")).toEqual([
      "Last Friday=2024-08-02",
      "June 20=2025-06-20",
    ]);
  });

  it("reads a period's edge without a clause verb as the nearest date", () => {
    // "issued" dates the notice, not the start of the controls.
    expect(dates("China will add three precursors, 4-AP and others, to its list from September 1, under a notice issued on Friday.", "2024-08-02")).toEqual([
      "September 1=2024-09-01",
      "Friday=2024-08-02",
    ]);
    expect(dates("The extension, agreed by both sides, runs until November 10.", "2025-10-30")).toEqual(["November 10=2025-11-10"]);
  });

  it("uses the main clause for an opening date phrase", () => {
    expect(dates("In April, he announced plans to raise the rate.", "2025-10-30")).toEqual(["April=2025-04"]);
    // An opening period edge too: "Beginning Friday, ... will".
    expect(dates("Beginning Friday, the agency will require export licences.")).toEqual(["Friday=2024-08-09"]);
  });

  it("does not let the edge word set its own date's tense", () => {
    // "starting" opens the period; "was set at" (not "was set to") says it is past.
    expect(dates("The levy was set at 15% starting in February.")).toEqual(["February=2024-02"]);
    expect(dates("The levy was set to rise starting in October.")).toEqual(["October=2024-10"]);
  });

  it("keeps a period ending on a present-perfect clause's date open", () => {
    // The suspension still runs, so its end is the nearest December 2, not last year's.
    expect(dates("The council has suspended the fees until at least December 2.")).toEqual(["December 2=2024-12-02"]);
    expect(dates("The council suspended the fees until December 2.")).toEqual(["December 2=2023-12-02"]);
  });

  it("marks which tense picked the year", () => {
    expect(mentions("Officials met on October 20.")[0].tense).toBe("past");
    expect(mentions("It was signed on March 16, 2017.")[0].tense).toBeUndefined();
  });
});

describe("months and years", () => {
  it("reads a month with a relative year", () => {
    expect(dates("Xi pledged action in November last year.")).toEqual(["November last year=2023-11"]);
    expect(dates("The board met on May 12 last year.")).toEqual(["May 12 last year=2023-05-12"]);
    expect(dates("A vote is due in March next year.")).toEqual(["March next year=2025-03"]);
  });

  it("reads a month with a year", () => {
    expect(dates("It was listed in October 2021.")).toEqual(["October 2021=2021-10"]);
  });

  it("reads last and next before a month", () => {
    expect(dates("They met last November.")).toEqual(["last November=2023-11"]);
    expect(dates("They meet again next March.")).toEqual(["next March=2025-03"]);
    expect(dates("The talks stalled in mid-June.")).toEqual(["June=2024-06"]);
  });

  it("reads 'last August' in August as a year ago, and 'next August' as a year ahead", () => {
    expect(dates("Last August, the port seized 300 pills.")).toEqual(["Last August=2023-08"]);
    expect(dates("The port reopens next August.")).toEqual(["next August=2025-08"]);
  });

  it("reads an irregular participle after 'be' as passive, not past", () => {
    expect(dates("The vote will be held on July 30.")).toEqual(["July 30=2025-07-30"]);
    expect(dates("The vote was held on July 30.")).toEqual(["July 30=2024-07-30"]);
  });

  it("reads a day of a relative month and a bare day of the month", () => {
    expect(dates("The panel met on the 29th of last month in Geneva.")).toEqual(["29th of last month=2024-07-29"]);
    // "on the 3rd" takes its month from the tense, as translated wire copy writes it.
    expect(dates("Talks were held on the 3rd (local time).")).toEqual(["3rd=2024-08-03"]);
    expect(dates("Talks will be held on the 3rd, officials said.")).toEqual(["3rd=2024-09-03"]);
    expect(dates("He spoke on the 25th anniversary of the law.")).toEqual([]);
  });

  it("reads years, and since opens a range with no end", () => {
    expect(dates("Fentanyl was brought under control in 1964.")).toEqual(["1964=1964"]);
    expect(dates("Deaths have risen by mid-2020.")).toEqual(["2020=2020"]);
    const [since] = mentions("More than 5,000 died since 2013.");
    expect(since).toMatchObject({ text: "since 2013", start: "2013", precision: "year" });
    expect(since.end).toBeUndefined();
  });

  it("takes the year of an earlier date for 'of that year'", () => {
    expect(dates("In April 2019, Liu announced controls from May 1 of that year.", "2025-06-23")).toEqual([
      "April 2019=2019-04",
      "May 1 of that year=2019-05-01",
    ]);
  });

  it("resolves this year, last year, last month, next month", () => {
    expect(dates("Seizures rose this year.")).toEqual(["this year=2024"]);
    expect(dates("It was seized earlier this year.")).toEqual(["earlier this year=2024"]);
    expect(dates("Deaths fell last year.")).toEqual(["last year=2023"]);
    expect(dates("The board met last month.")).toEqual(["last month=2024-07"]);
    expect(dates("The board meets next month.")).toEqual(["next month=2024-09"]);
    expect(dates("The board met last month.", "2024-01-10")).toEqual(["last month=2023-12"]);
  });
});

describe("weekdays", () => {
  it("takes a bare weekday on or before the publication day", () => {
    expect(dates("The White House said Tuesday it welcomed the step.")).toEqual(["Tuesday=2024-08-06"]);
    expect(dates("The ministry said on Wednesday it would act.")).toEqual(["Wednesday=2024-08-07"]);
    expect(dates("On Thursday, the ministry spoke.")).toEqual(["Thursday=2024-08-01"]);
  });

  it("takes last and next strictly before and after", () => {
    expect(dates("Last Friday, officials met.")).toEqual(["Last Friday=2024-08-02"]);
    expect(dates("They met last Wednesday.")).toEqual(["last Wednesday=2024-07-31"]);
    expect(dates("They meet next Monday.")).toEqual(["next Monday=2024-08-12"]);
  });

  it("puts a weekday ahead when the sentence speaks of the future", () => {
    expect(dates("The rule will take effect on Tuesday.")).toEqual(["Tuesday=2024-08-13"]);
    expect(dates("The rule will take effect on Wednesday.")).toEqual(["Wednesday=2024-08-14"]);
  });

  it("lets a present-tense schedule name the publication day itself", () => {
    // Published on a Wednesday: "takes effect on Wednesday" is today, "on Friday" is ahead.
    expect(dates("New curbs take hold as the rule takes effect on Wednesday.")).toEqual(["Wednesday=2024-08-07"]);
    expect(dates("The rule takes effect on Friday.")).toEqual(["Friday=2024-08-09"]);
  });

  it("lets a full date absorb its weekday", () => {
    expect(dates("The rule took effect on Wednesday, April 12, 2023.")).toEqual(["April 12, 2023=2023-04-12"]);
  });

  it("ignores holidays named after weekdays", () => {
    expect(dates("Sales peaked on Black Friday.")).toEqual([]);
  });
});

describe("ranges", () => {
  it("joins from ... to and between ... and", () => {
    expect(dates("From January to May, more than 1,300 people were prosecuted.", "2025-06-27")).toEqual([
      "From January to May=2025-01..2025-05",
    ]);
    expect(dates("He took bribes between 1992 and 2020.")).toEqual(["between 1992 and 2020=1992..2020"]);
    expect(dates("The agency seized four shipments between May and July.", "2022-12-13")).toEqual([
      "between May and July=2022-05..2022-07",
    ]);
    expect(dates("From October 1, 2024, to March 23, 2025, police detained 15,887 people.")).toEqual([
      "From October 1, 2024, to March 23, 2025=2024-10-01..2025-03-23",
    ]);
  });

  it("crosses the new year when the start month comes after the end month", () => {
    expect(dates("The campaign ran from October to March.")).toEqual(["from October to March=2023-10..2024-03"]);
  });

  it("reads dashed ranges of years, months and days", () => {
    expect(dates("Data for 2022-2023 show a rise.")).toEqual(["2022-2023=2022..2023"]);
    expect(dates("Data for 2022–23 show a rise.")).toEqual(["2022–23=2022..2023"]);
    expect(dates("Seizures in January-March 2024 fell.")).toEqual(["January-March 2024=2024-01..2024-03"]);
    expect(dates("The session ran March 1-5.")).toEqual(["March 1-5=2024-03-01..2024-03-05"]);
    expect(dates("The session ran 1-5 March 2023.")).toEqual(["1-5 March 2023=2023-03-01..2023-03-05"]);
  });

  it("reads day ranges joined by words", () => {
    expect(dates("The board sat from 11 to 14 June 2023.")).toEqual(["11 to 14 June 2023=2023-06-11..2023-06-14"]);
    expect(dates("Inspections ran between 3 and 9 May.")).toEqual(["3 and 9 May=2024-05-03..2024-05-09"]);
    expect(dates("The audit ran June 2 through 6.")).toEqual(["June 2 through 6=2024-06-02..2024-06-06"]);
    // A second day with its own month is the end of a longer range.
    expect(dates("The order ran from June 2 to 6 July.")).toEqual(["from June 2 to 6 July=2024-06-02..2024-07-06"]);
  });

  it("gives a range the precision of its finer end", () => {
    const [r] = mentions("He served from December 2015 to June 2020.");
    expect(r).toMatchObject({ start: "2015-12", end: "2020-06", precision: "month" });
  });

  it("reads relative years inside a range", () => {
    expect(dates("The order applies from August 31 this year until August 30 next year.", "2022-08-31")).toEqual([
      "from August 31 this year until August 30 next year=2022-08-31..2023-08-30",
    ]);
  });

  it("keeps two years joined by a bare 'and' apart", () => {
    expect(dates("Identifications rose in 2020 and 2021.")).toEqual(["2020=2020", "2021=2021"]);
  });
});

describe("not dates", () => {
  it("skips durations, ages, times and vague words", () => {
    expect(dates("He faces 53 years in prison after two years of talks over a six-month period.")).toEqual([]);
    expect(dates("Thomas Rauh, 37, and people aged 18 to 49 died.")).toEqual([]);
    expect(dates("The briefing began at 11:23 AM, or 10 a.m. in Beijing.")).toEqual([]);
    expect(dates("Officials recently said deaths rose in recent years.")).toEqual([]);
  });

  it("skips years inside names", () => {
    expect(dates("NPP is listed in Table I of the 1988 Convention.")).toEqual([]);
    expect(dates("Fentanyl is controlled under the 1961 Single Convention.")).toEqual([]);
    expect(dates("The Comprehensive Methamphetamine Control Act of 1996 requires it.")).toEqual([]);
  });

  it("skips May the verb and months that are first names", () => {
    expect(dates("The move may help. Officials may act soon.")).toEqual([]);
    expect(dates("May officials act? April Smith said no.")).toEqual([]);
  });

  it("skips numbers that only look like years", () => {
    expect(dates("More than 1,300 people and 2000 suspects were held.")).toEqual([]);
    expect(dates("The regulations, SOR/2016-294, cite COVID-19 and cost $2019.")).toEqual([]);
    expect(dates("Use rose through the 1990s.")).toEqual([]);
  });

  it("leaves out today and week-level words (optional in gold)", () => {
    expect(dates("Officials said today that talks last week and this week went well.")).toEqual([]);
  });
});

describe("calendar helpers", () => {
  const ref = { y: 2024, m: 8, d: 7 };

  it("picks the year of a day by tense", () => {
    expect(yearForDay(10, 20, ref, "past")).toBe(2023);
    expect(yearForDay(10, 20, ref, "future")).toBe(2024);
    expect(yearForDay(6, 1, ref, "future")).toBe(2025);
    expect(yearForDay(8, 7, ref, "past")).toBe(2024);
    expect(yearForDay(8, 7, ref, "future")).toBe(2024);
    expect(yearForDay(10, 20, ref, "none")).toBe(2024);
    expect(yearForDay(2, 29, ref, "past")).toBe(2024);
  });

  it("picks the year of a month by tense, nearest ties going to the past", () => {
    expect(yearForMonth(5, { y: 2022, m: 12, d: 13 }, "past")).toBe(2022);
    expect(yearForMonth(5, { y: 2022, m: 12, d: 13 }, "none")).toBe(2023);
    expect(yearForMonth(2, ref, "none")).toBe(2024);
    expect(yearForMonth(8, ref, "future")).toBe(2024);
  });

  it("finds weekdays around the reference day", () => {
    expect(weekdayNear(3, ref, "on-or-before")).toEqual(ref); // Wednesday is the day itself
    expect(weekdayNear(3, ref, "before")).toEqual({ y: 2024, m: 7, d: 31 });
    expect(weekdayNear(3, ref, "after")).toEqual({ y: 2024, m: 8, d: 14 });
    expect(weekdayNear(3, ref, "on-or-after")).toEqual(ref);
    expect(weekdayNear(5, ref, "on-or-after")).toEqual({ y: 2024, m: 8, d: 9 });
    expect(weekdayNear(4, ref, "on-or-before")).toEqual({ y: 2024, m: 8, d: 1 });
  });

  it("tells years from counts and names", () => {
    const body = "In 2019, 2000 people and the 1988 Convention";
    expect(isYearToken(body, 3, 7)).toBe(true);
    expect(isYearToken(body, 9, 13)).toBe(false);
    expect(isYearToken(body, body.indexOf("1988"), body.indexOf("1988") + 4)).toBe(true);
    expect(isYearInName(body, body.indexOf("1988"), body.indexOf("1988") + 4)).toBe(true);
  });

  it("finds the tense marker nearest the date", () => {
    const sentence = "Authorities announced that the chemicals will be added from July 20.";
    const at = sentence.indexOf("July 20");
    expect(tenseAt(analyseSentence(sentence), sentence, at, at + 7)).toBe("future");
    const past = "The controlled substances were seized in May.";
    expect(tenseAt(analyseSentence(past), past, past.indexOf("May"), past.indexOf("May") + 3)).toBe("past");
  });
});

describe("long articles", () => {
  // Speed is measured by npm run bench:extract; this checks that a long text reads the same as its parts.
  it("finds the records of every repeated paragraph", () => {
    const paragraph =
      "On March 16, 2017, the commission met in Vienna. Officials said on Thursday that controls will take effect from July 20. " +
      "From January to May, more than 1,300 people were prosecuted, up 2.1% from the same period last year. " +
      "The 1988 Convention lists NPP; Liu took bribes between 1992 and 2020 and was sentenced to 53 years. ";
    const once = extractDates(paragraph, makeContext(paragraph, { date: PUB })).length;
    const body = paragraph.repeat(40); // about 2,400 words
    expect(once).toBeGreaterThan(0);
    expect(extractDates(body, makeContext(body, { date: PUB }))).toHaveLength(40 * once);
  });
});

describe("more written forms", () => {
  it("reads numeric US dates and the days either side of publication", () => {
    expect(dates("The notice of 10/30/2025 and of 30/10/2025 apply.")).toEqual(["10/30/2025=2025-10-30", "30/10/2025=2025-10-30"]);
    expect(dates("The ministry said yesterday that talks resume tomorrow.")).toEqual(["yesterday=2024-08-06", "tomorrow=2024-08-08"]);
  });
});

describe("years in names", () => {
  it("skips the UN conventions however they are written", () => {
    expect(dates("NPP is in Table I of the 1988 UN Convention against Illicit Traffic.")).toEqual([]);
    expect(dates("It joined the 1971 United Nations Convention in 1985.")).toEqual(["1985=1985"]);
  });
});

describe("schema", () => {
  it("emits records that satisfy DateMention", () => {
    const body =
      "On March 16, 2017, the board met. From January to May 2024, 1,300 people were held. " +
      "Last Friday it said rules will apply from July 20, since 2013 and between 1992 and 2020, in 2022-23.";
    const found = mentions(body);
    expect(found.length).toBeGreaterThanOrEqual(6);
    for (const d of found) expect(() => DateMention.parse(d)).not.toThrow();
  });
});
