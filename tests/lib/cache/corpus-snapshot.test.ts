import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSnapshot, snapshotPath, writeSnapshot, type SnapshotFile } from "../../../lib/cache/corpus-snapshot";
import { EMPTY_REGISTRIES } from "../../../lib/extract/context";
import { extractAll } from "../../../lib/extract";
import { toDigest, toRecords } from "../../../lib/records";
import type { Article } from "../../../lib/schema";

function articleFile(slug: string, body: string): SnapshotFile {
  const article: Article = { slug, file: `${slug}.md`, title: `Title of ${slug}`, date: "2024-09-01", source: "Wire", tags: ["china"], body, bodyLine: 6 };
  const records = toRecords(extractAll(body, { slug, date: article.date, registries: EMPTY_REGISTRIES }));
  return { file: article.file, mtimeMs: 1_700_000_000_000.5, size: body.length + 80, parsed: { article, issues: [] }, digest: toDigest(records), records };
}

const header = { version: "build-1", registry: "reg-1", root: "/articles" };
const files: SnapshotFile[] = [
  articleFile("one", "China added 4-AP to its list on 1 September 2024. It said so in Beijing."),
  { file: "broken.md", mtimeMs: 5, size: 10, parsed: { issues: [{ file: "broken.md", line: 2, field: "date", message: "required", severity: "error" }] } },
  articleFile("two", "Mexico seized 40 kg of fentanyl in March 2023, officials said."),
];

describe("corpus snapshot", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-snapshot-"));
    file = snapshotPath(dir, "/articles");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("gives back every file's stamp, parse result, digest and records", () => {
    expect(writeSnapshot(file, header, files)).toBe(true);
    const snapshot = readSnapshot(file, { version: "build-1", root: "/articles" })!;
    expect(snapshot).toMatchObject({ ...header, skipped: 0 });
    expect([...snapshot.entries.keys()]).toEqual(["one.md", "broken.md", "two.md"]);
    for (const original of files) {
      const entry = snapshot.entries.get(original.file)!;
      expect(entry).toMatchObject({ mtimeMs: original.mtimeMs, size: original.size, parsed: original.parsed });
      expect(entry.digest).toEqual(original.digest && JSON.parse(JSON.stringify(original.digest)));
      expect(entry.records?.()).toEqual(original.records && JSON.parse(JSON.stringify(original.records)));
    }
  });

  it("is ignored when another build or another folder wrote it, or when it is not there", () => {
    writeSnapshot(file, header, files);
    expect(readSnapshot(file, { version: "build-2", root: "/articles" })).toBeUndefined();
    expect(readSnapshot(file, { version: "build-1", root: "/elsewhere" })).toBeUndefined();
    expect(readSnapshot(path.join(dir, "missing.ndjson"), { version: "build-1", root: "/articles" })).toBeUndefined();
    writeFileSync(file, "not a snapshot\n{}\n");
    expect(readSnapshot(file, { version: "build-1", root: "/articles" })).toBeUndefined();
  });

  it("loses only the file whose line is damaged", () => {
    writeSnapshot(file, header, files);
    const lines = readFileSync(file, "utf8").split("\n");
    // Index file: the header, then one line per file.
    lines[1] = lines[1].slice(0, 40); // one.md: cut short
    writeFileSync(file, lines.join("\n"));
    // Records file: one line per article, in order (one.md, two.md).
    const recordsFile = path.join(dir, JSON.parse(lines[0]).records);
    const records = readFileSync(recordsFile, "utf8").split("\n");
    records[1] = `{"events": 3` + " ".repeat(records[1].length - 13);
    writeFileSync(recordsFile, records.join("\n"));

    const snapshot = readSnapshot(file, { version: "build-1", root: "/articles" })!;
    expect(snapshot.skipped).toBe(1);
    expect(snapshot.entries.has("one.md")).toBe(false);
    expect(snapshot.entries.get("broken.md")?.parsed.issues).toHaveLength(1);
    expect(snapshot.entries.get("two.md")?.digest).toBeDefined();
    expect(snapshot.entries.get("two.md")?.records?.()).toBeUndefined();
  });

  it("keeps one records file: each save replaces the last one's", () => {
    writeSnapshot(file, header, files);
    writeSnapshot(file, header, files.slice(1));
    const names = readdirSync(dir).sort();
    expect(names.filter((n) => n.endsWith(".records"))).toHaveLength(1);
    expect(names.filter((n) => n.endsWith(".tmp"))).toEqual([]);
    const snapshot = readSnapshot(file, { version: "build-1", root: "/articles" })!;
    expect([...snapshot.entries.keys()]).toEqual(["broken.md", "two.md"]);
    expect(snapshot.entries.get("two.md")?.records?.()?.events).toHaveLength(files[2].records!.events.length);
  });

  it("clears what a killed save left behind, once it is old enough to be abandoned", () => {
    const old = path.join(dir, `${path.basename(file, ".ndjson")}.1234-old.records.tmp`);
    const young = path.join(dir, `${path.basename(file, ".ndjson")}.5678-young.records.tmp`);
    writeFileSync(old, "x");
    writeFileSync(young, "y");
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(old, hourAgo, hourAgo);
    writeSnapshot(file, header, files);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(young)).toBe(true);
  });

  it("falls back when the records file has gone", () => {
    writeSnapshot(file, header, files);
    for (const name of readdirSync(dir)) if (name.endsWith(".records")) rmSync(path.join(dir, name));
    const snapshot = readSnapshot(file, { version: "build-1", root: "/articles" })!;
    expect(snapshot.entries.get("one.md")?.digest).toBeDefined();
    expect(snapshot.entries.get("one.md")?.records?.()).toBeUndefined();
  });

  it("reports a write it could not make and leaves nothing behind", () => {
    const blocker = path.join(dir, "not-a-folder");
    writeFileSync(blocker, "");
    expect(writeSnapshot(path.join(blocker, "snapshot.ndjson"), header, files)).toBe(false);
  });
});
