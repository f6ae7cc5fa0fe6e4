/**
 * The store on real database files in a temporary folder: ingest, change, delete, rename,
 * a registry change, a killed ingest, an older or foreign schema, a corrupt file.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listArticleFiles } from "../../../lib/content/loader";
import { loadRegistries } from "../../../lib/registry";
import type { Registries } from "../../../lib/extract/context";
import { corpusTotals, countAllEvents, countArticles, countTotals, fileIssues, getMeta, ingest, ingestParallel, openDatabase, selectEvents, SCHEMA_VERSION, type Db } from "../../../lib/store";
import { PARALLEL_MIN_FILES } from "../../../lib/store/ingest";
import { writeSyntheticCorpus } from "../../../scripts/bench/synthetic-corpus";
import { MIGRATIONS } from "../../../lib/store/migrations";

/** Takes a database of schema version 9 back to 7 (tests of older versions start there). */
const UNDO_VERSION_8 =
  "DROP TABLE article_volume; DROP INDEX articles_facts; CREATE INDEX articles_date ON articles(date DESC, slug); CREATE INDEX timeline_sources_event ON timeline_sources(event); CREATE INDEX timeline_entries_date ON timeline_entries(date DESC);";
import { groupTimeline } from "../../../lib/timeline/group";

const fixtures = path.join(__dirname, "..", "..", "fixtures");
const registryDir = path.join(__dirname, "..", "..", "..", "content", "registry");

let tmp: string;
let articles: string;
let dbFile: string;
let registries: Registries;
const open: Db[] = [];

function connect(): Db {
  const { db } = openDatabase(dbFile, { quiet: true });
  open.push(db);
  return db;
}

function run(db: Db, extra: Partial<Parameters<typeof ingest>[1]> = {}) {
  return ingest(db, { files: listArticleFiles(articles).files, registries, registryHash: "r1", version: "v1", ...extra });
}

const article = (title: string, date: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\nsource: Test Wire\n---\n${body}\n`;
const files = (dir: string) => listArticleFiles(dir).files.length;
const slugs = (db: Db) => (db.prepare("SELECT slug FROM articles ORDER BY slug").pluck().all() as string[]);
const search = (db: Db, q: string) => selectEvents(db, { q }).map((e) => e.article);
/** Every table's rows, for comparing two databases. */
function dump(db: Db) {
  const tables = ["articles", "chemical_mentions", "actor_mentions", "officials", "dates", "statistics", "quotes", "events", "event_actors", "event_chemicals", "chemicals", "actors", "content_issues"];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}

beforeEach(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "pw-store-"));
  articles = path.join(tmp, "articles");
  mkdirSync(articles);
  for (const f of ["2016-11-30-canada-bom-crlf.md", "2024-08-07-china-adds-three-precursors.md"]) copyFileSync(path.join(fixtures, "valid", f), path.join(articles, f));
  writeFileSync(path.join(articles, "2025-03-04-us-tariff.md"), article("US raises tariff", "2025-03-04", "The United States raised the tariff on Chinese goods to 20% on March 4, 2025, citing fentanyl."));
  dbFile = path.join(tmp, "cache", "store.sqlite");
  registries = (await loadRegistries(registryDir)).registries;
});

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("ingest", () => {
  it("reads every article once, then nothing while nothing changes", () => {
    const db = connect();
    const first = run(db);
    expect(first).toMatchObject({ read: 3, extracted: 3, deleted: 0 });
    expect(slugs(db)).toEqual(["2016-11-30-canada-bom-crlf", "2024-08-07-china-adds-three-precursors", "2025-03-04-us-tariff"]);
    expect(countAllEvents(db)).toBeGreaterThanOrEqual(2);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    const again = run(db);
    expect(again).toMatchObject({ read: 0, extracted: 0, deleted: 0, changed: false });
  });

  it("compares nothing file by file when the folder is listed as the last finished ingest left it", () => {
    const db = connect();
    run(db);
    const listing = getMeta(db, "listing");
    expect(listing).toMatch(/^[0-9a-f]{64}$/);
    // A stored stamp that no longer matches its file would be read again by a comparison;
    // with the folder's listing unchanged there is none.
    db.prepare("UPDATE files SET size = 0 WHERE path = '2025-03-04-us-tariff.md'").run();
    expect(run(db)).toMatchObject({ read: 0, changed: false });
    // A listing that differs (one file touched) clears the mark, compares, and sets it anew.
    utimesSync(path.join(articles, "2016-11-30-canada-bom-crlf.md"), new Date(), new Date(Date.now() + 5000));
    expect(run(db)).toMatchObject({ read: 2, extracted: 0 });
    expect(getMeta(db, "listing")).toMatch(/^[0-9a-f]{64}$/);
    expect(getMeta(db, "listing")).not.toBe(listing);
    expect(run(db)).toMatchObject({ read: 0 });
  });

  it("replaces a changed file's rows and leaves the others alone", () => {
    const db = connect();
    run(db);
    const before = db.prepare("SELECT rowid FROM articles WHERE slug = '2016-11-30-canada-bom-crlf'").get();
    writeFileSync(path.join(articles, "2025-03-04-us-tariff.md"), article("US lowers tariff", "2025-03-04", "The United States cut the tariff on Chinese goods to 10% on November 10, 2025."));
    const r = run(db);
    expect(r).toMatchObject({ read: 1, extracted: 1 });
    expect(db.prepare("SELECT title FROM articles WHERE slug = '2025-03-04-us-tariff'").pluck().get()).toBe("US lowers tariff");
    expect(search(db, "raised")).toEqual([]);
    expect(search(db, "cut")).toEqual(["2025-03-04-us-tariff"]);
    expect(db.prepare("SELECT rowid FROM articles WHERE slug = '2016-11-30-canada-bom-crlf'").get()).toEqual(before);
  });

  it("does not parse a file whose mtime changed but whose bytes did not", () => {
    const db = connect();
    run(db);
    const file = path.join(articles, "2025-03-04-us-tariff.md");
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(run(db)).toMatchObject({ read: 1, extracted: 0 });
    expect(run(db)).toMatchObject({ read: 0 });
  });

  it("removes a deleted file's rows, full-text rows included", () => {
    const db = connect();
    run(db);
    expect(search(db, "tariff")).toContain("2025-03-04-us-tariff");
    rmSync(path.join(articles, "2025-03-04-us-tariff.md"));
    expect(run(db)).toMatchObject({ deleted: 1 });
    expect(slugs(db)).not.toContain("2025-03-04-us-tariff");
    expect(db.prepare("SELECT count(*) FROM events WHERE article = '2025-03-04-us-tariff'").pluck().get()).toBe(0);
    expect(search(db, "tariff")).not.toContain("2025-03-04-us-tariff");
    expect(db.prepare("SELECT count(*) FROM events_fts").pluck().get()).toBe(countAllEvents(db));
    expect(db.prepare("SELECT count(*) FROM articles_fts").pluck().get()).toBe(countArticles(db));
  });

  it("follows a rename: the old slug goes, the new one comes", () => {
    const db = connect();
    run(db);
    renameSync(path.join(articles, "2025-03-04-us-tariff.md"), path.join(articles, "2025-03-05-tariff.md"));
    run(db);
    expect(slugs(db)).toEqual(["2016-11-30-canada-bom-crlf", "2024-08-07-china-adds-three-precursors", "2025-03-05-tariff"]);
    expect(db.prepare("SELECT count(*) FROM events WHERE article = '2025-03-05-tariff'").pluck().get()).toBeGreaterThan(0);
  });

  it("keeps the first of two files with one name and promotes the other when it goes", () => {
    const db = connect();
    mkdirSync(path.join(articles, "more"));
    writeFileSync(path.join(articles, "more", "2025-03-04-us-tariff.md"), article("Second copy", "2025-03-04", "A copy published on March 4, 2025."));
    run(db);
    expect(fileIssues(db).map((i) => [i.file, i.kind])).toEqual([["more/2025-03-04-us-tariff.md", "duplicate-slug"]]);
    expect(fileIssues(db)[0].message).toContain("2025-03-04-us-tariff.md");
    expect(db.prepare("SELECT title FROM articles WHERE slug = '2025-03-04-us-tariff'").pluck().get()).toBe("US raises tariff");
    rmSync(path.join(articles, "2025-03-04-us-tariff.md"));
    run(db);
    expect(db.prepare("SELECT title FROM articles WHERE slug = '2025-03-04-us-tariff'").pluck().get()).toBe("Second copy");
    expect(fileIssues(db)).toEqual([]);
  });

  it("stores the problems of a broken file and forgets them when it is fixed", () => {
    const db = connect();
    copyFileSync(path.join(fixtures, "broken", "impossible-date.md"), path.join(articles, "broken.md"));
    run(db);
    const issues = fileIssues(db);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatchObject({ kind: "impossible-date", file: "broken.md", field: "date", severity: "error" });
    writeFileSync(path.join(articles, "broken.md"), article("Fixed", "2024-01-02", "Fixed on January 2, 2024."));
    run(db);
    expect(fileIssues(db)).toEqual([]);
    expect(slugs(db)).toContain("broken");
  });

  it("reads a file with problems again after the migration that gives problems their kind", () => {
    const db1 = connect();
    copyFileSync(path.join(fixtures, "broken", "impossible-date.md"), path.join(articles, "broken.md"));
    run(db1);
    db1.exec(UNDO_VERSION_8);
    db1.exec("DROP TABLE entry_names; DROP TABLE co_named; DROP INDEX timeline_sources_entry_of; DROP INDEX timeline_entries_type_of; DROP INDEX statistics_enforcement_figures; DROP INDEX articles_slug_date; DROP INDEX timeline_entries_order;");
    db1.exec("ALTER TABLE content_issues DROP COLUMN kind; DROP TABLE flags;");
    db1.pragma("user_version = 4");
    db1.close();
    const { db } = openDatabase(dbFile, { quiet: true });
    open.push(db);
    expect(db.prepare("SELECT path FROM files WHERE hash = ''").pluck().all()).toContain("broken.md");
    run(db);
    expect(fileIssues(db).map((i) => i.kind)).toContain("impossible-date");
  });

  it("adds the chemicals and organisations only the text knows, described as the newest article names them", () => {
    const db = connect();
    writeFileSync(path.join(articles, "2020-01-01-old.md"), article("Old", "2020-01-01", "An unnamed chemical, CAS 7732-18-5, was seized. The Border Patrol Agency said so."));
    writeFileSync(path.join(articles, "2026-01-01-new.md"), article("New", "2026-01-01", "Ocfentanil was found. The Border Patrol Agency (BPA) said so."));
    run(db);
    const chemical = (id: string) => db.prepare("SELECT name, registered, article_count FROM chemicals WHERE id = ?").get(id);
    expect(chemical("cas-7732-18-5")).toEqual({ name: "7732-18-5", registered: 0, article_count: 1 });
    expect(chemical("ocfentanil")).toMatchObject({ registered: 0, article_count: 1 });
    const agency = db.prepare("SELECT name, kind, type, registered, article_count FROM actors WHERE name LIKE 'Border Patrol Agency%'").all();
    expect(agency).toEqual([{ name: "Border Patrol Agency", kind: "organization", type: "government-body", registered: 0, article_count: 2 }]);
    // Registry entries keep the registry's description.
    expect(db.prepare("SELECT registered FROM chemicals WHERE id = '4-anpp'").pluck().get()).toBe(1);
  });

  it("regroups every entry when the derived tables are stale, leaving no dispute of an old entry, the foreign keys on again", () => {
    const db = connect();
    writeFileSync(path.join(articles, "2025-06-01-a.md"), article("A", "2025-06-01", "China placed xylazine under national control on May 30, 2025."));
    writeFileSync(path.join(articles, "2025-06-20-b.md"), article("B", "2025-06-20", "China placed xylazine under national control on June 12, 2025."));
    run(db, { groupTimeline });
    const disputes = () => db.prepare("SELECT id, entry FROM flags WHERE entry IS NOT NULL ORDER BY id").all();
    const before = disputes();
    expect(before.length).toBeGreaterThan(0);
    // Entries and their disputes from an older grouping, which a full regroup must not keep.
    db.pragma("foreign_keys = OFF");
    db.exec("UPDATE timeline_entries SET id = 'old-' || id; UPDATE timeline_sources SET entry = 'old-' || entry; UPDATE entry_names SET entry = 'old-' || entry; UPDATE flags SET id = 'old-' || id, entry = 'old-' || entry WHERE entry IS NOT NULL;");
    db.pragma("foreign_keys = ON");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM flags WHERE entry LIKE 'old-%'").pluck().get()).toBe(before.length);
    // As a migration that adds a derived table leaves it: every entry to group again, no article to read.
    db.prepare("UPDATE meta SET value = 'stale' WHERE key = 'derived'").run();
    expect(run(db, { groupTimeline })).toMatchObject({ read: 0, changed: true });
    expect(disputes()).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM timeline_entries WHERE id LIKE 'old-%'").pluck().get()).toBe(0);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("foreign_key_check")).toEqual([]);
  });

  it("extracts every article again when the registries change", () => {
    const db = connect();
    run(db);
    const withoutChina = { ...registries, actors: { ...registries.actors, organizations: registries.actors.organizations.filter((o) => o.id !== "china") } };
    expect(db.prepare("SELECT registered FROM actors WHERE id = 'china'").pluck().get()).toBe(1);
    const r = run(db, { registries: withoutChina, registryHash: "r2" });
    expect(r).toMatchObject({ read: 3, extracted: 3 });
    expect(getMeta(db, "registry_hash")).toBe("r2");
    expect(db.prepare("SELECT registered FROM actors WHERE id = 'china'").pluck().get()).not.toBe(1);
  });

  it("keeps what each timeline entry names and which entities share articles in step through changes and deletions", () => {
    const db = connect();
    // What entry_names and co_named should hold, worked out from the rows they summarise.
    const names = () => db.prepare("SELECT kind, name, entry, type, date FROM entry_names ORDER BY 1, 2, 3").all();
    const scanNames = () =>
      db
        .prepare(
          `SELECT DISTINCT n.kind, n.name, t.id AS entry, t.type, t.date FROM timeline_entries t JOIN timeline_sources s ON s.entry = t.id
           JOIN (SELECT event, 'actor' AS kind, actor AS name FROM event_actors UNION ALL SELECT event, 'chemical', chemical FROM event_chemicals) n ON n.event = s.event ORDER BY 1, 2, 3`,
        )
        .all();
    const shared = () => db.prepare("SELECT chemical, actor, articles FROM co_named ORDER BY 1, 2").all();
    const scanShared = () =>
      db
        .prepare(
          `SELECT c.chemical, a.actor, count(DISTINCT c.article) AS articles FROM chemical_mentions c
           JOIN (SELECT article, actor FROM actor_mentions UNION ALL SELECT article, official FROM officials) a ON a.article = c.article GROUP BY 1, 2 ORDER BY 1, 2`,
        )
        .all();
    const check = () => {
      expect(names().length).toBeGreaterThan(0);
      expect(names()).toEqual(scanNames());
      expect(shared().length).toBeGreaterThan(0);
      expect(shared()).toEqual(scanShared());
    };
    run(db, { groupTimeline });
    check();
    writeFileSync(path.join(articles, "2025-03-04-us-tariff.md"), article("US tariff on Mexico", "2025-03-04", "Mexico and China agreed on March 4, 2025 to control 4-ANPP, the Justice Department said."));
    run(db, { groupTimeline });
    check();
    rmSync(path.join(articles, "2024-08-07-china-adds-three-precursors.md"));
    run(db, { groupTimeline });
    check();
  });

  it("writes the same rows when worker threads extract and group the timeline", async () => {
    writeSyntheticCorpus(articles, PARALLEL_MIN_FILES + 26, 3);
    const files = listArticleFiles(articles).files;
    const options = { files, registries, registryHash: "r1", version: "v1", groupTimeline, batchSize: 16 };
    const inThread = connect();
    expect(ingest(inThread, options)).toMatchObject({ extracted: files.length });
    dbFile = path.join(tmp, "cache", "parallel.sqlite");
    const parallel = connect();
    let batches = 0;
    const result = await ingestParallel(parallel, { ...options, onBatch: () => batches++ }, 2);
    expect(result).toMatchObject({ read: files.length, extracted: files.length, deleted: 0, changed: true, timelineGroupedInWorkers: true });
    expect(batches).toBe(Math.ceil(files.length / 16));
    const all = (db: Db) => ({
      ...dump(db),
      entries: db.prepare("SELECT * FROM timeline_entries ORDER BY id").all(),
      sources: db.prepare("SELECT * FROM timeline_sources ORDER BY entry, position").all(),
      names: db.prepare("SELECT * FROM entry_names ORDER BY 1, 2, 3").all(),
      flags: db.prepare("SELECT * FROM flags ORDER BY id").all(),
    });
    expect(all(parallel).flags.some((f) => (f as { entry: string | null }).entry !== null)).toBe(true);
    expect(all(parallel)).toEqual(all(inThread));
    // And again: nothing to read.
    expect(await ingestParallel(parallel, options, 2)).toMatchObject({ read: 0, extracted: 0, changed: false });
  }, 120_000);

  describe("a first ingest of many files (a bulk load)", () => {
    const indexes = (db: Db) => db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").all();
    const all = (db: Db) => ({ ...dump(db), entries: db.prepare("SELECT * FROM timeline_entries ORDER BY id").all(), names: db.prepare("SELECT * FROM entry_names ORDER BY 1, 2, 3").all(), flags: db.prepare("SELECT * FROM flags ORDER BY id").all() });
    /** The same folder ingested by a run that keeps every index throughout. */
    function keptIndexes(): Db {
      const db = openDatabase(path.join(tmp, "kept.sqlite"), { quiet: true }).db;
      open.push(db);
      run(db, { groupTimeline, bulkMinFiles: Infinity });
      return db;
    }

    it("writes the same rows and ends with the same indexes as one that keeps them", () => {
      writeSyntheticCorpus(articles, 40, 5);
      const db = connect();
      let during: unknown[] = [];
      run(db, { groupTimeline, bulkMinFiles: 10, onBatch: () => (during = indexes(db)) });
      const kept = keptIndexes();
      // While it loaded, the indexes that begin with a chemical, date or type were gone.
      expect(during.length).toBeLessThan(indexes(kept).length);
      expect(during).toContainEqual(expect.objectContaining({ name: "events_article" }));
      expect(during).not.toContainEqual(expect.objectContaining({ name: "events_type" }));
      expect(indexes(db)).toEqual(indexes(kept));
      expect(getMeta(db, "dropped_indexes")).toBeUndefined();
      expect(all(db)).toEqual(all(kept));
    });

    it("carries on when killed between two batches, and builds the indexes when it ends", () => {
      writeSyntheticCorpus(articles, 40, 5);
      const db = connect();
      const killAt = (at: number) => (done: number) => {
        if (done === at) throw new Error("killed");
      };
      expect(() => run(db, { groupTimeline, bulkMinFiles: 10, batchSize: 5, onBatch: killAt(15) })).toThrow("killed");
      db.close();
      const reopened = connect();
      expect(countArticles(reopened)).toBe(15);
      expect(getMeta(reopened, "dropped_indexes")).toBeDefined();
      // Killed again: the record of what to build survives a second cut.
      expect(() => run(reopened, { groupTimeline, bulkMinFiles: 10, batchSize: 5, onBatch: killAt(10) })).toThrow("killed");
      expect(run(reopened, { groupTimeline, bulkMinFiles: 10 })).toMatchObject({ read: files(articles) - 25, extracted: files(articles) - 25 });
      expect(getMeta(reopened, "dropped_indexes")).toBeUndefined();
      const kept = keptIndexes();
      expect(indexes(reopened)).toEqual(indexes(kept));
      expect(all(reopened)).toEqual(all(kept));
    });

    it("builds the indexes before anything else when a killed load is followed by a change to a loaded file", () => {
      writeSyntheticCorpus(articles, 40, 5);
      const db = connect();
      expect(() =>
        run(db, {
          groupTimeline,
          bulkMinFiles: 10,
          batchSize: 5,
          onBatch: (done) => {
            if (done === 10) throw new Error("killed");
          },
        }),
      ).toThrow("killed");
      const loaded = db.prepare("SELECT file FROM articles ORDER BY slug LIMIT 1").pluck().get() as string;
      writeFileSync(path.join(articles, loaded), article("Changed after the cut", "2024-05-06", "China added two precursors to its control list on May 6, 2024."));
      run(db, { groupTimeline, bulkMinFiles: 10 });
      expect(getMeta(db, "dropped_indexes")).toBeUndefined();
      const kept = keptIndexes();
      expect(indexes(db)).toEqual(indexes(kept));
      expect(all(db)).toEqual(all(kept));
    });
  });

  it("carries on after an ingest killed between two batches", () => {
    const db = connect();
    expect(() =>
      run(db, {
        batchSize: 1,
        onBatch: (done) => {
          if (done === 2) throw new Error("killed");
        },
      }),
    ).toThrow("killed");
    db.close();
    // What was committed is consistent; the derived tables are marked stale.
    const reopened = connect();
    expect(countArticles(reopened)).toBe(2);
    expect(getMeta(reopened, "derived")).toBe("stale");
    expect(run(reopened)).toMatchObject({ read: 1, extracted: 1 });
    expect(getMeta(reopened, "derived")).toBe("fresh");

    // The same as an ingest that was never interrupted.
    const clean = openDatabase(path.join(tmp, "clean.sqlite"), { quiet: true }).db;
    open.push(clean);
    run(clean);
    expect(dump(reopened)).toEqual(dump(clean));
  });

  it("loses nothing to a transaction abandoned midway (the process died inside it)", () => {
    const db = connect();
    run(db);
    const before = dump(db);
    db.close();
    // A second connection starts a write and is dropped without committing.
    const writer = new Database(dbFile);
    writer.exec("BEGIN; DELETE FROM event_actors; DELETE FROM event_chemicals; DELETE FROM events; UPDATE articles SET title = 'half-written';");
    writer.close();
    const reopened = connect();
    expect(dump(reopened)).toEqual(before);
    expect(run(reopened)).toMatchObject({ read: 0, changed: false });
  });
});

describe("opening a database", () => {
  it("creates the schema at the current version", () => {
    const db = connect();
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
  });

  it("rebuilds a database without a schema version (an older layout) instead of misreading it", () => {
    mkdirSync(path.dirname(dbFile), { recursive: true });
    const old = new Database(dbFile);
    old.exec("CREATE TABLE articles (slug TEXT, digest TEXT); INSERT INTO articles VALUES ('x', '{}');");
    old.close();
    const { db, messages } = openDatabase(dbFile, { quiet: true });
    open.push(db);
    expect(messages.join(" ")).toMatch(/no schema version.*rebuilding/);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(countArticles(db)).toBe(0);
    run(db);
    expect(countArticles(db)).toBe(3);
  });

  it("migrates a database of schema version 1, and re-reads the articles whose rows the migration cannot fill", () => {
    mkdirSync(path.dirname(dbFile), { recursive: true });
    const v1 = new Database(dbFile);
    v1.exec(MIGRATIONS[0].sql);
    v1.exec("PRAGMA user_version = 1; INSERT INTO files (path, sort_key, mtime_ms, size, hash, slug) VALUES ('gone.md', 'gone.md', 1, 1, 'abc', 'gone');");
    v1.close();
    const { db, messages } = openDatabase(dbFile, { quiet: true });
    open.push(db);
    expect(messages).toEqual([`migrating ${dbFile} from schema version 1 to ${SCHEMA_VERSION}.`]);
    expect(SCHEMA_VERSION).toBe(9);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT hash FROM files WHERE path = 'gone.md'").pluck().get()).toBe("");
    expect(run(db)).toMatchObject({ extracted: 3, deleted: 1 });
    const columns = (db.prepare("PRAGMA table_info(statistics)").all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(["event", "enforcement_measure", "enforcement_value"]));
  });

  it("records the corpus totals with each ingest that changes anything, for the generation they were counted at", () => {
    const db = connect();
    run(db, { groupTimeline });
    const recorded = () => JSON.parse(getMeta(db, "totals")!) as { generation: string; totals: unknown };
    expect(recorded().generation).toBe(getMeta(db, "generation"));
    expect(corpusTotals(db)).toEqual(countTotals(db));
    expect(countTotals(db)).toMatchObject({ articles: countArticles(db) });
    writeFileSync(path.join(articles, "later.md"), article("Later", "2031-05-06", "China announced controls on 4-AP on May 6, 2031."));
    run(db, { groupTimeline });
    expect(recorded().totals).toMatchObject({ articles: countArticles(db), lastDate: "2031-05-06" });
    expect(corpusTotals(db)).toEqual(countTotals(db));
    // Totals of another generation are not shown: they are counted again.
    db.prepare("DELETE FROM articles WHERE slug = 'later'").run();
    db.prepare("UPDATE meta SET value = value + 1 WHERE key = 'generation'").run();
    expect(corpusTotals(db)).toEqual(countTotals(db));
    expect(corpusTotals(db)).not.toEqual(recorded().totals);
  });

  it("migrates a database of schema version 8 to the derived article groups, which each ingest keeps in step", () => {
    const grouped = (db: Db) =>
      db.prepare("SELECT substr(date, 1, 7) AS month, main_jurisdiction AS jurisdiction, main_chemical AS chemical, count(*) AS articles, min(date) AS first, max(date) AS last FROM articles GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").all();
    const derived = (db: Db) => db.prepare("SELECT month, jurisdiction, chemical, articles, first, last FROM article_volume ORDER BY 1, 2, 3").all();
    const db1 = connect();
    run(db1);
    db1.exec("DROP TABLE article_volume; DELETE FROM meta WHERE key = 'totals'");
    db1.pragma("user_version = 8");
    db1.close();
    const { db, messages } = openDatabase(dbFile, { quiet: true });
    open.push(db);
    expect(messages).toEqual([`migrating ${dbFile} from schema version 8 to ${SCHEMA_VERSION}.`]);
    expect(derived(db).length).toBeGreaterThan(0);
    expect(derived(db)).toEqual(grouped(db));
    expect(JSON.parse(getMeta(db, "totals")!)).toEqual({ generation: getMeta(db, "generation"), totals: countTotals(db) });
    writeFileSync(path.join(articles, "later.md"), article("Later", "2031-05-06", "China announced controls on 4-AP on May 6, 2031."));
    run(db);
    expect(derived(db)).toEqual(grouped(db));
    expect(derived(db).some((g) => (g as { month: string }).month === "2031-05")).toBe(true);
    rmSync(path.join(articles, "later.md"));
    run(db);
    expect(derived(db)).toEqual(grouped(db));
    expect(derived(db).some((g) => (g as { month: string }).month === "2031-05")).toBe(false);
  });

  it("migrates a database of schema version 2 and derives the counts the new columns hold", () => {
    const db1 = connect();
    run(db1, { groupTimeline });
    const counted = () => open[open.length - 1].prepare("SELECT count(*) FROM chemicals WHERE entry_count > 0").pluck().get() as number;
    const expected = counted();
    expect(expected).toBeGreaterThan(0);
    // Take the database back to version 2: the columns, tables and indexes of versions 3 to 8 gone.
    db1.exec(UNDO_VERSION_8);
    db1.exec("DROP TABLE entry_names; DROP TABLE co_named; DROP INDEX timeline_sources_entry_of; DROP INDEX timeline_entries_type_of; DROP INDEX statistics_enforcement_figures; DROP INDEX articles_slug_date; DROP INDEX timeline_entries_order;");
    db1.exec(
      "ALTER TABLE chemicals DROP COLUMN entry_count; ALTER TABLE actors DROP COLUMN entry_count; ALTER TABLE statistics DROP COLUMN figure_date; DROP TABLE event_types; ALTER TABLE content_issues DROP COLUMN kind; DROP TABLE flags;",
    );
    db1.pragma("user_version = 2");
    db1.close();
    const { db, messages } = openDatabase(dbFile, { quiet: true });
    open.push(db);
    expect(messages).toEqual([`migrating ${dbFile} from schema version 2 to ${SCHEMA_VERSION}.`]);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(counted()).toBe(0);
    expect(getMeta(db, "derived")).toBe("stale");
    // Nothing changed in the folder, yet the next load derives the counts again (and, for
    // version 4's figure dates, reads every article again).
    expect(run(db, { groupTimeline })).toMatchObject({ changed: true });
    expect(counted()).toBe(expected);
  });

  it("rebuilds a database written by a newer build", () => {
    mkdirSync(path.dirname(dbFile), { recursive: true });
    const newer = new Database(dbFile);
    newer.exec("CREATE TABLE future (x); PRAGMA user_version = 999;");
    newer.close();
    const { db, messages } = openDatabase(dbFile, { quiet: true });
    open.push(db);
    expect(messages.join(" ")).toMatch(/newer build \(schema version 999/);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
  });

  it("moves a corrupt file aside, says so, and rebuilds", () => {
    const db = connect();
    run(db);
    db.close();
    writeFileSync(dbFile, Buffer.concat([Buffer.from("this is not a database "), readFileSync(dbFile).subarray(0, 5000)]));
    const { db: rebuilt, messages } = openDatabase(dbFile, { quiet: true });
    open.push(rebuilt);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/could not be read .*moved it to .*\.corrupt-.*rebuilding/);
    const aside = /moved it to (\S+) and/.exec(messages[0])![1];
    expect(readFileSync(aside).subarray(0, 23).toString()).toBe("this is not a database ");
    expect(run(rebuilt)).toMatchObject({ extracted: 3 });
  });
});
