/**
 * The database layout, as numbered migrations. `PRAGMA user_version` holds the number of
 * the last one applied. A database whose version is newer than this build knows, or whose
 * layout cannot be migrated, is rebuilt from the articles (it is a cache of them), never
 * read with the wrong layout.
 *
 * Names are plain on purpose: the file is meant to be opened with the sqlite3 shell,
 * Datasette, DuckDB or pandas. Dates are ISO text (YYYY, YYYY-MM or YYYY-MM-DD, as
 * precise as the source), one row per record, provenance columns on every record
 * (`article`, `sentence`, `offset_start`, `offset_end`: character offsets into the body).
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** Groups the articles as the article_volume table holds them (migration 9, and every derive). */
export const ARTICLE_VOLUME_SELECT = "SELECT substr(date, 1, 7), main_jurisdiction, main_chemical, count(*), min(date), max(date) FROM articles GROUP BY 1, 2, 3";

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "articles, records, events, timeline entries, content issues, full-text search",
    sql: `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Every article file listed in the folder, with what was known of it when last read.
CREATE TABLE files (
  path TEXT PRIMARY KEY,            -- relative to the articles folder, forward slashes
  sort_key TEXT NOT NULL,           -- path in folder-walk order (the first of two files with one slug wins)
  mtime_ms REAL NOT NULL,
  size INTEGER NOT NULL,
  hash TEXT NOT NULL,               -- sha256 of the bytes
  slug TEXT                         -- set when the file holds a usable article
);
CREATE INDEX files_slug ON files(slug);

CREATE TABLE articles (
  slug TEXT PRIMARY KEY,
  file TEXT NOT NULL UNIQUE REFERENCES files(path) ON DELETE CASCADE,
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  source TEXT NOT NULL,
  url TEXT,
  tags TEXT NOT NULL,               -- JSON array of text
  body TEXT NOT NULL,
  body_line INTEGER NOT NULL,       -- file line where the body starts
  date_count INTEGER NOT NULL,
  main_jurisdiction TEXT,           -- the country or body the article names most
  main_chemical TEXT                -- the chemical the article names most
);
CREATE INDEX articles_date ON articles(date DESC, slug);

-- Chemicals and actors (organisations, countries and people): the registries' entries and
-- those found only in the text. Rebuilt after each ingest, with counts the lists show.
CREATE TABLE chemicals (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  cas TEXT,
  role TEXT,
  registered INTEGER NOT NULL,
  article_count INTEGER NOT NULL DEFAULT 0,
  event_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE actors (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,               -- organization | person
  type TEXT NOT NULL,               -- country, government-body, ..., or person
  registered INTEGER NOT NULL,
  country TEXT,                     -- actor id of its country
  jurisdiction INTEGER NOT NULL DEFAULT 0,
  article_count INTEGER NOT NULL DEFAULT 0,
  event_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE chemical_mentions (
  article TEXT NOT NULL REFERENCES articles(slug) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  chemical TEXT NOT NULL,
  name TEXT NOT NULL,
  cas TEXT,
  role TEXT,
  registered INTEGER NOT NULL,
  mention_count INTEGER NOT NULL,
  mentions TEXT NOT NULL,           -- JSON [{text, start, end, sentence}]
  sentence INTEGER NOT NULL,
  offset_start INTEGER NOT NULL,
  offset_end INTEGER NOT NULL,
  PRIMARY KEY (article, position)
);
CREATE INDEX chemical_mentions_chemical ON chemical_mentions(chemical, article);

CREATE TABLE actor_mentions (
  article TEXT NOT NULL REFERENCES articles(slug) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  actor TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  registered INTEGER NOT NULL,
  country TEXT,
  mention_count INTEGER NOT NULL,
  mentions TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  offset_start INTEGER NOT NULL,
  offset_end INTEGER NOT NULL,
  PRIMARY KEY (article, position)
);
CREATE INDEX actor_mentions_actor ON actor_mentions(actor, article);

CREATE TABLE officials (
  article TEXT NOT NULL REFERENCES articles(slug) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  official TEXT NOT NULL,           -- actor id of the person
  name TEXT NOT NULL,
  title TEXT,
  organization TEXT,
  organization_id TEXT,
  country TEXT,                     -- ISO code
  country_id TEXT,
  registered INTEGER NOT NULL,
  mention_count INTEGER NOT NULL,
  mentions TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  offset_start INTEGER NOT NULL,
  offset_end INTEGER NOT NULL,
  PRIMARY KEY (article, position)
);
CREATE INDEX officials_official ON officials(official, article);

CREATE TABLE dates (
  article TEXT NOT NULL REFERENCES articles(slug) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  date_start TEXT NOT NULL,
  date_end TEXT,
  precision TEXT NOT NULL,
  tense TEXT,
  sentence INTEGER NOT NULL,
  offset_start INTEGER NOT NULL,
  offset_end INTEGER NOT NULL,
  PRIMARY KEY (article, position)
);

CREATE TABLE statistics (
  article TEXT NOT NULL REFERENCES articles(slug) ON DELETE CASCADE,
  position INTEGER NOT NULL,        -- the index events refer to
  text TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  qualifier TEXT,
  measure TEXT,
  actor TEXT,
  period_start TEXT,
  period_end TEXT,
  sentence INTEGER NOT NULL,
  offset_start INTEGER NOT NULL,
  offset_end INTEGER NOT NULL,
  PRIMARY KEY (article, position)
);

CREATE TABLE quotes (
  article TEXT NOT NULL REFERENCES articles(slug) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  speaker TEXT,
  speaker_id TEXT,
  speaker_kind TEXT,
  sentence INTEGER NOT NULL,
  offset_start INTEGER NOT NULL,
  offset_end INTEGER NOT NULL,
  PRIMARY KEY (article, position)
);
CREATE INDEX quotes_speaker ON quotes(speaker_id);

CREATE TABLE events (
  id TEXT PRIMARY KEY,              -- article#sentence(.n)
  article TEXT NOT NULL REFERENCES articles(slug) ON DELETE CASCADE,
  position INTEGER NOT NULL,        -- order among the article's events
  date TEXT NOT NULL,
  date_end TEXT,
  precision TEXT NOT NULL,
  first_day TEXT NOT NULL,          -- first and last day the event may fall on (range filters)
  last_day TEXT NOT NULL,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  phase TEXT,
  tariff_layer TEXT,
  tariff_rate REAL,
  tariff_target TEXT,
  statistics TEXT NOT NULL,         -- JSON array of statistics.position of the same article
  sentence_text TEXT NOT NULL,
  trigger_text TEXT,
  trigger_start INTEGER,
  trigger_end INTEGER,
  sentence INTEGER NOT NULL,
  offset_start INTEGER NOT NULL,
  offset_end INTEGER NOT NULL
);
CREATE INDEX events_newest ON events(date DESC, article, sentence, position);
CREATE INDEX events_article ON events(article, sentence, position);
CREATE INDEX events_type ON events(type, date DESC);

-- Who and what each event names; role tells actors from officials (people).
CREATE TABLE event_actors (
  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  role TEXT NOT NULL,               -- actor | official
  position INTEGER NOT NULL,
  actor TEXT NOT NULL,
  PRIMARY KEY (event, role, position)
);
CREATE INDEX event_actors_actor ON event_actors(actor, event);
CREATE TABLE event_chemicals (
  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  chemical TEXT NOT NULL,
  PRIMARY KEY (event, position)
);
CREATE INDEX event_chemicals_chemical ON event_chemicals(chemical, event);

-- The timeline: one entry per real-world event, whatever number of articles report it.
CREATE TABLE timeline_entries (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  date_end TEXT,
  precision TEXT NOT NULL,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  phase TEXT,
  tariff_layer TEXT,
  tariff_rate REAL,
  tariff_target TEXT,
  summary TEXT NOT NULL,
  actors TEXT NOT NULL,             -- JSON arrays of ids
  officials TEXT NOT NULL,
  chemicals TEXT NOT NULL,
  disputed_with TEXT NOT NULL
);
CREATE INDEX timeline_entries_date ON timeline_entries(date DESC);
CREATE TABLE timeline_sources (
  entry TEXT NOT NULL REFERENCES timeline_entries(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  article TEXT NOT NULL REFERENCES articles(slug) ON DELETE CASCADE,
  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  sentence_text TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  offset_start INTEGER NOT NULL,
  offset_end INTEGER NOT NULL,
  PRIMARY KEY (entry, position)
);
CREATE INDEX timeline_sources_event ON timeline_sources(event);

-- Problems found in article files (as npm run check lists them). Registry and folder
-- problems are found on every load and are not stored.
CREATE TABLE content_issues (
  file TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  line INTEGER NOT NULL,
  field TEXT NOT NULL,
  message TEXT NOT NULL,
  severity TEXT NOT NULL,
  PRIMARY KEY (file, position)
);

-- Full-text search (FTS5), kept in step with the rows they index by rowid:
-- events_fts.rowid = events.rowid, articles_fts.rowid = articles.rowid.
CREATE VIRTUAL TABLE events_fts USING fts5(sentence_text, names, title, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');
`,
  },
  {
    version: 2,
    description: "statistics: the event of the figure's sentence and its enforcement class, which charts read instead of working them out per request",
    // The class is worked out in code (lib/charts/figures.ts): every file is marked stale,
    // so the next ingest extracts and writes every article again.
    sql: `
ALTER TABLE statistics ADD COLUMN event TEXT;                -- id of the last event read from the same sentence, if any
ALTER TABLE statistics ADD COLUMN enforcement_measure TEXT;  -- seizures, arrests, prosecutions or deaths
ALTER TABLE statistics ADD COLUMN enforcement_value REAL;    -- the value in that measure's unit (kilograms, people, cases)
ALTER TABLE statistics ADD COLUMN tariff_rate INTEGER NOT NULL DEFAULT 0;  -- 1 for a tariff rate in percent
CREATE INDEX statistics_event ON statistics(event);
CREATE INDEX statistics_enforcement ON statistics(enforcement_measure) WHERE enforcement_measure IS NOT NULL;
CREATE INDEX statistics_tariff ON statistics(article) WHERE tariff_rate = 1;
UPDATE files SET hash = '';
`,
  },
  {
    version: 3,
    description: "timeline entries per chemical and actor, for the unfiltered filter counts",
    sql: `
ALTER TABLE chemicals ADD COLUMN entry_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN entry_count INTEGER NOT NULL DEFAULT 0;
-- The counts are derived: the next load derives them again.
UPDATE meta SET value = 'stale' WHERE key = 'derived';
`,
  },
  {
    version: 4,
    description: "statistics.figure_date (the date a figure speaks of) and event_types (events per type), so charts and the unfiltered counts need no join or scan of every event",
    sql: `
ALTER TABLE statistics ADD COLUMN figure_date TEXT;  -- its own period, else its sentence's event, else its article
CREATE TABLE event_types (type TEXT PRIMARY KEY, event_count INTEGER NOT NULL);
-- figure_date is worked out in code: every article is read again on the next load.
UPDATE files SET hash = '';
UPDATE meta SET value = 'stale' WHERE key = 'derived';
`,
  },
  {
    version: 5,
    description: "content_issues.kind: each problem's kind from the catalogue (lib/content/issues.ts)",
    sql: `
ALTER TABLE content_issues ADD COLUMN kind TEXT NOT NULL DEFAULT 'invalid-value';
-- The kind is known only by reading the file again: files with problems are read again on the next load.
UPDATE files SET hash = '' WHERE path IN (SELECT file FROM content_issues);
`,
  },
  {
    version: 6,
    description: "flags: warnings about what articles say (issue 14), written at ingest; disputes are tied to the timeline entry they were read from",
    sql: `
CREATE TABLE flags (
  id TEXT PRIMARY KEY,              -- article#sentence:kind(.n), or entry:article#sentence for disputes
  article TEXT NOT NULL REFERENCES articles(slug) ON DELETE CASCADE,
  position INTEGER NOT NULL,        -- order among the article's flags (disputes after the others)
  kind TEXT NOT NULL,               -- out-of-its-time | against-the-registry | disputed | out-of-order
  severity TEXT NOT NULL,           -- warning | notice
  text TEXT NOT NULL,               -- the flagged words
  sentence_text TEXT NOT NULL,
  message TEXT NOT NULL,
  reference TEXT,                   -- URL of the registry source, when there is one
  actors TEXT NOT NULL,             -- JSON arrays of ids
  chemicals TEXT NOT NULL,
  entry TEXT REFERENCES timeline_entries(id) ON DELETE CASCADE,  -- set for flags read from the timeline: regrouping replaces them
  sentence INTEGER NOT NULL,
  offset_start INTEGER NOT NULL,
  offset_end INTEGER NOT NULL
);
CREATE INDEX flags_article ON flags(article, sentence);
CREATE INDEX flags_kind ON flags(kind);
CREATE INDEX flags_entry ON flags(entry) WHERE entry IS NOT NULL;
-- Flags are computed when articles are extracted and entries grouped: read everything again.
UPDATE files SET hash = '';
UPDATE meta SET value = 'stale' WHERE key = 'derived';
`,
  },
  {
    version: 7,
    description: "entry_names (who and what each timeline entry names) and co_named (chemicals and actors named in the same articles), kept when written, so entity pages and filter counts read no join through every source event",
    // Only new tables and indexes, filled by the next load (derived is stale).
    sql: `
-- What each timeline entry names: the union of what its sources' events name (actors and
-- officials as 'actor', chemicals as 'chemical'), with the entry's type and date, so
-- "entries naming X" is one index range. Rewritten with the entries of a bucket.
CREATE TABLE entry_names (
  kind TEXT NOT NULL,               -- actor | chemical
  name TEXT NOT NULL,               -- actor or chemical id
  entry TEXT NOT NULL REFERENCES timeline_entries(id) ON DELETE CASCADE,
  type TEXT NOT NULL,               -- the entry's type
  date TEXT NOT NULL,               -- the entry's date
  PRIMARY KEY (kind, name, entry)
) WITHOUT ROWID;
CREATE INDEX entry_names_entry ON entry_names(entry);
CREATE INDEX entry_names_type ON entry_names(kind, type, name);
-- Chemicals and actors (organisations and people) named in the same articles, with how
-- many articles name both: the entity pages' related lists. Rebuilt with the entity tables.
CREATE TABLE co_named (
  chemical TEXT NOT NULL,
  actor TEXT NOT NULL,
  articles INTEGER NOT NULL,
  PRIMARY KEY (chemical, actor)
) WITHOUT ROWID;
CREATE INDEX co_named_actor ON co_named(actor, chemical);
-- From a source event to its entry and from an entry to its type without reading the rows.
CREATE INDEX timeline_sources_entry_of ON timeline_sources(event, entry);
CREATE INDEX timeline_entries_type_of ON timeline_entries(id, type);
-- The enforcement chart's figures and their articles' dates, read from indexes alone.
CREATE INDEX statistics_enforcement_figures ON statistics(enforcement_measure, figure_date, enforcement_value, article) WHERE enforcement_measure IS NOT NULL;
CREATE INDEX articles_slug_date ON articles(slug, date);
-- Timeline entries in the order every list shows them (lib/store/timeline.ts ENTRY_ORDER),
-- so a page of entries is read in order and the walk stops at its end.
CREATE INDEX timeline_entries_order ON timeline_entries(date DESC, coalesce(date_end, '') DESC, type, id);
UPDATE meta SET value = 'stale' WHERE key = 'derived';
`,
  },
  {
    version: 8,
    description: "articles_facts (an article's date, slug and main jurisdiction and chemical, read from the index alone); three indexes that others begin with dropped",
    // Only indexes: nothing is read again.
    sql: `
-- The news volume chart reads these four columns of every article. From the table, each
-- row is walked past its body to reach the last two (580 ms at 100,000 articles on the
-- overview's first request); from this index, not at all.
CREATE INDEX articles_facts ON articles(date DESC, slug, main_jurisdiction, main_chemical);
-- Each of these is the first columns of another index, which serves every query it served.
DROP INDEX articles_date;            -- articles_facts (date DESC, slug, ...)
DROP INDEX timeline_sources_event;   -- timeline_sources_entry_of (event, entry)
DROP INDEX timeline_entries_date;    -- timeline_entries_order (date DESC, ...)
`,
  },
  {
    version: 9,
    description: "article_volume: articles per month and main jurisdiction and chemical, derived with the entity tables; the totals recorded in meta",
    sql: `
-- What the news volume chart reads unfiltered, on the overview and /charts: grouped once per
-- ingest (deriveEntities in lib/store/write.ts) rather than on each page's first request
-- (0.15 s at 100,000 articles, on the first page a server serves).
CREATE TABLE article_volume (
  month TEXT NOT NULL,              -- YYYY-MM
  jurisdiction TEXT,                -- the articles' main jurisdiction (actors.id), if any
  chemical TEXT,                    -- the articles' main chemical (chemicals.id), if any
  articles INTEGER NOT NULL,
  first TEXT NOT NULL,              -- the earliest and latest article date of the group
  last TEXT NOT NULL
);
INSERT INTO article_volume (month, jurisdiction, chemical, articles, first, last)
  ${ARTICLE_VOLUME_SELECT};
-- The totals the overview shows, as recordTotals (lib/store/read.ts) writes them at each ingest.
INSERT INTO meta (key, value) SELECT 'totals', json_object(
  'generation', coalesce((SELECT value FROM meta WHERE key = 'generation'), '0'),
  'totals', json_object('articles', (SELECT count(*) FROM articles), 'timelineEntries', (SELECT count(*) FROM timeline_entries), 'flags', (SELECT count(*) FROM flags),
    'firstDate', (SELECT min(date) FROM articles), 'lastDate', (SELECT max(date) FROM articles)))
  WHERE true ON CONFLICT (key) DO UPDATE SET value = excluded.value;
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
