/**
 * Actors: countries and organisations named in an article.
 *
 * Three passes over the article's tokens, each leaving alone what an earlier one took:
 * 1. registry names and aliases, longest first ("Washington" and "Beijing" are their
 *    governments; "China's" is China);
 * 2. organisations the registry does not know, by the shape of their name ("Ministry of
 *    X", "X Agency", "X Court", "X Co., Ltd."), with `registered: false`;
 * 3. country adjectives, only before a word of government ("Chinese authorities",
 *    "Mexican President"), where they stand for the state rather than for goods or people.
 */
import type { Actor, ActorType, OrganizationEntry, Span } from "../../schema";
import { sentenceAt } from "../../text/sentences";
import type { ExtractContext } from "../context";
import { MONTHS, ROLE_NOUNS, STOP_WORDS, TITLE_WORDS, WEEKDAYS } from "./names-lexicon";
import { compileActors, countryOfToken, isPartOfLongerName, matchAt, type CompiledActors } from "./names-registry";
import { slugify } from "../../text/slug";
import { spaced, tokensFor, type Token } from "./names-tokens";

interface Found {
  id: string;
  name: string;
  type: ActorType;
  registered: boolean;
  country?: string;
  spans: { start: number; end: number }[];
}

/** Head words of organisation names and the type each suggests. */
const HEADS: ReadonlyMap<string, ActorType> = new Map([
  ...["ministry", "department", "agency", "commission", "bureau", "administration", "office", "council", "committee",
    "procuratorate", "secretariat", "directorate", "authority", "service", "services", "embassy", "consulate", "police",
    "navy", "army", "guard", "customs", "inspectorate"].map((w): [string, ActorType] => [w, "government-body"]),
  ...["court", "tribunal"].map((w): [string, ActorType] => [w, "court"]),
  ...["co", "corp", "inc", "ltd", "llc", "company", "corporation", "limited", "holdings", "pharmaceutical",
    "pharmaceuticals", "technology", "technologies", "trading", "industries", "laboratories", "biotech"].map((w): [string, ActorType] => [w, "company"]),
  ...["university", "academy", "institute", "centre", "center", "association", "foundation", "cartel", "organization",
    "organisation", "network", "federation", "group"].map((w): [string, ActorType] => [w, "other"]),
]);
/** Lower-case words that may join the words of one organisation's name. */
const CONNECTORS = new Set(["of", "for", "on", "and", "the", "against", "de", "del", "la", "y", "des", "du"]);
/** Company suffixes end a name: nothing "of X" follows them. */
const COMPANY_SUFFIXES = new Set(["co", "corp", "inc", "ltd", "llc", "limited"]);
/** Words by which a name goes on after its head: "Ministry of Commerce", "Commission on Narcotic Drugs". */
const CONTINUES = new Set(["of", "for", "on", "against", "de", "del"]);
const isDateWord = (t: Token) => MONTHS.has(t.lower) || WEEKDAYS.has(t.lower);
/** A company suffix written after a comma: "Hebei Chemical Co., Ltd.", "Acme, Inc.". */
const COMPANY_TAIL = /^,\s*(?:Ltd|Inc|LLC|Limited|Corp)\.?/;
/** Words after a country adjective that make it stand for the state. */
const GOVERNMENT_NOUNS = new Set([
  "government", "governments", "authorities", "authority", "official", "officials", "leader", "leaders", "leadership",
  "state", "side", "delegation", "embassy", "ministry", "ministries", "police", "customs", "regulators", "regulator",
  "military", "navy", "army", "diplomats", "diplomat", "counterparts", "counterpart", "lawmakers", "prosecutors",
  "investigators", "agents", "administration", "courts", "court", "negotiators", "officers", "troops", "forces",
]);

function isGovernmentWord(token: Token | undefined): boolean {
  if (!token) return false;
  const w = token.lower;
  return GOVERNMENT_NOUNS.has(w) || (token.cap && TITLE_WORDS.has(w)) || (!token.cap && ROLE_NOUNS.has(w) && w !== "national");
}

function add(found: Map<string, Found>, actor: Omit<Found, "spans">, span: { start: number; end: number }): void {
  const existing = found.get(actor.id);
  if (existing) existing.spans.push(span);
  else found.set(actor.id, { ...actor, spans: [span] });
}

function fromEntry(entry: OrganizationEntry): Omit<Found, "spans"> {
  return { id: entry.id, name: entry.name, type: entry.type, registered: true, country: entry.type === "country" ? undefined : entry.country };
}

/** The country a token names when it qualifies what follows: "Mexico's", "Mexican", "U.S.". */
function qualifier(reg: CompiledActors, token: Token | undefined): OrganizationEntry | undefined {
  return token ? countryOfToken(reg, token) : undefined;
}

/** Pass 1: registry names and aliases. */
/** A registered place or international body that may open a longer, unregistered name ("Beijing Normal University"). */
interface PlaceMatch {
  from: number;
  entry: OrganizationEntry;
}

/** Pass 1. Returns the place matches by their last token, for pass 2. */
function matchRegistered(body: string, tokens: readonly Token[], reg: CompiledActors, taken: Uint8Array, found: Map<string, Found>): Map<number, PlaceMatch> {
  const places = new Map<number, PlaceMatch>();
  for (let i = 0; i < tokens.length; i++) {
    const match = matchAt(reg.orgs, body, tokens, i);
    if (!match || isPartOfLongerName(body, tokens, match)) continue;
    const entry = match.pattern.entry;
    const span = { start: tokens[match.from].start, end: tokens[match.to - 1].end };
    // "Mexico's Foreign Ministry" is not the registry's (Chinese) Foreign Ministry: a
    // body qualified by another country is that country's, and unregistered.
    const before = tokens[i - 1];
    const q = before && spaced(body, before, tokens[i]) ? qualifier(reg, before) : undefined;
    if (entry.type !== "country" && entry.country && q && q.id !== entry.country && q.id !== entry.id) {
      const name = body.slice(span.start, span.end);
      add(found, { id: slugify(`${q.id} ${name}`), name: `${name} (${q.name})`, type: entry.type, registered: false, country: q.id }, span);
    } else {
      add(found, fromEntry(entry), span);
    }
    taken.fill(1, match.from, match.to);
    if (entry.type === "country" || entry.type === "international-body" || (entry.type === "other" && entry.country)) places.set(match.to - 1, { from: match.from, entry });
    i = match.to - 1;
  }
  return places;
}

function headType(token: Token): ActorType | undefined {
  return token.cap ? HEADS.get(token.lower) : undefined;
}

/** Pass 2: "Ministry of X", "X Agency", "X Court", "X Co., Ltd." not in the registry. */
function matchUnregistered(body: string, tokens: readonly Token[], reg: CompiledActors, taken: Uint8Array, found: Map<string, Found>, places: ReadonlyMap<number, PlaceMatch>): void {
  let i = 0;
  while (i < tokens.length) {
    if (taken[i] || !tokens[i].cap) {
      i++;
      continue;
    }
    // A run of capitalised words joined by spaces and connectors ("Ministry of Commerce").
    let j = i;
    while (j + 1 < tokens.length && !taken[j + 1] && spaced(body, tokens[j], tokens[j + 1])) {
      const next = tokens[j + 1];
      if (next.cap) j++;
      else if (CONNECTORS.has(next.word) && tokens[j + 2]?.cap && !taken[j + 2] && spaced(body, next, tokens[j + 2])) j += 2;
      else break;
    }
    const run = tokens.slice(i, j + 1);
    i = j + 1;
    const headAt = run.findIndex((t) => headType(t) !== undefined);
    if (headAt < 0) continue;
    // Leading words that are not part of the name: "The", titles, an owner's possessive.
    let start = 0;
    let country: string | undefined;
    while (start < headAt) {
      const t = run[start];
      const w = t.lower;
      if (t.possessive) country = qualifier(reg, t)?.id ?? country;
      if ((STOP_WORDS.has(w) && !qualifier(reg, t)) || TITLE_WORDS.has(w) || t.possessive || CONNECTORS.has(w)) start++;
      else break;
    }
    // The name ends at its last head word, or goes on through "of X" ("Ministry of Commerce"),
    // stopping before a title ("... Security Director"), a date word, or a company suffix's end.
    let end = run.findLastIndex((t) => headType(t) !== undefined);
    if (!COMPANY_SUFFIXES.has(run[end].lower) && CONTINUES.has(run[end + 1]?.word ?? "")) {
      let k = end + 1;
      while (k + 1 < run.length && !TITLE_WORDS.has(run[k + 1].lower) && !isDateWord(run[k + 1])) {
        k++;
        if (run[k].possessive) break;
      }
      end = k;
    }
    while (end > headAt && CONNECTORS.has(run[end].word)) end--;
    if (end - start < 1) continue; // a bare "Ministry" names no one
    const first = run[start];
    const last = run[end];
    let spanEnd = last.end;
    const type = headType(run.slice(start, end + 1).findLast((t) => headType(t)) ?? last) ?? "other";
    const tail = COMPANY_TAIL.exec(body.slice(last.tail));
    if (tail && (type === "company" || !headType(last))) spanEnd = last.tail + tail[0].length;
    for (const t of run.slice(start, end + 1)) country ??= qualifier(reg, t)?.id;
    const before = tokens[first.index - 1];
    const adjacent = before && !before.possessive && spaced(body, before, first);
    if (!country && adjacent) country = qualifier(reg, before)?.id;
    // A registered place right before the name is part of it: "Beijing Normal University".
    const place = start === 0 && adjacent ? places.get(before.index) : undefined;
    const nameStart = place ? tokens[place.from].start : first.start;
    if (place) country ??= place.entry.type === "country" ? place.entry.id : place.entry.country;
    const name = body.slice(nameStart, spanEnd);
    add(found, { id: slugify(name), name, type: tail ? "company" : type, registered: false, country }, { start: nameStart, end: spanEnd });
    let lastIndex = last.index;
    while (tokens[lastIndex + 1] && tokens[lastIndex + 1].start < spanEnd) lastIndex++;
    taken.fill(1, first.index, lastIndex + 1);
    i = Math.max(i, lastIndex + 1);
  }
}

/** Pass 3: "Chinese authorities", "Mexican President": the adjective stands for the country. */
function matchAdjectives(body: string, tokens: readonly Token[], reg: CompiledActors, taken: Uint8Array, found: Map<string, Found>): void {
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || !tokens[i].cap) continue;
    const match = matchAt(reg.adjectives, body, tokens, i);
    if (!match) continue;
    const next = tokens[match.to];
    if (!next || !spaced(body, tokens[match.to - 1], next) || !isGovernmentWord(next)) continue;
    add(found, fromEntry(match.pattern.entry), { start: tokens[match.from].start, end: tokens[match.to - 1].end });
    taken.fill(1, match.from, match.to);
    i = match.to - 1;
  }
}

export function extractActors(body: string, ctx: ExtractContext): Actor[] {
  const tokens = tokensFor(body, ctx.sentences);
  const reg = compileActors(ctx.registries.actors);
  const taken = new Uint8Array(tokens.length);
  const found = new Map<string, Found>();
  const places = matchRegistered(body, tokens, reg, taken, found);
  matchUnregistered(body, tokens, reg, taken, found, places);
  matchAdjectives(body, tokens, reg, taken, found);

  const actors: Actor[] = [];
  for (const f of found.values()) {
    const spans = [...f.spans].sort((a, b) => a.start - b.start);
    const mentions: Span[] = spans.map((s) => ({ text: body.slice(s.start, s.end), start: s.start, end: s.end, sentence: sentenceAt(ctx.sentences, s.start) }));
    const first = mentions[0];
    actors.push({
      id: f.id,
      name: f.name,
      type: f.type,
      registered: f.registered,
      ...(f.country ? { country: f.country } : {}),
      mentions,
      provenance: { article: ctx.slug, sentence: first.sentence, start: first.start, end: first.end },
    });
  }
  return actors.sort((a, b) => a.provenance.start - b.provenance.start);
}
