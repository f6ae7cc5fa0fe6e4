/**
 * Opening the database: WAL mode, foreign keys, migrations by `PRAGMA user_version`.
 * The database is a cache of the articles folder, so whatever cannot be read safely is
 * rebuilt from the articles: a corrupt file is moved aside (kept for inspection) and a
 * file from a newer or unknown layout is replaced, each with a message on stderr.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Registries } from "../extract/context";
import { MIGRATIONS, SCHEMA_VERSION } from "./migrations";

export type Db = Database.Database;

export interface OpenedDatabase {
  db: Db;
  file: string;
  /** What happened on the way (moved aside, rebuilt, migrated): also written to stderr. */
  messages: string[];
}

/**
 * Page cache per connection (KiB): what serving pages needs. A 1 GB cache during large
 * ingests was tried and dropped: at 20,000 articles it changed nothing (175.4 s against
 * 169.3 s with this one), and the server kept the memory after its cold start (1.4 GB).
 */
export const CACHE_KIB = 32_000;

function configure(db: Db): void {
  db.pragma("journal_mode = WAL");
  // NORMAL in WAL mode: a power cut may lose the last transactions, never consistency;
  // the next ingest reads those files again.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.pragma(`cache_size = -${CACHE_KIB}`);
}

function tableCount(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number }).n;
}

function migrate(db: Db, from: number): void {
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

function moveAside(file: string): string {
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  return aside;
}

/**
 * A second, read-only connection to a database `openDatabase` opened: a worker thread's
 * (see lib/extract/pool.ts). In WAL mode it reads the last committed state while the
 * first connection writes.
 */
export function openReadOnly(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma(`cache_size = -${CACHE_KIB}`);
  return db;
}

/** Opens (creating, migrating or rebuilding as needed) the database at `file`. */
export function openDatabase(file: string, options: { quiet?: boolean } = {}): OpenedDatabase {
  const messages: string[] = [];
  const say = (message: string) => {
    messages.push(message);
    if (!options.quiet) process.stderr.write(`Precursor Watch: ${message}\n`);
  };
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });

  for (let attempt = 0; ; attempt++) {
    let db: Db | undefined;
    try {
      db = new Database(file);
      configure(db);
      const version = db.pragma("user_version", { simple: true }) as number;
      if (version > SCHEMA_VERSION || (version === 0 && tableCount(db) > 0)) {
        db.close();
        db = undefined;
        say(`${file} was written by ${version > SCHEMA_VERSION ? `a newer build (schema version ${version}, this build knows ${SCHEMA_VERSION})` : "something else (no schema version)"}; rebuilding it from the articles.`);
        removeDatabase(file);
        continue;
      }
      if (version < SCHEMA_VERSION) {
        if (version > 0) say(`migrating ${file} from schema version ${version} to ${SCHEMA_VERSION}.`);
        migrate(db, version);
      }
      return { db, file, messages };
    } catch (error) {
      db?.close();
      if (attempt > 0 || file === ":memory:") throw error;
      const aside = moveAside(file);
      say(`${file} could not be read (${(error as Error).message}); moved it to ${aside} and rebuilding from the articles.`);
    }
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The indexes of the tables that have CREATE statements (not those of primary keys and UNIQUE), by name. */
function secondaryIndexes(db: Db, tables: readonly string[]): { name: string; sql: string }[] {
  return db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY name`)
    .all(JSON.stringify(tables)) as { name: string; sql: string }[];
}

function dropIndex(db: Db, name: string): void {
  db.exec(`DROP INDEX ${quoted(name)}`);
}

/**
 * Runs `work` with the tables' secondary indexes dropped, then builds them again from
 * their own CREATE statements (as sqlite_schema keeps them). For writing a whole table
 * anew: SQLite builds an index from sorted rows far faster than it keeps one up to date
 * through a million random inserts. Call it inside a transaction, so that a run cut short
 * leaves the indexes as they were.
 */
export function withoutIndexes<T>(db: Db, tables: readonly string[], work: () => T): T {
  if (!db.inTransaction) throw new Error("withoutIndexes must run inside a transaction");
  const indexes = secondaryIndexes(db, tables);
  for (const { name } of indexes) dropIndex(db, name);
  const result = work();
  for (const { sql } of indexes) db.exec(sql);
  return result;
}

/**
 * The tables an ingest writes an article's rows to. Their secondary indexes are dropped for
 * a bulk load (see `dropIndexesForBulkLoad`).
 */
const RECORD_TABLES = ["files", "articles", "chemical_mentions", "actor_mentions", "officials", "dates", "statistics", "quotes", "events", "event_actors", "event_chemicals", "flags", "content_issues"];

/** Columns whose order is the order a bulk load writes rows in (articles by slug). */
const LOAD_ORDER_COLUMNS = new Set(["slug", "article", "path", "file"]);

/** Where a bulk load keeps the CREATE statements of the indexes it dropped. */
const DROPPED_INDEXES = "dropped_indexes";

/**
 * Drops the record tables' secondary indexes that a load of many articles, written in
 * slug order, would update at random places: those that begin with anything but the
 * article (a chemical, a date, a type). Keeping them up to date cost more per article the
 * larger they grew (2.2 ms of writing per article at 3,000 articles, 5 ms at 100,000);
 * `restoreDroppedIndexes` builds each from sorted rows at the end. Their CREATE statements
 * are kept in `meta` in the same transaction, so an ingest cut short leaves a record of
 * what to build: the next one builds them (or carries on loading, and builds them then).
 * Indexes change the speed of a query, never its answer.
 */
export function dropIndexesForBulkLoad(db: Db): void {
  db.transaction(() => {
    const dropped = secondaryIndexes(db, RECORD_TABLES).filter(({ name }) => {
      const first = (db.pragma(`index_info(${quoted(name)})`) as { name: string | null }[])[0]?.name;
      return !(first && LOAD_ORDER_COLUMNS.has(first));
    });
    for (const { name } of dropped) dropIndex(db, name);
    setMeta(db, DROPPED_INDEXES, JSON.stringify([...JSON.parse(getMeta(db, DROPPED_INDEXES) ?? "[]"), ...dropped.map((i) => i.sql)]));
  })();
}

/** True while a bulk load's dropped indexes wait to be built. */
export function hasDroppedIndexes(db: Db): boolean {
  return getMeta(db, DROPPED_INDEXES) !== undefined;
}

/** Builds the indexes a bulk load dropped (nothing when none were); inside the caller's transaction, if any. */
export function restoreDroppedIndexes(db: Db): void {
  const kept = getMeta(db, DROPPED_INDEXES);
  if (kept === undefined) return;
  const run = () => {
    for (const sql of JSON.parse(kept) as string[]) db.exec(sql.replace(/^CREATE (UNIQUE )?INDEX /i, "CREATE $1INDEX IF NOT EXISTS "));
    db.prepare("DELETE FROM meta WHERE key = ?").run(DROPPED_INDEXES);
  };
  if (db.inTransaction) run();
  else db.transaction(run)();
}

export function getMeta(db: Db, key: string): string | undefined {
  return (db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
}

/**
 * Registries parsed with this build, as JSON, by the text they came from (see
 * RegistryMemory in lib/registry.ts): the start of a server reads them from here. A new
 * build parses them again, as its schemas may differ.
 */
export function recallRegistries(db: Db, key: string, version: string): Registries | undefined {
  if (getMeta(db, "registries_key") !== `${version} ${key}`) return undefined;
  const json = getMeta(db, "registries");
  return json ? (JSON.parse(json) as Registries) : undefined;
}

export function rememberRegistries(db: Db, key: string, version: string, registries: Registries): void {
  db.transaction(() => {
    setMeta(db, "registries", JSON.stringify(registries));
    setMeta(db, "registries_key", `${version} ${key}`);
  })();
}

