/**
 * The content model. zod schemas are the only source of types in Precursor Watch:
 * every type used across lib/, app/ and components/ is inferred from a schema here.
 */
import { z } from "zod";
import { isRealIsoDay } from "./dates";

// ---------------------------------------------------------------------------
// Calendar values

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const ISO_DAY_MESSAGE = "must be a real calendar date written YYYY-MM-DD";
/** "March 5, 2025" is written wrongly (an invalid value); "2025-02-31" is an impossible date. */
export const IsoDay = z
  .string({ error: ISO_DAY_MESSAGE })
  .regex(ISO_DAY, { message: ISO_DAY_MESSAGE, abort: true })
  .refine(isRealIsoDay, { message: ISO_DAY_MESSAGE, params: { kind: "impossible-date" } });
export type IsoDay = z.infer<typeof IsoDay>;

/** A date cut to its precision: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PartialIsoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD");
export type PartialIsoDate = z.infer<typeof PartialIsoDate>;

export const Precision = z.enum(["day", "month", "year"]);
export type Precision = z.infer<typeof Precision>;

/** Which way a sentence points in time from a date in it: it picks the year of "July 20". */
export const Tense = z.enum(["past", "future", "none"]);
export type Tense = z.infer<typeof Tense>;

// ---------------------------------------------------------------------------
// Articles

/** Frontmatter as written by users. Strict: an unknown key is reported (often a typo). */
export const ArticleFrontmatter = z.strictObject({
  title: z.string({ error: "must be text" }).trim().min(1, "must not be empty"),
  date: IsoDay,
  source: z.string({ error: "must be text" }).trim().min(1, "must not be empty"),
  // An empty `url:` is common in pasted frontmatter and means "no URL".
  url: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  ),
  tags: z.array(z.string({ error: "must be text" }).trim().min(1, "must not be empty"), { error: "must be a list such as [china, control]" }).optional(),
});
export type ArticleFrontmatter = z.infer<typeof ArticleFrontmatter>;

export const Article = z.object({
  slug: z.string().min(1),
  /** Path relative to the articles folder, with forward slashes. */
  file: z.string(),
  title: z.string(),
  date: IsoDay,
  source: z.string(),
  url: z.string().optional(),
  tags: z.array(z.string()),
  body: z.string(),
  /** 1-based line in the file where the body starts, so body offsets map to file lines. */
  bodyLine: z.number().int().positive(),
});
export type Article = z.infer<typeof Article>;

export const Severity = z.enum(["error", "warning"]);

/**
 * What is wrong with a content or registry file, as a catalogue: one kind per problem,
 * with its words and severity in one table (lib/content/issues.ts).
 */
export const ContentIssueKind = z.enum([
  // the file itself
  "unreadable",
  "broken-link",
  "outside-root",
  "too-large",
  "binary",
  "not-utf8",
  // frontmatter and YAML
  "no-frontmatter",
  "unclosed-frontmatter",
  "yaml-syntax",
  "not-a-mapping",
  "missing-field",
  "unknown-field",
  "invalid-value",
  "impossible-date",
  // the article as a whole
  "empty-body",
  "duplicate-slug",
  // the registries
  "missing-registry",
  "registry-invalid",
  "duplicate-id",
  "duplicate-name",
  "cas-check-digit",
  "dates-out-of-order",
  "unknown-reference",
]);
export type ContentIssueKind = z.infer<typeof ContentIssueKind>;

export const ContentIssue = z.object({
  kind: ContentIssueKind,
  /** Path as the user knows it (relative to the folder that was loaded). */
  file: z.string(),
  /** 1-based line; 1 when the problem concerns the whole file. */
  line: z.number().int().positive(),
  /** Field path such as `title`, `tags.2` or `(file)` for the whole file. */
  field: z.string(),
  message: z.string(),
  severity: Severity,
});
export type ContentIssue = z.infer<typeof ContentIssue>;

// ---------------------------------------------------------------------------
// Extracted records. Every record carries where it came from.

/** Character offsets into the article body, end exclusive: what every located thing has. */
export const TextRange = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextRange = z.infer<typeof TextRange>;

/** A mention: its text, where it stands, and the index (0-based) of its sentence. */
export const Span = TextRange.extend({
  text: z.string(),
  sentence: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof Span>;

export const Provenance = TextRange.extend({
  article: z.string(),
  sentence: z.number().int().nonnegative(),
});
export type Provenance = z.infer<typeof Provenance>;

/** Kinds of record an article page marks in the text. */
export const MarkKind = z.enum(["chemical", "official", "actor", "date", "statistic", "quote"]);
export type MarkKind = z.infer<typeof MarkKind>;

/** A record marked in the text, with the words its tooltip shows. */
export const Mark = TextRange.extend({ kind: MarkKind, label: z.string() });
export type Mark = z.infer<typeof Mark>;

/** A sentence of the body, as the article page anchors it (#s-<index>). */
export const SentenceRange = TextRange.extend({ index: z.number().int().nonnegative() });
export type SentenceRange = z.infer<typeof SentenceRange>;

export const ChemicalRole = z.enum(["opioid", "precursor", "pre-precursor", "reagent", "other-drug"]);
export type ChemicalRole = z.infer<typeof ChemicalRole>;

export const Chemical = z.object({
  /** Registry id, or a slug of the name when the chemical is not registered. */
  id: z.string(),
  name: z.string(),
  cas: z.string().optional(),
  role: ChemicalRole.optional(),
  registered: z.boolean(),
  mentions: z.array(Span).min(1),
  provenance: Provenance,
});
export type Chemical = z.infer<typeof Chemical>;

export const DateMention = z.object({
  text: z.string(),
  /** Start of the expression, cut to its precision. */
  start: PartialIsoDate,
  /** End of a range, cut to its precision; absent for single dates and open ranges. */
  end: PartialIsoDate.optional(),
  precision: Precision,
  /** past/future/present reading that picked the year for a day or month without one. */
  tense: Tense.optional(),
  provenance: Provenance,
});
export type DateMention = z.infer<typeof DateMention>;

export const ActorType = z.enum([
  "country",
  "government-body",
  "international-body",
  "court",
  "company",
  "other",
]);
export type ActorType = z.infer<typeof ActorType>;

export const Actor = z.object({
  /** Registry id, or a slug of the name for an organisation the registry does not know. */
  id: z.string(),
  name: z.string(),
  type: ActorType,
  registered: z.boolean(),
  /** Actor id of the country an organisation belongs to. */
  country: z.string().optional(),
  mentions: z.array(Span).min(1),
  provenance: Provenance,
});
export type Actor = z.infer<typeof Actor>;

export const Official = z.object({
  /** Registry id, or a slug of the full name. */
  id: z.string(),
  /** Full name without title or honorific. */
  name: z.string(),
  title: z.string().optional(),
  organization: z.string().optional(),
  organizationId: z.string().optional(),
  /** ISO 3166-1 alpha-2 code when known (CN, US, MX, ...). */
  country: z.string().optional(),
  countryId: z.string().optional(),
  registered: z.boolean(),
  mentions: z.array(Span).min(1),
  provenance: Provenance,
});
export type Official = z.infer<typeof Official>;

export const StatisticUnit = z.string(); // "%", "t", "kg", "g", "mg", "lb", ISO 4217 code, or "count"
export const Statistic = z.object({
  text: z.string(),
  value: z.number(),
  unit: StatisticUnit,
  qualifier: z.enum(["about", "more than", "less than", "at least", "at most", "up to", "exactly"]).optional(),
  /** What is measured: "overdose deaths", "suspects arrested", "tariff", ... */
  measure: z.string().optional(),
  actorId: z.string().optional(),
  period: z.object({ start: PartialIsoDate, end: PartialIsoDate.optional() }).optional(),
  provenance: Provenance,
});
export type Statistic = z.infer<typeof Statistic>;

export const Quote = z.object({
  text: z.string(),
  speaker: z.string().optional(),
  /** Official id or actor id of the speaker. */
  speakerId: z.string().optional(),
  speakerKind: z.enum(["official", "actor"]).optional(),
  provenance: Provenance,
});
export type Quote = z.infer<typeof Quote>;

export const EventType = z.enum([
  "control",
  "tariff",
  "sanction",
  "seizure",
  "arrest",
  "prosecution",
  "sentencing",
  "agreement",
  "meeting",
  "statement",
  "report",
  "other",
]);
export type EventType = z.infer<typeof EventType>;

/** "scheduled": the happening lies after the date of the article that reports it. */
export const EventStatus = z.enum(["past", "scheduled"]);
export type EventStatus = z.infer<typeof EventStatus>;

/**
 * For measures (controls, tariffs, sanctions): whether the date is the day the measure was
 * announced, decided or signed, or the day it takes effect. The two are separate events.
 */
export const EventPhase = z.enum(["announced", "effective"]);
export type EventPhase = z.infer<typeof EventPhase>;

/**
 * What a tariff event applies to. `layer` tells the fentanyl-related duty from the
 * reciprocal one (they moved apart in 2025); `rate` is the new rate in percent when the
 * sentence gives one; `target` the actor id of the country whose goods are taxed.
 */
export const TariffLayer = z.enum(["fentanyl", "reciprocal", "other"]);
export type TariffLayer = z.infer<typeof TariffLayer>;
export const TariffDetail = z.object({
  layer: TariffLayer,
  rate: z.number().nonnegative().optional(),
  target: z.string().optional(),
});
export type TariffDetail = z.infer<typeof TariffDetail>;

/** Where in its sentence the happening is stated: the verb or noun read as the event. */
export const Trigger = TextRange.extend({ text: z.string() });
export type Trigger = z.infer<typeof Trigger>;

export const Event = z.object({
  /** Stable id: `${article}#${sentence}`, then `.2`, `.3` for further events of one sentence. */
  id: z.string(),
  date: PartialIsoDate,
  end: PartialIsoDate.optional(),
  precision: Precision,
  type: EventType,
  status: EventStatus,
  phase: EventPhase.optional(),
  tariff: TariffDetail.optional(),
  /** Actor ids: named organisations and countries, and the countries of the officials and bodies that act. */
  actors: z.array(z.string()),
  officials: z.array(z.string()),
  chemicals: z.array(z.string()),
  /** Indexes into the article's statistics. */
  statistics: z.array(z.number().int()),
  /** The full text of the sentence the event was read from. */
  sentence: z.string(),
  trigger: Trigger.optional(),
  provenance: Provenance,
});
export type Event = z.infer<typeof Event>;

// ---------------------------------------------------------------------------
// The timeline: one entry per real-world event, however many articles report it.

export const TimelineSource = z.object({
  /** Article slug. */
  article: z.string(),
  /** Id of the article's event this source is. */
  event: z.string(),
  sentence: z.string(),
  provenance: Provenance,
});
export type TimelineSource = z.infer<typeof TimelineSource>;

/**
 * What an entry says of its event is what an event says, taken from its sources: the most
 * precise date they give, the union of what they name, and a status that is "scheduled"
 * only when every source reports the event ahead of its own date.
 */
export const TimelineEntry = Event.pick({ date: true, end: true, precision: true, type: true, status: true, phase: true, tariff: true, actors: true, officials: true, chemicals: true }).extend({
  /** Stable while its earliest source stays: `${date}-${type}-${first source event id}`. */
  id: z.string(),
  /** One line: the clearest source sentence. */
  summary: z.string(),
  sources: z.array(TimelineSource).min(1),
  /** Ids of entries that give another date for what is otherwise the same event. */
  disputedWith: z.array(z.string()),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Extraction = z.object({
  chemicals: z.array(Chemical),
  dates: z.array(DateMention),
  officials: z.array(Official),
  actors: z.array(Actor),
  statistics: z.array(Statistic),
  quotes: z.array(Quote),
  events: z.array(Event),
});
export type Extraction = z.infer<typeof Extraction>;

// ---------------------------------------------------------------------------
// Registries (content/registry/*.yaml)

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug such as 4-anpp");

export const ControlAction = z.strictObject({
  /** Actor id of the country or body that controls it: `united-states`, `china`, `un`, ... */
  jurisdiction: Id,
  instrument: z.string().min(1),
  announced: PartialIsoDate.optional(),
  effective: PartialIsoDate.optional(),
  /** URL of the source that states the action. */
  source: z.url(),
  note: z.string().optional(),
});
export type ControlAction = z.infer<typeof ControlAction>;

export const ChemicalEntry = z.strictObject({
  id: Id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  abbreviations: z.array(z.string().min(1)).default([]),
  systematic_names: z.array(z.string().min(1)).default([]),
  cas: z.string().regex(/^\d{2,7}-\d{2}-\d$/, "must look like 12345-67-8").optional(),
  role: ChemicalRole,
  description: z.string().optional(),
  controls: z.array(ControlAction).default([]),
});
export type ChemicalEntry = z.infer<typeof ChemicalEntry>;

export const ChemicalRegistry = z.strictObject({ chemicals: z.array(ChemicalEntry) });
export type ChemicalRegistry = z.infer<typeof ChemicalRegistry>;

export const TitleHeld = z.strictObject({
  title: z.string().min(1),
  /** Actor id of the organisation. */
  organization: Id.optional(),
  from: PartialIsoDate.optional(),
  to: PartialIsoDate.optional(),
});
export type TitleHeld = z.infer<typeof TitleHeld>;

export const OrganizationEntry = z.strictObject({
  id: Id,
  name: z.string().min(1),
  type: ActorType,
  aliases: z.array(z.string().min(1)).default([]),
  /** Actor id of the country it belongs to (for countries: omitted). */
  country: Id.optional(),
  /** ISO 3166-1 alpha-2 code, for countries. */
  iso: z.string().regex(/^[A-Z]{2}$/).optional(),
  /** Demonyms and adjectives that refer to a country: "Chinese", "Mexican". */
  adjectives: z.array(z.string().min(1)).default([]),
  parent: Id.optional(),
});
export type OrganizationEntry = z.infer<typeof OrganizationEntry>;

/**
 * A term of office: the title a person held from `start` to `end` (open while in office),
 * with the URL of the source that states it. What "out of its time" flags are read against.
 */
export const Term = z.strictObject({
  title: z.string().min(1),
  /** Actor id of the organisation or country. */
  organization: Id.optional(),
  start: PartialIsoDate,
  /** Absent while the person still holds the title. */
  end: PartialIsoDate.optional(),
  source: z.url(),
});
export type Term = z.infer<typeof Term>;

export const PersonEntry = z.strictObject({
  id: Id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** Actor id of the person's country. */
  country: Id.optional(),
  titles: z.array(TitleHeld).default([]),
  /** Terms of office with their dates, each sourced; only those a source dates. */
  terms: z.array(Term).default([]),
  source: z.url().optional(),
});
export type PersonEntry = z.infer<typeof PersonEntry>;

export const ActorRegistry = z.strictObject({
  organizations: z.array(OrganizationEntry),
  people: z.array(PersonEntry).default([]),
});
export type ActorRegistry = z.infer<typeof ActorRegistry>;

// ---------------------------------------------------------------------------
// Intake (lib/intake): a story read from a page, a feed item or text, before it is written.

/**
 * A story as read, before it becomes an article file. Nothing is invented: a field the
 * input does not give stays empty, and `problems` says why (the file then states it).
 */
export const Draft = z.object({
  title: z.string(),
  /** A real calendar day when the input gave one. */
  date: IsoDay.optional(),
  source: z.string().optional(),
  url: z.string().optional(),
  tags: z.array(z.string()).default([]),
  /** Markdown. */
  body: z.string(),
  /** What the input lacked or had wrong, by field: `date: not found in the page`. */
  problems: z.array(z.object({ field: z.enum(["title", "date", "source", "url", "body"]), message: z.string() })).default([]),
});
export type Draft = z.infer<typeof Draft>;

// Flags: warnings about the news (never errors in a file; they never remove an article).

/**
 * - `out-of-its-time`: a title or role that did not hold on the article's date.
 * - `against-the-registry`: a control the registry's control history contradicts.
 * - `disputed`: sources give different dates, or different values of one figure, for one event.
 * - `out-of-order`: something reported as past that is dated after the article.
 */
export const FlagKind = z.enum(["out-of-its-time", "against-the-registry", "disputed", "out-of-order"]);
export type FlagKind = z.infer<typeof FlagKind>;

/** `warning`: the article is likely wrong; `notice`: sources disagree, one of them is. */
export const FlagSeverity = z.enum(["warning", "notice"]);
export type FlagSeverity = z.infer<typeof FlagSeverity>;

export const Flag = z.object({
  /** Stable within its article: `${article}#${sentence}:${kind}` plus `.2`, `.3` for more. */
  id: z.string(),
  kind: FlagKind,
  severity: FlagSeverity,
  /** The flagged words (the title, the date) in the article body. */
  text: z.string(),
  /** The full sentence that holds them. */
  sentence: z.string(),
  /** Article slug, sentence index, and offsets of the flagged words. */
  provenance: Provenance,
  /** What is wrong and what the reference says, in plain words. */
  message: z.string(),
  /** URL of the reference (registry source), when there is one. */
  reference: z.string().optional(),
  /** Actor and chemical ids the flag concerns (for filters). */
  actors: z.array(z.string()),
  chemicals: z.array(z.string()),
  /** Timeline entry the flag was read from (disputes), recomputed when it is regrouped. */
  entry: z.string().optional(),
});
export type Flag = z.infer<typeof Flag>;
