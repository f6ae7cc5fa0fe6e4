/**
 * Events: the dated happenings an article reports (docs/EXTRACT.md, "Events").
 *
 * Per sentence:
 * 1. time expressions that can date a happening (time.ts: no datelines, no
 *    comparisons) and the words that state one (triggers.ts);
 * 2. each time goes to the trigger it stands next to, within its clause;
 * 3. a dated reporting verb ("said Thursday", "announced Monday") dates the undated
 *    happenings it reports; on its own it is a statement, and an announcing verb whose
 *    measure takes effect on another date is the announcement of that measure;
 * 4. one event per type and date: an agreement reached at a meeting or over a tariff
 *    is that meeting or tariff; a noun cue ("shipment of ...") yields to a verb.
 * Then over the article: the same happening told twice (the lead and the body) is one
 * event, kept where it is dated most precisely.
 * Undated happenings, states and comparisons give no event.
 */
import { cutTo, PRECISION_RANK } from "../../dates";
import type { Actor, Chemical, DateMention, Event, EventPhase, EventType, Official, Precision, Quote, Statistic, TariffDetail } from "../../schema";
import type { ExtractContext, Registries } from "../context";
import { eventTimes, type EventTime } from "./time";
import { findTriggers, SANCTION_WORD, TARIFF_WORD, type FoundTrigger } from "./triggers";

export interface FoundRecords {
  chemicals: Chemical[];
  dates: DateMention[];
  actors: Actor[];
  officials: Official[];
  statistics: Statistic[];
  quotes: Quote[];
}

const MEASURES: ReadonlySet<EventType> = new Set(["control", "tariff", "sanction"]);

/** Clause breaks between a time and a trigger: each makes the pair less likely to belong together. */
const CLAUSE_BREAK = /[;:—–()]|\s-\s|\bwhich\b|\bwho\b|\bthat\b|\bwhile\b|\bafter\b|\bbefore\b|\bbut\b|\bwhen\b|\bas\b(?=\s+(?:the|a|an|it|they|he|she)\b)/g;
/** "in March 2022, when the commission voted ...": the "when" clause says what the date dates. */
const WHEN_AFTER_TIME = /^,?\s*when\b/i;
/** What may stand between a reporting verb and the time it bears: "said Thursday", "said on Thursday". */
const BOUND_GAP = /^\s*(?:(?:released|issued|made|published|given|delivered|held)\s+)?(?:in [A-Z][\w.]+(?: [A-Z][\w.]+)?\s+)?(?:on|in|at|during|this|last|early|late|earlier|later)?\s*$/;
/** Past this score (words, plus 2 per comma, 3 per "and", 6 per clause break) a time and a trigger are unrelated. */
const MAX_ATTACH_SCORE = 24;
/** Words that put a measure's date on its entry into force. */
const EFFECTIVE_BEFORE =
  /\b(?:from|starting|starting on|starting from|effective|effective from|as of|beginning|beginning on|commencing|on and after|takes? effect|took effect|come into force|came into force|go into effect|went into effect|enter into force|entered into force)\s+(?:on\s+)?(?:next\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?$/i;
/** A sentence that points back at a measure named before: "The decision was announced Monday". */
const ANAPHORIC_MEASURE = /\b(?:the|this|that|these|those|its|their) (?:new |lower |higher |same |final |interim |temporary )?(?:rate|decision|move|measures?|rules?|step|ban|controls?|listing|regulations?|announcement|designation|order|tariffs?|duty|duties)\b/i;
/** A time at the head of the sentence ("Last Friday, ...") dates the main clause that follows. */
const LEADING = /^\s*(?:on|in|at|by|during|then,?|and|but|finally,?|meanwhile,?|earlier|later)?\s*$/i;
/** An instrument dated by its issue: "the order of February 1", "a decree dated May 3". */
const INSTRUMENT_OF = /\b(?:order|measure|decree|proclamation|notice|rule|regulation)s?\s+(?:of|dated)\s+$/i;
/** Words before a tariff action that make it a decision rather than the rate in force. */
const TARIFF_DECISION_BEFORE = /\b(?:agree\w*|announc\w*|sign\w*|threaten\w*|plans?|pledg\w*|ordered|decid\w*|propos\w*|will|would)\b[^.;]{0,60}$/i;

/**
 * Where one clause of a sentence ends and the next begins: "introduced at 10% on
 * February 4 | and raised to 20% on March 4". What an event names (chemicals, actors, a
 * rate) is read from the clauses of its trigger and its time.
 */
const CLAUSE_SPLIT =
  /;|,\s+(?=(?:and|but|while|whereas|or|which|made up|after which|before|when|then|as well as)\b)|\s+and\s+(?=(?:\w+ly\s+)?(?:[a-z]+ed|gave|made|put|set|cut|began|took|held|met|sent|won)\b)|\bbut\b/g;

/** Breaks between clauses with subjects of their own: a time does not cross them to date a verb. */
const MAJOR_CLAUSE_SPLIT = /;|,\s+(?=(?:and|but|while|whereas|or|according to)\b)|\bbut\b/g;

export function clauseStarts(text: string, split: RegExp = CLAUSE_SPLIT): number[] {
  const starts = [0];
  for (const m of text.matchAll(split)) starts.push(m.index + m[0].length);
  return starts;
}

function clauseIndex(starts: readonly number[], offset: number): number {
  let i = 0;
  while (i + 1 < starts.length && starts[i + 1] <= offset) i++;
  return i;
}

/** The stretch of the sentence made of the clauses that hold `from` and `to`. */
export function clauseWindow(text: string, starts: readonly number[], from: number, to: number): { start: number; end: number } {
  const first = clauseIndex(starts, Math.min(from, to));
  const last = clauseIndex(starts, Math.max(from, to));
  return { start: starts[first], end: last + 1 < starts.length ? starts[last + 1] : text.length };
}

interface Attached {
  trigger: FoundTrigger;
  time: EventTime;
  score: number;
}
/** How close a second time must stand to a trigger that already has one. */
const SECOND_TIME_SCORE = 10;

/** How far apart two points of a sentence are, in words, with commas and clause breaks as extra distance. */
function gapScore(text: string, from: number, to: number, afterTime = false): number {
  let between = text.slice(from, to);
  if (afterTime) between = between.replace(WHEN_AFTER_TIME, "");
  const words = between.split(/\s+/).filter(Boolean).length;
  const commas = between.match(/,/g)?.length ?? 0;
  const ands = between.match(/\band\b/g)?.length ?? 0;
  const breaks = between.match(CLAUSE_BREAK)?.length ?? 0;
  return words + 2 * commas + 3 * ands + 6 * breaks;
}

/**
 * A reporting verb next to the time it bears: "said Thursday", "announced on Monday", "a
 * statement released this week", "the ministry on Thursday said". A reporting verb claims
 * no other time: "said it exported nothing in 2023" dates the exports, not the saying.
 */
function isBound(text: string, trigger: FoundTrigger, time: EventTime): boolean {
  if (trigger.role !== "report") return false;
  if (trigger.end <= time.start) return BOUND_GAP.test(text.slice(trigger.end, time.start));
  return time.end <= trigger.start && /^\s*$/.test(text.slice(time.end, trigger.start));
}

/** The trigger a time belongs to: the happening next to it in its clause, or the verb that bears it. */
function triggerFor(text: string, time: EventTime, triggers: readonly FoundTrigger[]): { trigger: FoundTrigger; score: number } | undefined {
  // "Last Friday, Chinese authorities announced ..." / "In April, he announced ...".
  if (LEADING.test(text.slice(0, time.start))) {
    const first = triggers.find((t) => t.start >= time.end) ?? triggers.at(-1);
    return first ? { trigger: first, score: 0 } : undefined;
  }
  let best: FoundTrigger | undefined;
  let bestScore = Infinity;
  for (const t of triggers) {
    const bound = isBound(text, t, time);
    if (t.role === "report" && !bound) continue;
    // After the trigger's phrase, count from its end; inside it ("imposed this year over the drug ...
    // tariff"), from the verb; before it, up to the verb.
    const score = t.reach <= time.start ? gapScore(text, t.reach, time.start) : t.end <= time.start ? gapScore(text, t.end, time.start) : time.end <= t.start ? gapScore(text, time.end, t.start, true) : 0;
    const weighted = bound ? score : score + (t.weak ? 3 : 0);
    if (weighted <= MAX_ATTACH_SCORE && weighted < bestScore) {
      best = t;
      bestScore = weighted;
    }
  }
  return best ? { trigger: best, score: bestScore } : undefined;
}

/** Words that make a clause a sentence of its own: a clause without them repeats the verb before it. */
const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|will|would|did|does|[a-z]{3,}ed)\b/i;

/**
 * "NPP became a List I chemical in 2007, ANPP a Schedule II precursor in 2010, and
 * norfentanyl followed in 2020": a clause with no verb of its own (or only "followed")
 * repeats the happening before it, and its time dates that happening again.
 */
function gappedTrigger(text: string, time: EventTime, triggers: readonly FoundTrigger[]): FoundTrigger | undefined {
  const before = text.slice(0, time.start);
  const clauseStart = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(" and "));
  if (clauseStart < 0) return undefined;
  // The clause around the time must have no verb and no trigger of its own, after the time too.
  const next = text.slice(time.end).search(/[,;]/);
  const clauseEnd = next < 0 ? text.length : time.end + next;
  if (triggers.some((t) => t.start > clauseStart && t.start < clauseEnd)) return undefined;
  if (FINITE_VERB.test(text.slice(time.end, clauseEnd))) return undefined;
  const clause = before.slice(clauseStart + 1).replace(/\b(?:and|followed|then|too|also)\b/gi, "");
  // "in 2007 and ANPP ... in 2010": the clause needs a subject of its own, not just a time.
  if (FINITE_VERB.test(clause) || !/[A-Za-z]{2,}/.test(clause.replace(/\b(?:in|on|at|by|during|of|the|a|an)\b/gi, ""))) return undefined;
  return triggers.filter((t) => t.role !== "report" && t.end <= clauseStart).at(-1);
}

/** Which measure a "took effect" or "was approved" is about: the sentence's words, else the article's last measure. */
function measureTypeOf(sentence: string, previous: EventType | undefined, namesChemicals: boolean): EventType {
  if (TARIFF_WORD.test(sentence)) return "tariff";
  if (SANCTION_WORD.test(sentence)) return "sanction";
  if (namesChemicals) return "control";
  return previous && MEASURES.has(previous) ? previous : "control";
}

function happeningType(trigger: FoundTrigger, sentence: string): EventType | undefined {
  if (trigger.type === "control" && /\bdesignat/i.test(trigger.text) && SANCTION_WORD.test(sentence)) return "sanction";
  return trigger.type;
}

function phaseOf(trigger: FoundTrigger, time: EventTime, sentence: string, type: EventType, datedBy: FoundTrigger | undefined): EventPhase | undefined {
  // "under an order ... from November 10": the date says when it applies, whatever the verb.
  if (EFFECTIVE_BEFORE.test(sentence.slice(Math.max(0, time.start - 40), time.start))) return "effective";
  if (trigger.phase) return trigger.phase;
  // "the measure of February 1, which imposed ...": an instrument's date is its signing.
  if (INSTRUMENT_OF.test(sentence.slice(Math.max(0, time.start - 40), time.start))) return "announced";
  if (datedBy?.phase === "announced") return "announced";
  if (type === "tariff") return TARIFF_DECISION_BEFORE.test(sentence.slice(0, trigger.start)) || /^threat/i.test(trigger.text) ? "announced" : "effective";
  return undefined;
}

export interface SentenceContext {
  /** Type of the measure the article named in the last few sentences, if any. */
  previousMeasure?: EventType;
  /** The sentence names chemicals (a "took effect" with chemicals is a control). */
  namesChemicals: boolean;
}

export interface Draft {
  type: EventType;
  time: EventTime;
  phase?: EventPhase;
  trigger: FoundTrigger;
  weak: boolean;
}

/** Steps 2-4 for one sentence: the typed, dated happenings it states. */
export function sentenceDrafts(text: string, times: readonly EventTime[], context: SentenceContext): Draft[] {
  if (times.length === 0) return [];
  const triggers = findTriggers(text);
  if (triggers.length === 0) return [];
  const attached: Attached[] = [];
  for (const time of times) {
    const gapped = gappedTrigger(text, time, triggers);
    const found = gapped ? { trigger: gapped, score: 0 } : triggerFor(text, time, triggers);
    if (found) attached.push({ trigger: found.trigger, time, score: found.score });
  }
  // A trigger that has a time at hand takes a second one only from close by: "will go into
  // effect on March 4, as the pause he granted earlier this month runs out" is one date.
  const nearest = new Map<FoundTrigger, number>();
  for (const a of attached) nearest.set(a.trigger, Math.min(nearest.get(a.trigger) ?? Infinity, a.score));
  for (let i = attached.length - 1; i >= 0; i--) {
    const a = attached[i];
    if (a.score > (nearest.get(a.trigger) ?? 0) && a.score > SECOND_TIME_SCORE) attached.splice(i, 1);
  }
  const happenings = triggers.filter((t) => t.role !== "report");
  const strong = happenings.some((t) => !t.weak);
  const reports = attached.filter((a) => a.trigger.role === "report");
  const drafts: Draft[] = [];
  const typeOf = (t: FoundTrigger) => (t.role === "measure" ? measureTypeOf(text, context.previousMeasure, context.namesChemicals) : happeningType(t, text));
  const add = (trigger: FoundTrigger, time: EventTime, type: EventType, datedBy?: FoundTrigger, phase?: EventPhase) =>
    drafts.push({ trigger, time, type, phase: MEASURES.has(type) ? (phase ?? phaseOf(trigger, time, text, type, datedBy)) : undefined, weak: trigger.weak === true });

  // "The US on Tuesday imposed sanctions ... and unsealed indictments": one subject, one time.
  const starts = clauseStarts(text, MAJOR_CLAUSE_SPLIT);
  const sameClause = (a: number, b: number) => clauseIndex(starts, a) === clauseIndex(starts, b);
  for (const t of happenings) {
    const type = typeOf(t);
    if (!type) continue;
    let own = attached.filter((a) => a.trigger === t);
    // A report is dated by its publication; other years near it are the period it covers.
    if (type === "report" && own.length > 1) own = [own.reduce((a, b) => (b.time.date > a.time.date ? b : a))];
    for (const { time } of own) add(t, time, type);
    if (own.length > 0) continue;
    // An undated happening takes the date of the reporting verb that tells it ("said
    // Thursday that he had agreed to cut ..."), or of a happening listed with it
    // ("detained 15,887, seized 134.7 tons ..."). A noun cue takes a date only where no
    // verb could, and never from a verb that bears its own time.
    // A report dates what it tells: what follows it ("said Thursday that he had agreed ..."),
    // or what it is the attribution of ("..., Sessions announced Wednesday"). "fell on
    // Monday under an order signed on November 4": "signed" tells nothing of "fell".
    const tells = (r: Attached) => r.trigger.start < t.start || text.slice(t.end, r.trigger.start).includes(",");
    const report = t.weak ? reports.find((r) => tells(r) && !isBound(text, r.trigger, r.time)) : reports.find(tells);
    if (t.weak && (strong || !report)) continue;
    // Or from a happening listed before it, in its clause: "detained 15,887, seized 134.7 tons".
    const from = report ?? attached.find((a) => a.trigger.role !== "report" && a.trigger.start < t.start && sameClause(a.trigger.start, t.start));
    if (from) add(t, from.time, type, from.trigger);
  }

  for (const { trigger, time } of reports) {
    if (drafts.some((d) => d.time === time)) continue; // it dated what it reports
    const measure = drafts.find((d) => MEASURES.has(d.type));
    // "said Monday that the country would restrict ... from next month": a decision told
    // ahead of the day it applies is announced on the day it is told.
    const toldAhead = measure && measure.trigger.start > trigger.end && /\b(?:will|would|is to|are to|plans? to)\b/i.test(text.slice(trigger.end, measure.trigger.start));
    if (measure && (trigger.phase === "announced" || toldAhead)) {
      // "announced on Friday that X will be controlled from July 20": the announcement.
      add(trigger, time, measure.type, trigger, "announced");
    } else if (drafts.length === 0 && context.previousMeasure && MEASURES.has(context.previousMeasure) && (trigger.phase === "announced" || ANAPHORIC_MEASURE.test(text))) {
      // "The decision was announced Monday": the measure the article just named.
      add(trigger, time, context.previousMeasure, trigger, "announced");
    } else if (drafts.length === 0) {
      add(trigger, time, "statement");
    }
  }
  return markAnnouncements(collapse(drafts)).sort((a, b) => a.trigger.start - b.trigger.start);
}

const sameTime = (a: EventTime, b: EventTime) => a.date === b.date && (a.until ?? "") === (b.until ?? "");
const within = (outer: EventTime, inner: EventTime) => !outer.until && !inner.until && inner.date.startsWith(outer.date);

/** One draft per type and time; agreements and noun cues yield to what they accompany. */
function collapse(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const others = drafts.filter((o) => o !== d && (sameTime(o.time, d.time) || within(d.time, o.time)));
    if (d.type === "agreement" && others.some((o) => o.type !== "agreement" && o.type !== "statement" && o.type !== "report")) continue;
    if (d.weak && others.some((o) => !o.weak && o.type !== d.type && o.type !== "statement" && o.type !== "agreement")) continue;
    const twin = out.find((o) => o.type === d.type && sameTime(o.time, d.time) && (o.phase === d.phase || !o.phase || !d.phase));
    if (twin) {
      if ((twin.weak && !d.weak) || (!twin.phase && d.phase)) out[out.indexOf(twin)] = d;
      continue;
    }
    out.push(d);
  }
  return out;
}

/**
 * "designated on Wednesday, in a rule that takes effect on May 15": when a measure takes
 * effect on one date, the same measure dated otherwise in that sentence is its announcement.
 */
function markAnnouncements(drafts: Draft[]): Draft[] {
  return drafts.map((d) =>
    MEASURES.has(d.type) && !d.phase && drafts.some((o) => o.type === d.type && o.phase === "effective" && !sameTime(o.time, d.time) && !within(o.time, d.time) && !within(d.time, o.time))
      ? { ...d, phase: "announced" }
      : d,
  );
}

function statusOf(date: string, precision: Precision, articleDate: string): Event["status"] {
  return date > cutTo(articleDate, precision) ? "scheduled" : "past";
}

/** True when `inner` names a time inside `outer` (the same, or a day of that month, ...). */
function contains(outer: Pick<Event, "date" | "end" | "precision">, inner: Pick<Event, "date" | "end" | "precision">): boolean {
  if (PRECISION_RANK[outer.precision] < PRECISION_RANK[inner.precision]) return false;
  if ((outer.end ?? "") !== "" || (inner.end ?? "") !== "") return outer.date === inner.date && (outer.end ?? "") === (inner.end ?? "");
  return cutTo(inner.date, outer.precision) === outer.date;
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.includes(x));
}

/** How many earlier events of the same type and date a telling is compared with. */
const RETELLING_WINDOW = 48;

/** What tells two events of one type apart: other chemicals, other actors, other figures, another rate. */
function contradicts(a: Event, b: Event, figures: (e: Event) => number[]): boolean {
  // A year is too vague a telling for its chemicals to tell it apart ("seized fentanyl precursors earlier this year").
  if (a.precision !== "year" && b.precision !== "year" && a.chemicals.length && b.chemicals.length && !overlaps(a.chemicals, b.chemicals)) return true;
  if (a.actors.length && b.actors.length && !overlaps(a.actors, b.actors)) return true;
  const fa = figures(a);
  const fb = figures(b);
  if (fa.length && fb.length && !fa.some((v) => fb.includes(v))) return true;
  return a.tariff?.rate !== undefined && b.tariff?.rate !== undefined && a.tariff.rate !== b.tariff.rate;
}

/**
 * The same happening told twice in one article (lead and body, or "earlier this year"
 * then "in May") is one event: the vaguer or later telling joins the one dated most
 * precisely, which keeps its sentence and gains the other's actors and chemicals. Two
 * tellings stay apart when something tells them apart (see `contradicts`).
 */
function mergeRetellings(events: Event[], figures: (e: Event) => number[]): Event[] {
  const order = [...events].sort((a, b) => PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision] || a.provenance.sentence - b.provenance.sentence);
  const kept: Event[] = [];
  // Kept events by type and by each date that contains theirs, so a telling meets only the
  // events it could retell; a few dozen at most are compared, so a 20,000-line paste stays linear.
  const byKey = new Map<string, Event[]>();
  const keysOf = (e: Event) => (["day", "month", "year"] as const).filter((p) => PRECISION_RANK[p] >= PRECISION_RANK[e.precision]).map((p) => `${e.type}|${cutTo(e.date, p)}|${e.end ?? ""}`);
  for (const e of order) {
    const candidates = byKey.get(`${e.type}|${e.date}|${e.end ?? ""}`) ?? [];
    const host = candidates.slice(-RETELLING_WINDOW).find((k) => (k.phase === e.phase || !k.phase || !e.phase) && contains(e, k) && !contradicts(k, e, figures));
    if (!host) {
      const copy = { ...e };
      kept.push(copy);
      for (const key of keysOf(copy)) byKey.set(key, [...(byKey.get(key) ?? []), copy].slice(-RETELLING_WINDOW));
      continue;
    }
    host.actors = [...new Set([...host.actors, ...e.actors])];
    host.officials = [...new Set([...host.officials, ...e.officials])];
    host.chemicals = [...new Set([...host.chemicals, ...e.chemicals])];
    if (!host.phase && e.phase) host.phase = e.phase;
  }
  return kept.sort((a, b) => a.provenance.sentence - b.provenance.sentence || a.id.localeCompare(b.id));
}

/** Each record's mentions by sentence, with its id: what a clause of one sentence names. */
function spansBySentence(items: readonly { id: string; mentions: { sentence: number; start: number }[] }[]): Map<number, { id: string; start: number }[]> {
  const bySentence = new Map<number, { id: string; start: number }[]>();
  for (const item of items) {
    for (const m of item.mentions) {
      const list = bySentence.get(m.sentence) ?? [];
      list.push({ id: item.id, start: m.start });
      bySentence.set(m.sentence, list);
    }
  }
  return bySentence;
}

/** Ids of the records that have a span in each sentence, built in one pass over the records. */
function idsBySentence<T extends { id: string }>(items: readonly T[], spans: (item: T) => { sentence: number }[]): Map<number, string[]> {
  const bySentence = new Map<number, string[]>();
  for (const item of items) {
    for (const sentence of new Set(spans(item).map((s) => s.sentence))) {
      const list = bySentence.get(sentence) ?? [];
      list.push(item.id);
      bySentence.set(sentence, list);
    }
  }
  return bySentence;
}

const TARGET_CACHE = new WeakMap<Registries, { pattern: RegExp; idOf: Map<string, string> }>();

/**
 * Whose goods a tariff taxes: the country named or qualified right after "tariffs on",
 * "duty on goods from" ("tariffs on Chinese goods", "a duty on imports from Canada").
 */
function tariffTargetFinder(registries: Registries): (sentence: string) => string | undefined {
  let compiled = TARGET_CACHE.get(registries);
  if (!compiled) {
    const idOf = new Map<string, string>();
    for (const org of registries.actors.organizations) {
      if (org.type !== "country") continue;
      for (const word of [org.name, ...org.aliases, ...org.adjectives]) idOf.set(word.toLowerCase(), org.id);
    }
    const words = [...idOf.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const pattern = words.length
      ? new RegExp(String.raw`\b(?:tariffs?|dut(?:y|ies)|levies|levy|import tax(?:es)?|rates?)\s+on\s+(?:all\s+)?(?:goods|imports|products|exports)?\s*(?:from\s+|of\s+)?(?:the\s+)?(${words.join("|")})\b`, "i")
      : /$^/;
    compiled = { pattern, idOf };
    TARGET_CACHE.set(registries, compiled);
  }
  const { pattern, idOf } = compiled;
  return (sentence) => {
    const m = pattern.exec(sentence);
    return m ? idOf.get(m[1].toLowerCase()) : undefined;
  };
}

/** Words that tie a tariff to fentanyl: "fentanyl-related tariff", "imposed over the drug", "citing the flow of fentanyl". */
const FENTANYL_LAYER =
  /\bfentanyl[- ](?:related )?(?:tariffs?|dut(?:y|ies)|levies|layer)\b|\b(?:over|citing|tied to|linked to|because of|in response to)\s+(?:the\s+)?(?:flow of\s+|role in\s+)?(?:illicit\s+)?(?:fentanyl|the drug)\b/i;
const TARIFF_NOUN_GLOBAL = new RegExp(TARIFF_WORD.source, "gi");
const PERCENT = String.raw`(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)`;

/**
 * The tariff a clause speaks of: its layer (the fentanyl-related duty, the reciprocal
 * one, or another), its new rate in percent, and whose goods it taxes. `at` is where the
 * trigger stands in the clause; the tariff noun nearest to it is the one the event is about
 * ("the 20% fentanyl tariff stays while other duties fall": "fall" is about other duties).
 * "That tariff took effect" and "doubled it" take what they lack from the tariff before.
 */
export function tariffDetail(
  clause: string,
  at: number,
  target: string | undefined,
  previous?: TariffDetail,
  trigger = "",
  pointsBack = ANAPHORIC_MEASURE.test(clause) || /\b(?:it|them)\b/i.test(clause),
): TariffDetail {
  let noun: RegExpExecArray | undefined;
  for (const m of clause.matchAll(TARIFF_NOUN_GLOBAL)) if (!noun || Math.abs(m.index - at) < Math.abs(noun.index - at)) noun = m as RegExpExecArray;
  const qualifier = noun ? clause.slice(Math.max(0, noun.index - 30), noun.index + noun[0].length + 12) : "";
  const layer = /\bother\b/i.test(qualifier)
    ? "other"
    : /\breciprocal\b/i.test(qualifier)
      ? "reciprocal"
      : /fentanyl/i.test(qualifier) || FENTANYL_LAYER.test(clause)
        ? "fentanyl"
        : /\breciprocal\b/i.test(clause)
          ? "reciprocal"
          : undefined;

  const after = clause.slice(at);
  const to = new RegExp(String.raw`\bto\s+(?:a\s+)?${PERCENT}`, "i").exec(after);
  const beforeNoun = noun ? new RegExp(`${PERCENT}[^%.;]{0,25}$`, "i").exec(clause.slice(Math.max(0, noun.index - 30), noun.index)) : null;
  const near = new RegExp(PERCENT, "i").exec(clause.slice(Math.max(0, at - 40), at + 60));
  let rate = to ? Number(to[1]) : beforeNoun ? Number(beforeNoun[1]) : near ? Number(near[1]) : undefined;

  // Only a clause that points back ("that tariff", "it") inherits from the tariff before.
  const inherit = previous && pointsBack ? previous : undefined;
  if (rate === undefined && inherit?.rate !== undefined) {
    // "doubled it", "halved it"; an entry into force or the signing of the same tariff keeps its rate.
    rate = /^doubl/i.test(trigger) ? inherit.rate * 2 : /^halv/i.test(trigger) ? inherit.rate / 2 : /^(?:took|take|came|come|went|go|enter|effective|in force|sign|order)/i.test(trigger) ? inherit.rate : undefined;
  }
  const detail: TariffDetail = { layer: layer ?? inherit?.layer ?? "other" };
  if (rate !== undefined) detail.rate = rate;
  const finalTarget = target ?? inherit?.target;
  if (finalTarget) detail.target = finalTarget;
  return detail;
}

export function buildEvents(ctx: ExtractContext, found: FoundRecords): Event[] {
  const datesBySentence = new Map<number, DateMention[]>();
  for (const date of found.dates) {
    const list = datesBySentence.get(date.provenance.sentence) ?? [];
    list.push(date);
    datesBySentence.set(date.provenance.sentence, list);
  }
  // Bucket every record by sentence once: per-sentence scans were quadratic on long texts.
  const actors = idsBySentence(found.actors, (a) => a.mentions);
  const officials = idsBySentence(found.officials, (o) => o.mentions);
  const chemicals = idsBySentence(found.chemicals, (c) => c.mentions);
  const statistics = new Map<number, number[]>();
  found.statistics.forEach((s, i) => statistics.set(s.provenance.sentence, [...(statistics.get(s.provenance.sentence) ?? []), i]));
  const actorById = new Map(found.actors.map((a) => [a.id, a]));
  const officialById = new Map(found.officials.map((o) => [o.id, o]));
  const tariffTarget = tariffTargetFinder(ctx.registries);

  const chemicalSpans = spansBySentence(found.chemicals);
  const actorSpans = spansBySentence(found.actors);
  const officialSpans = spansBySentence(found.officials);
  /** Actor ids with the countries of the bodies and officials among them. */
  const withCountries = (actorIds: readonly string[], officialIds: readonly string[]): string[] => {
    const ids = new Set<string>();
    for (const id of actorIds) {
      ids.add(id);
      const country = actorById.get(id)?.country;
      if (country) ids.add(country);
    }
    for (const id of officialIds) {
      const country = officialById.get(id)?.countryId;
      if (country) ids.add(country);
    }
    return [...ids];
  };
  /** Actors of a sentence, with the countries of the bodies and officials named in it. */
  const actorsOf = (index: number): string[] => withCountries(actors.get(index) ?? [], officials.get(index) ?? []);

  const events: Event[] = [];
  let previousTime: EventTime | undefined;
  let lastMeasure: { type: EventType; sentence: number; chemicals: string[]; actors: string[] } | undefined;
  let lastTariff: TariffDetail | undefined;
  let lastTariffSentence = -1;
  ctx.sentences.forEach((sentence, index) => {
    const times = eventTimes({ index, text: sentence.text, start: sentence.start }, datesBySentence.get(index) ?? [], ctx.date, previousTime);
    if (times.length) previousTime = times.at(-1);
    const recent = lastMeasure && index - lastMeasure.sentence <= 3 ? lastMeasure : undefined;
    const sentenceChemicals = chemicals.get(index) ?? [];
    // A measure named just before is the one this sentence points back to, unless this one names other chemicals.
    const previousMeasure = recent && (sentenceChemicals.length === 0 || overlaps(sentenceChemicals, recent.chemicals)) ? recent : undefined;
    const drafts = sentenceDrafts(sentence.text, times, { previousMeasure: previousMeasure?.type, namesChemicals: sentenceChemicals.length > 0 });
    const starts = clauseStarts(sentence.text);
    const firstOfSentence = events.length;
    drafts.forEach((draft, k) => {
      const window = clauseWindow(sentence.text, starts, Math.min(draft.trigger.start, draft.time.start), Math.max(draft.trigger.end, draft.time.end));
      const from = sentence.start + window.start;
      const to = sentence.start + window.end;
      const inWindow = (spans: Map<number, { id: string; start: number }[]>) => [
        ...new Set((spans.get(index) ?? []).filter((m) => m.start >= from && m.start < to).map((m) => m.id)),
      ];
      // What the event's own clauses name; the whole sentence's when they name none.
      const clauseChemicals = inWindow(chemicalSpans);
      let eventChemicals = clauseChemicals.length ? clauseChemicals : sentenceChemicals;
      const clauseActors = inWindow(actorSpans);
      let eventActors = clauseActors.length ? withCountries(clauseActors, []) : actorsOf(index);
      const clauseOfficials = inWindow(officialSpans);
      const eventOfficials = clauseOfficials.length ? clauseOfficials : (officials.get(index) ?? []);
      if (clauseActors.length) eventActors = withCountries(clauseActors, eventOfficials);
      // "The rules come into force from September 1": the measure named just before. Only a
      // sentence that points back at a measure takes its chemicals ("them" may be anything).
      if (MEASURES.has(draft.type) && eventChemicals.length === 0 && previousMeasure?.type === draft.type && ANAPHORIC_MEASURE.test(sentence.text)) {
        eventChemicals = previousMeasure.chemicals;
        eventActors = [...new Set([...eventActors, ...previousMeasure.actors])];
      }
      const { time } = draft;
      const clause = sentence.text.slice(window.start, window.end);
      // Within one sentence ("rose to 20% on Tuesday under an order Trump signed on Monday")
      // a clause that names no tariff of its own speaks of the sentence's tariff.
      const sameSentence = lastTariffSentence === index && !TARIFF_WORD.test(clause);
      const tariff =
        draft.type === "tariff"
          ? tariffDetail(clause, draft.trigger.start - window.start, tariffTarget(clause) ?? tariffTarget(sentence.text), lastTariff, draft.trigger.text, sameSentence || undefined)
          : undefined;
      if (tariff) lastTariffSentence = index;
      if (tariff) lastTariff = tariff;
      events.push({
        id: k === 0 ? `${ctx.slug}#${index}` : `${ctx.slug}#${index}.${k + 1}`,
        date: time.date,
        ...(time.until && time.until !== time.date ? { end: time.until } : {}),
        precision: time.precision,
        type: draft.type,
        status: statusOf(time.date, time.precision, ctx.date),
        ...(draft.phase ? { phase: draft.phase } : {}),
        ...(tariff ? { tariff } : {}),
        actors: eventActors,
        officials: eventOfficials,
        chemicals: eventChemicals,
        statistics: (statistics.get(index) ?? []).filter((i) => found.statistics[i].provenance.start >= from && found.statistics[i].provenance.start < to),
        sentence: sentence.text,
        trigger: { text: draft.trigger.text, start: sentence.start + draft.trigger.start, end: sentence.start + draft.trigger.end },
        provenance: { article: ctx.slug, sentence: index, start: sentence.start, end: sentence.end },
      });
    });
    const measure = events.slice(firstOfSentence).findLast((e) => MEASURES.has(e.type));
    if (measure) lastMeasure = { type: measure.type, sentence: index, chemicals: measure.chemicals, actors: measure.actors };
    if (index - (lastMeasure?.sentence ?? -10) > 3) lastTariff = undefined;
  });
  // What was seized (a mass) or how many were held tells two seizures or arrests apart;
  // other figures in the sentence ("enough for a billion doses") do not.
  const MASS = new Set(["t", "kg", "g", "mg", "lb"]);
  const isHaul = (st: Statistic | undefined) => !!st && (MASS.has(st.unit) || (st.unit === "count" && /arrest|detain|suspect|people|person|individual/i.test(st.measure ?? "")));
  const figures = (e: Event) => e.statistics.map((i) => found.statistics[i]).filter(isHaul).map((st) => st.value);
  return mergeRetellings(events, figures);
}
