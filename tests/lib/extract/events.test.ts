import { describe, expect, it } from "vitest";
import { makeContext } from "../../../lib/extract/context";
import { buildEvents, classifyEvent, type FoundRecords } from "../../../lib/extract/events";
import type { DateMention } from "../../../lib/schema";

const none: FoundRecords = { chemicals: [], dates: [], actors: [], officials: [], statistics: [], quotes: [] };

function dateAt(body: string, text: string, start: string, precision: DateMention["precision"], sentence: number): DateMention {
  const offset = body.indexOf(text);
  return { text, start, precision, provenance: { article: "a", sentence, start: offset, end: offset + text.length } };
}

describe("classifyEvent", () => {
  it("picks the most specific action", () => {
    expect(classifyEvent("He was sentenced to 20 years after being charged in 2023.")).toBe("sentencing");
    expect(classifyEvent("Prosecutors charged two executives.")).toBe("prosecution");
    expect(classifyEvent("Police arrested 12 suspects.")).toBe("arrest");
    expect(classifyEvent("Officers seized 2.4 tons of precursors.")).toBe("seizure");
    expect(classifyEvent("The tariff was cut to 10%.")).toBe("tariff");
    expect(classifyEvent("The commission voted to control NPP.")).toBe("control");
    expect(classifyEvent("The two leaders agreed to resume cooperation.")).toBe("agreement");
    expect(classifyEvent("Officials met in Geneva.")).toBe("meeting");
    expect(classifyEvent("The ministry said it would act.")).toBe("statement");
    expect(classifyEvent("Rain fell.")).toBe("other");
  });
});

describe("buildEvents", () => {
  it("makes one event per dated sentence with what that sentence names", () => {
    const body = "On March 16, 2017, the commission listed NPP. It acted at the request of Washington. In 2022 it added 4-AP.";
    const ctx = makeContext(body, { slug: "a", date: "2017-03-20" });
    const npp = body.indexOf("NPP");
    const found: FoundRecords = {
      ...none,
      dates: [dateAt(body, "March 16, 2017", "2017-03-16", "day", 0), dateAt(body, "2022", "2022", "year", 2)],
      chemicals: [
        {
          id: "npp",
          name: "NPP",
          registered: true,
          mentions: [{ text: "NPP", start: npp, end: npp + 3, sentence: 0 }],
          provenance: { article: "a", sentence: 0, start: npp, end: npp + 3 },
        },
      ],
    };
    const events = buildEvents(ctx, found);
    expect(events.map((e) => [e.id, e.date, e.precision, e.type, e.chemicals])).toEqual([
      ["a#0", "2017-03-16", "day", "control", ["npp"]],
      ["a#2", "2022", "year", "other", []],
    ]);
    expect(events[0].sentence).toBe("On March 16, 2017, the commission listed NPP.");
    expect(body.slice(events[1].provenance.start, events[1].provenance.end)).toBe("In 2022 it added 4-AP.");
  });

  it("prefers the most precise date of a sentence and keeps a range end", () => {
    const body = "From January to May 2025, seizures fell, the agency said on June 3.";
    const ctx = makeContext(body, { slug: "a", date: "2025-06-04" });
    const range = { ...dateAt(body, "From January to May 2025", "2025-01", "month", 0), end: "2025-05" };
    const [event] = buildEvents(ctx, { ...none, dates: [range, dateAt(body, "June 3", "2025-06-03", "day", 0)] });
    expect(event.date).toBe("2025-06-03");
    const [rangeEvent] = buildEvents(ctx, { ...none, dates: [range] });
    expect([rangeEvent.date, rangeEvent.end]).toEqual(["2025-01", "2025-05"]);
  });

  it("puts an undated article on the timeline by its lead sentence and publication day", () => {
    const body = "The ministry said controls would follow. More later.";
    const events = buildEvents(makeContext(body, { slug: "b", date: "2024-02-02" }), none);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: "b#0", date: "2024-02-02", precision: "day", type: "control" });
  });
});
