import { describe, expect, it } from "vitest";
import { parseImportArgs } from "../../../lib/intake/args";
import { DEFAULT_MATCH_WORDS } from "../../../lib/intake/match";

const exists = (p: string) => ["downloads", "notes"].includes(p);

describe("parseImportArgs", () => {
  it("reads inputs and options in any order", () => {
    expect(parseImportArgs(["--", "a.html", "--date", "2025-01-02", "downloads", "--source=Wire", "--strict", "https://x.example/a", "--timeout", "5"], exists)).toEqual({
      inputs: ["a.html", "downloads", "https://x.example/a"],
      date: "2025-01-02",
      source: "Wire",
      strict: true,
      timeout: 5,
      errors: [],
    });
  });
  it("a bare --match means the default list; a value is a comma-separated list", () => {
    expect(parseImportArgs(["--match", "feed.rss"], exists)).toMatchObject({ inputs: ["feed.rss"], match: DEFAULT_MATCH_WORDS });
    expect(parseImportArgs(["feed.rss", "--match"], exists)).toMatchObject({ inputs: ["feed.rss"], match: DEFAULT_MATCH_WORDS });
    expect(parseImportArgs(["--match", "downloads"], exists)).toMatchObject({ inputs: ["downloads"], match: DEFAULT_MATCH_WORDS });
    expect(parseImportArgs(["--match", "fentanyl,4-AP", "feed.rss"], exists)).toMatchObject({ inputs: ["feed.rss"], match: ["fentanyl", "4-AP"] });
    expect(parseImportArgs(["--match=tariff", "feed.rss"], exists)).toMatchObject({ match: ["tariff"] });
  });
  it("says what is wrong", () => {
    expect(parseImportArgs(["--date"], exists).errors).toEqual(["--date needs a value"]);
    expect(parseImportArgs(["--dates", "x", "a.md"], exists).errors).toEqual(["unknown option --dates"]);
    expect(parseImportArgs(["--timeout", "soon", "a.md"], exists).errors).toEqual(['--timeout must be a number of seconds, not "soon"']);
    expect(parseImportArgs(["--url", "ftp://x", "a.md"], exists).errors).toEqual(['--url must be an http(s) URL, not "ftp://x"']);
  });
});
