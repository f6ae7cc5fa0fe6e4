import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeWatches, loadArticles } from "../../../lib/content/loader";

const fixtures = path.join(__dirname, "..", "..", "fixtures");

function issuesByFile(issues: { file: string; line: number; field: string; message: string }[]) {
  return issues.map((i) => [i.file, i.line, i.field] as const).sort();
}

describe("loadArticles on the broken fixture corpus", () => {
  it("reports every problem at once with file, line and field", async () => {
    const result = await loadArticles(path.join(fixtures, "broken"));
    expect(issuesByFile(result.issues)).toEqual(
      [
        ["bad-url.md", 5, "url"],
        ["binary.md", 4, "(file)"],
        ["date-in-words.md", 4, "date"],
        ["empty-body.md", 6, "body"],
        ["impossible-date.md", 3, "date"],
        ["invalid-yaml.md", 2, "(frontmatter)"],
        ["latin1.md", 2, "(file)"],
        ["missing-title.md", 1, "title"],
        ["misspelt-field.md", 1, "source"],
        ["misspelt-field.md", 4, "sorce"],
        ["more/duplicate.md", 1, "(file)"],
        ["no-frontmatter.md", 1, "(frontmatter)"],
        ["tags-not-list.md", 5, "tags"],
        ["unclosed-frontmatter.md", 1, "(frontmatter)"],
      ].sort(),
    );
    // The only valid file is the first of the two duplicates; nothing else slipped through.
    expect(result.articles.map((a) => a.file)).toEqual(["duplicate.md"]);
  });

  it("names the kind of each problem", async () => {
    const { issues } = await loadArticles(path.join(fixtures, "broken"));
    const kinds = issues.map((i) => [i.file, i.field, i.kind]).sort();
    expect(kinds).toEqual(
      [
        ["bad-url.md", "url", "invalid-value"],
        ["binary.md", "(file)", "binary"],
        ["date-in-words.md", "date", "invalid-value"],
        ["empty-body.md", "body", "empty-body"],
        ["impossible-date.md", "date", "impossible-date"],
        ["invalid-yaml.md", "(frontmatter)", "yaml-syntax"],
        ["latin1.md", "(file)", "not-utf8"],
        ["missing-title.md", "title", "missing-field"],
        ["misspelt-field.md", "source", "missing-field"],
        ["misspelt-field.md", "sorce", "unknown-field"],
        ["more/duplicate.md", "(file)", "duplicate-slug"],
        ["no-frontmatter.md", "(frontmatter)", "no-frontmatter"],
        ["tags-not-list.md", "tags", "invalid-value"],
        ["unclosed-frontmatter.md", "(frontmatter)", "unclosed-frontmatter"],
      ].sort(),
    );
  });

  it("says in its message what it found and how to fix it", async () => {
    const { issues } = await loadArticles(path.join(fixtures, "broken"));
    const message = (file: string, field: string) => issues.find((i) => i.file === file && i.field === field)?.message;
    expect(message("impossible-date.md", "date")).toContain("2025-02-31");
    expect(message("misspelt-field.md", "sorce")).toContain('did you mean "source"');
    expect(message("more/duplicate.md", "(file)")).toContain("duplicate.md");
  });
});

describe("loadArticles on valid files", () => {
  it("accepts a byte-order mark and CRLF line ends", async () => {
    const result = await loadArticles(path.join(fixtures, "valid"));
    expect(result.issues).toEqual([]);
    const canada = result.articles.find((a) => a.slug === "2016-11-30-canada-bom-crlf");
    expect(canada?.title).toBe("Canada lists six precursors");
    expect(canada?.body).not.toContain("\r");
    expect(canada?.body.trim()).toMatch(/^Canada added propionyl chloride/);
  });

  it("keeps frontmatter fields and maps the body to its first line", async () => {
    const result = await loadArticles(path.join(fixtures, "valid"));
    const china = result.articles.find((a) => a.slug === "2024-08-07-china-adds-three-precursors");
    expect(china).toMatchObject({ date: "2024-08-07", source: "Fixture Wire", tags: ["control", "china"], bodyLine: 8 });
  });
});

describe("loadArticles cache and file changes", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const article = (title: string) => `---\ntitle: "${title}"\ndate: 2024-05-01\nsource: Wire\n---\n\nBody of ${title}.\n`;

  it("re-parses nothing when nothing changed, and picks up edits, additions and deletions", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-loader-"));
    writeFileSync(path.join(dir, "a.md"), article("A"));
    writeFileSync(path.join(dir, "b.md"), article("B"));
    expect((await loadArticles(dir)).parsed).toBe(2);
    expect((await loadArticles(dir)).parsed).toBe(0);

    writeFileSync(path.join(dir, "a.md"), article("A, edited"));
    utimesSync(path.join(dir, "a.md"), new Date(), new Date(Date.now() + 5000));
    writeFileSync(path.join(dir, "c.md"), article("C"));
    unlinkSync(path.join(dir, "b.md"));
    const after = await loadArticles(dir);
    expect(after.parsed).toBe(2);
    expect(after.articles.map((a) => a.title).sort()).toEqual(["A, edited", "C"]);
  });

  it("rejects a file over 2 MB without reading it as an article", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-loader-"));
    writeFileSync(path.join(dir, "huge.md"), article("Huge") + "word ".repeat(450_000));
    const { issues, articles } = await loadArticles(dir);
    expect(articles).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ kind: "too-large", file: "huge.md", line: 1, field: "(file)" })]);
  });

  it("reads a 20,000-line article and rejects a 5 MB one, keeping the rest", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-loader-"));
    const lines = Array.from({ length: 20_000 }, (_, i) => `Line ${i}: China said on May 1 that 4-AP was controlled.`).join("\n");
    writeFileSync(path.join(dir, "long.md"), article("Long") + lines);
    writeFileSync(path.join(dir, "five-mb.md"), article("Five MB") + "x".repeat(5 * 1024 * 1024));
    writeFileSync(path.join(dir, "ok.md"), article("OK"));
    const { articles, issues } = await loadArticles(dir);
    expect(articles.map((a) => a.title).sort()).toEqual(["Long", "OK"]);
    expect(articles.find((a) => a.title === "Long")?.body.split("\n").length).toBeGreaterThan(20_000);
    expect(issues).toEqual([expect.objectContaining({ kind: "too-large", file: "five-mb.md", message: expect.stringContaining("5.0 MB") })]);
  });

  it("refuses symbolic links that lead outside the folder", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-loader-"));
    cpSync(path.join(fixtures, "valid"), path.join(dir, "inside"), { recursive: true });
    const outside = mkdtempSync(path.join(os.tmpdir(), "pw-outside-"));
    writeFileSync(path.join(outside, "secret.md"), article("Secret"));
    symlinkSync(path.join(outside, "secret.md"), path.join(dir, "inside", "link.md"));
    const { issues, articles } = await loadArticles(path.join(dir, "inside"));
    rmSync(outside, { recursive: true, force: true });
    expect(articles.map((a) => a.title)).not.toContain("Secret");
    expect(issues).toEqual([expect.objectContaining({ kind: "outside-root", file: "link.md", field: "(file)" })]);
  });

  it("reports a missing folder instead of throwing", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-loader-"));
    const result = await loadArticles(path.join(dir, "nope"));
    expect(result.articles).toEqual([]);
    expect(result.issues[0]).toMatchObject({ kind: "unreadable", field: "(folder)" });
  });
});

describe("loadArticles with a folder watch", () => {
  let dir: string;
  afterEach(() => {
    closeWatches();
    rmSync(dir, { recursive: true, force: true });
  });

  const article = (title: string) => `---\ntitle: "${title}"\ndate: 2024-05-01\nsource: Wire\n---\n\nBody of ${title}.\n`;

  async function until(check: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("the change was never seen");
  }

  it("answers an unchanged folder without a scan and sees additions, edits and deletions", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-watch-"));
    writeFileSync(path.join(dir, "a.md"), article("A"));
    const first = await loadArticles(dir, { watch: true });
    expect(await loadArticles(dir, { watch: true })).toBe(first); // same object: nothing was scanned

    mkdirSync(path.join(dir, "sub"));
    writeFileSync(path.join(dir, "sub", "b.md"), article("B"));
    await until(async () => (await loadArticles(dir, { watch: true })).articles.length === 2);

    writeFileSync(path.join(dir, "a.md"), article("A, edited"));
    await until(async () => (await loadArticles(dir, { watch: true })).articles.some((a) => a.title === "A, edited"));

    writeFileSync(path.join(dir, "sub", "b.md"), article("B, edited"));
    await until(async () => (await loadArticles(dir, { watch: true })).articles.some((a) => a.title === "B, edited"));

    // A folder made after the first scans, filled only later, is watched too.
    mkdirSync(path.join(dir, "sub", "deeper"));
    await until(async () => (await loadArticles(dir, { watch: true })).articles.length === 2);
    await loadArticles(dir, { watch: true });
    writeFileSync(path.join(dir, "sub", "deeper", "c.md"), article("C"));
    await until(async () => (await loadArticles(dir, { watch: true })).articles.length === 3);

    unlinkSync(path.join(dir, "sub", "b.md"));
    await until(async () => (await loadArticles(dir, { watch: true })).articles.length === 2);
    rmSync(path.join(dir, "sub"), { recursive: true });
    await until(async () => (await loadArticles(dir, { watch: true })).articles.length === 1);
  });

  it("keeps scanning while the folder is missing, and sees it come back", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-watch-"));
    const missing = path.join(dir, "not-yet");
    expect((await loadArticles(missing, { watch: true })).articles).toHaveLength(0);
    mkdirSync(missing);
    writeFileSync(path.join(missing, "a.md"), article("A"));
    await until(async () => (await loadArticles(missing, { watch: true })).articles.length === 1);
  });
});
