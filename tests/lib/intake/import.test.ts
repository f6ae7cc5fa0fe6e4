import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadArticles } from "../../../lib/content/loader";
import { EMPTY_REGISTRIES } from "../../../lib/extract/context";
import { fetchInput } from "../../../lib/intake/fetch";
import { importInputs, summaryLine, totals } from "../../../lib/intake/import";
import { DEFAULT_MATCH_WORDS } from "../../../lib/intake/match";

const fixtures = path.join(__dirname, "..", "..", "fixtures", "intake");
const valid = path.join(__dirname, "..", "..", "fixtures", "valid");

let server: Server;
let base = "";
const hanging: import("node:http").ServerResponse[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/story") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(readFileSync(path.join(fixtures, "pages", "open-graph.html")));
    } else if (req.url === "/feed") {
      res.writeHead(200, { "content-type": "application/atom+xml" });
      res.end(readFileSync(path.join(fixtures, "feeds", "wire.atom")));
    } else if (req.url === "/big") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("x".repeat(3 * 1024 * 1024));
    } else if (req.url === "/slow") {
      hanging.push(res); // never answers
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("no");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

function tempCorpus(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pw-import-"));
  cpSync(valid, dir, { recursive: true });
  return dir;
}

describe("fetchInput", () => {
  it("fetches from a server on 127.0.0.1", async () => {
    const r = await fetchInput(`${base}/story`);
    expect(r).toMatchObject({ ok: true, contentType: "text/html; charset=utf-8" });
  });
  it("fails in plain words: not found, too large, timed out, refused, not http", async () => {
    expect(await fetchInput(`${base}/missing`)).toEqual({ ok: false, message: "the server answered 404 Not Found" });
    expect(await fetchInput(`${base}/big`)).toEqual({ ok: false, message: expect.stringContaining("larger than 2 MB") });
    expect(await fetchInput(`${base}/slow`, { timeoutMs: 300 })).toEqual({ ok: false, message: "timed out after 0.3 s" });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await fetchInput(`http://127.0.0.1:${closedPort}/`)).toEqual({ ok: false, message: "the server refused the connection" });
    expect(await fetchInput("file:///etc/passwd")).toEqual({ ok: false, message: "only http(s) URLs can be fetched" });
  });
});

describe("importInputs", () => {
  it("writes pages, feed items and text that npm run check accepts, skipping off-topic items and failing the broken feed", async () => {
    const folder = tempCorpus();
    try {
      const results = await importInputs([path.join(fixtures, "pages"), path.join(fixtures, "feeds", "wire.atom"), path.join(fixtures, "feeds", "broken.rss")], {
        folder,
        registries: EMPTY_REGISTRIES,
        match: DEFAULT_MATCH_WORDS,
      });
      expect(results.map(summaryLine).map((l) => l.replace(fixtures + "/", ""))).toEqual([
        "pages/cookie-wall.html: page: written as 2024-10-03-us-imposes-sanctions-on-precursor-suppliers.md",
        "pages/json-ld.html: page: written as 2025-06-20-china-to-control-two-more-fentanyl-precursors-from-july-20.md",
        "pages/no-date.html: page: written as undated-explainer-what-are-fentanyl-precursors.md",
        "pages/open-graph.html: page: written as 2025-03-14-mexico-seizes-precursor-shipment-at-manzanillo.md",
        "pages/time-only.html: page: written as 2016-11-30-canada-adds-six-fentanyl-precursors-to-its-controlled-list.md",
        "pages/windows-1252.html: page: written as 2025-01-15-mexico-endurece-el-control-de-precursores-quimicos.md",
        'feeds/wire.atom: Atom feed "Wirewatch: Asia", 3 items: 2 written, 1 skipped as off-topic',
        expect.stringMatching(/^feeds\/broken.rss: failed: is not well-formed XML/),
      ]);
      expect(totals(results)).toEqual({ line: "8 inputs, 8 written, 0 skipped as duplicate, 1 skipped as off-topic, 1 failed", failed: true });
      // What was written is what the checker accepts; only the stated problems remain.
      const loaded = await loadArticles(folder);
      expect(loaded.issues.map((i) => `${i.file}: ${i.field}: ${i.message}`).sort()).toEqual([
        "2016-11-30-canada-adds-six-fentanyl-precursors-to-its-controlled-list.md: source: required",
        "undated-explainer-what-are-fentanyl-precursors.md: date: required",
      ]);
      expect(loaded.articles).toHaveLength(2 + 8 - 2);
      // A second run writes nothing: every story is already there, by URL or by text.
      const again = await importInputs([path.join(fixtures, "pages"), path.join(fixtures, "feeds", "wire.atom")], { folder, registries: EMPTY_REGISTRIES, match: DEFAULT_MATCH_WORDS });
      expect(again.flatMap((r) => r.written)).toEqual([]);
      expect(again.flatMap((r) => r.duplicates).map((d) => d.by).sort()).toEqual(["URL", "URL", "URL", "URL", "text", "text", "text", "text"]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("skips a feed item already in the corpus (same URL) and never writes over a file", async () => {
    const folder = tempCorpus();
    try {
      writeFileSync(
        path.join(folder, "2023-04-14-designation-of-4-piperidone-as-a-list-i-chemical.md"),
        '---\ntitle: "Another story that happens to share the name"\ndate: 2023-04-14\nsource: "Own notes"\n---\n\nSomething else entirely.\n',
      );
      writeFileSync(
        path.join(folder, "2007-04-23-npp.md"),
        '---\ntitle: "NPP"\ndate: 2007-04-23\nsource: "Federal Register"\nurl: "https://regulations.justia.com/regulations/fedreg/2007/04/23/07-2015.html"\n---\n\nNPP is a List I chemical.\n',
      );
      const [r] = await importInputs([path.join(fixtures, "feeds", "already-imported.rss")], { folder, registries: EMPTY_REGISTRIES });
      expect(r.duplicates).toEqual([{ title: expect.stringContaining("Control of a Chemical Precursor"), of: "2007-04-23-npp.md", by: "URL" }]);
      expect(r.written.map((w) => w.file)).toEqual(["2023-04-14-designation-of-4-piperidone-as-a-list-i-chemical-2.md"]);
      expect(readFileSync(path.join(folder, "2023-04-14-designation-of-4-piperidone-as-a-list-i-chemical.md"), "utf8")).toContain("Another story");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("text takes --date, --source and --url; --strict leaves out what has a problem", async () => {
    const folder = tempCorpus();
    try {
      const strict = await importInputs([path.join(fixtures, "text")], { folder, registries: EMPTY_REGISTRIES, strict: true });
      expect(strict.flatMap((r) => r.written)).toEqual([]);
      expect(strict.map((r) => r.rejected[0].problems[0])).toEqual(["date: the text gives no date", "date: the text gives no date"]);
      expect(totals(strict).failed).toBe(true);
      const [r] = await importInputs([path.join(fixtures, "text", "pasted-newsletter.txt")], { folder, registries: EMPTY_REGISTRIES, date: "2023-11-15", url: "https://example.org/n/1", strict: true });
      expect(r.written).toEqual([{ file: "2023-11-15-us-and-china-agree-to-cooperate-on-fentanyl-precursors.md", problems: [] }]);
      const text = readFileSync(path.join(folder, r.written[0].file), "utf8");
      expect(text).toMatch(/^---\ntitle: "US and China agree to cooperate on fentanyl precursors"\ndate: 2023-11-15\nsource: "Precursor Policy Newsletter"\nurl: "https:\/\/example.org\/n\/1"\n---\n\nPresidents Joe Biden/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("URLs: a page and a feed from 127.0.0.1, a missing input, and a time-out, each on its own line", async () => {
    const folder = tempCorpus();
    try {
      const results = await importInputs([`${base}/story`, `${base}/feed`, `${base}/slow`, "/no/such/file.html"], { folder, registries: EMPTY_REGISTRIES, timeoutMs: 500 });
      expect(results.map(summaryLine)).toEqual([
        `${base}/story: page: written as 2025-03-14-mexico-seizes-precursor-shipment-at-manzanillo.md`,
        `${base}/feed: Atom feed "Wirewatch: Asia", 3 items: 3 written`,
        `${base}/slow: failed: timed out after 0.5 s`,
        "/no/such/file.html: failed: does not exist",
      ]);
      expect(readdirSync(folder)).toHaveLength(2 + 4);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
