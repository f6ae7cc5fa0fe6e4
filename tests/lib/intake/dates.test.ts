import { describe, expect, it } from "vitest";
import { readPublicationDate } from "../../../lib/intake/dates";

describe("readPublicationDate", () => {
  it.each([
    ["2025-06-20", "2025-06-20"],
    ["2025-06-20T08:15:00+08:00", "2025-06-20"],
    ["2025-06-20T23:30:00-04:00", "2025-06-20"],
    ["2025-06-20 10:00:00", "2025-06-20"],
    ["20250620", "2025-06-20"],
    ["Wed, 05 Oct 2022 14:00:00 +0000", "2022-10-05"],
    ["5 October 2022", "2022-10-05"],
    ["October 5, 2022", "2022-10-05"],
    ["Sunday, July 20th, 2025", "2025-07-20"],
    ["Sept. 3 2024", "2024-09-03"],
  ])("reads %s as the day written", (text, day) => {
    expect(readPublicationDate(text)).toEqual({ ok: true, date: day });
  });

  it("never invents a day", () => {
    expect(readPublicationDate("")).toMatchObject({ ok: false, message: "is empty" });
    expect(readPublicationDate("last Tuesday")).toMatchObject({ ok: false, message: expect.stringContaining("could not be read") });
    expect(readPublicationDate("2025-06")).toMatchObject({ ok: false });
    expect(readPublicationDate("June 2025")).toMatchObject({ ok: false });
    expect(readPublicationDate("2025-02-30")).toMatchObject({ ok: false, message: expect.stringContaining("not a real calendar day") });
  });
});
