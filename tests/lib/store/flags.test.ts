/**
 * Flags in the store: written at ingest with their article, replaced when its file
 * changes, and (for disputes) recomputed when the timeline entries concerned are regrouped.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listArticleFiles } from "../../../lib/content/loader";
import type { Registries } from "../../../lib/extract/context";
import { loadRegistries } from "../../../lib/registry";
import { countFlags, flagsOfArticle, flagsOfEntries, ingest, openDatabase, selectFlags, selectTimelineEntries, type Db } from "../../../lib/store";
import { groupTimeline } from "../../../lib/timeline/group";
import { insertFlags } from "../../../lib/store/flags";

const registryDir = path.join(__dirname, "..", "..", "..", "content", "registry");
let tmp: string;
let articles: string;
let registries: Registries;
let db: Db;

const article = (date: string, body: string) => `---\ntitle: Test ${date}\ndate: ${date}\nsource: Test Wire\n---\n${body}\n`;
let tick = 1;
function put(name: string, date: string, body: string) {
  const file = path.join(articles, name);
  writeFileSync(file, article(date, body));
  const t = new Date(Date.UTC(2026, 0, 1) + tick++ * 1000);
  utimesSync(file, t, t);
}
const run = () => ingest(db, { files: listArticleFiles(articles).files, registries, registryHash: "r1", version: "v1", groupTimeline });
const kinds = () => selectFlags(db).map((f) => [f.provenance.article, f.kind]);

beforeEach(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "pw-flags-"));
  articles = path.join(tmp, "articles");
  mkdirSync(articles);
  registries = (await loadRegistries(registryDir)).registries;
  db = openDatabase(path.join(tmp, "store.sqlite"), { quiet: true }).db;
});

afterEach(() => {
  db.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("flags in the store", () => {
  it("writes an article's flags at ingest and replaces them when the file changes", () => {
    put("2025-06-27-tariffs.md", "2025-06-27", "The tariffs were imposed by former President Donald Trump in February.");
    run();
    expect(kinds()).toEqual([["2025-06-27-tariffs", "out-of-its-time"]]);
    const [flag] = flagsOfArticle(db, "2025-06-27-tariffs");
    expect(flag.text).toBe("former President Donald Trump");
    expect(flag.actors).toEqual(["donald-trump"]);

    put("2025-06-27-tariffs.md", "2025-06-27", "The tariffs were imposed by President Donald Trump in February.");
    run();
    expect(countFlags(db)).toBe(0);

    put("2025-06-27-tariffs.md", "2025-06-27", "The tariffs were imposed by former President Donald Trump in February.");
    run();
    rmSync(path.join(articles, "2025-06-27-tariffs.md"));
    run();
    expect(countFlags(db)).toBe(0);
  });

  it("recomputes disputes when the entries concerned are regrouped", () => {
    put("2026-08-01-a.md", "2026-08-01", "Canada's controls on phenethyl bromide took effect on July 1, 2026.");
    put("2026-08-02-b.md", "2026-08-02", "Canada's controls on phenethyl bromide took effect on July 20, 2026.");
    run();
    expect(kinds().sort()).toEqual([
      ["2026-08-01-a", "disputed"],
      ["2026-08-02-b", "disputed"],
    ]);
    const entries = selectTimelineEntries(db).filter((e) => e.disputedWith.length > 0);
    const marked = flagsOfEntries(db, entries.map((e) => e.id));
    expect(entries.map((e) => marked.get(e.id)?.map((f) => f.kind))).toEqual([["disputed"], ["disputed"]]);

    // The second source now agrees: the dispute, and its flags, go.
    put("2026-08-02-b.md", "2026-08-02", "Canada's controls on phenethyl bromide took effect on July 1, 2026.");
    run();
    expect(countFlags(db)).toBe(0);
  });

  it("keeps the last of two flags given one id, in one call or two", () => {
    put("2025-06-27-tariffs.md", "2025-06-27", "The tariffs were imposed by former President Donald Trump in February.");
    run();
    const [flag] = flagsOfArticle(db, "2025-06-27-tariffs");
    db.transaction(() => insertFlags(db, [{ ...flag, message: "first" }, { ...flag, message: "second" }]))();
    expect(flagsOfArticle(db, "2025-06-27-tariffs").map((f) => f.message)).toEqual(["second"]);
    db.transaction(() => insertFlags(db, [{ ...flag, message: "third" }]))();
    expect(flagsOfArticle(db, "2025-06-27-tariffs").map((f) => f.message)).toEqual(["third"]);
  });
});
