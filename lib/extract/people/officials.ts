/**
 * Officials: every named person in an article (officials, spokespeople, experts, suspects,
 * defendants), one record per person however often named.
 *
 * 1. Registry people are found by full name or multi-word alias.
 * 2. Runs of capitalised words are cut into name candidates: words of titles,
 *    organisations, places, months and sentence openers are never part of a name.
 * 3. A candidate is a person when its context says so (a title or honorific before it, an
 *    appositive, an age or "who" after it, a verb of speech next to it) or its shape does
 *    (a common given name first; a Chinese surname with a pinyin given name).
 * 4. Shorter forms join the full name: "García Harfuch" and "Harfuch" for "Omar García
 *    Harfuch", "Xi" for "Xi Jinping", "Ms. Angell-Hansen"; they never make a new person.
 */
import { SpanIndex } from "../../text/spans";
import type { Actor, ActorRegistry, Official, PersonEntry, Span, TextRange } from "../../schema";
import { sentenceAt } from "../../text/sentences";
import type { ExtractContext } from "../context";
import {
  CHINESE_SURNAMES, GIVEN_NAMES, HONORIFICS, isPinyinName, looksChemical, MONTHS, ORG_WORDS, PARTICLES, PLACE_WORDS, ROLE_NOUNS,
  SPEECH_VERBS, ACTION_VERBS, STOP_WORDS, SUFFIXES, TITLE_WORDS, WEEKDAYS,
} from "./names-lexicon";
import { compileActors, isoOf, matchAt, type CompiledActors } from "./names-registry";
import { appositiveAfter, inCredit, speechAround, titleBefore, titleClauseBefore, type TitleContext } from "./officials-context";
import { slugify } from "../../text/slug";
import { spaced, tokenize, tokensFor, type Token } from "./names-tokens";

interface Person {
  name: string;
  /** Folded words of the full name, initials and particles left out. */
  words: string[];
  /** Registry aliases as folded words joined by spaces. */
  aliases: string[];
  entry?: PersonEntry;
  mentions: TextRange[];
  /** Token ranges of the full-name mentions, whose context may give a title. */
  full: { from: number; to: number }[];
  /** Letters of leading initials ("sk" for "S.K. Mishra"), when the name opens with them. */
  initials?: string;
}

interface Segment {
  /** The words of the name, in order; a quoted nickname between them is left out. */
  words: Token[];
  /** Token indexes of the first and last word. */
  from: number;
  to: number;
  /** A quoted nickname stood inside the name: Ismael "El Mayo" Zambada. */
  nickname: boolean;
}

const fold = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
/** "S.", and dotted clusters such as "S.K." (South Asian copy writes given names as initials). */
const isInitial = (t: Token) => /^(?:\p{Lu}\.){1,3}$/u.test(t.text);
/** "SK", "A", "K": initials written without dots. Only their shape; `bareInitialsAt` checks the context. */
const isBareInitials = (t: Token) => /^\p{Lu}{1,2}$/u.test(t.text);
/** Any initial, dotted or not: no word of the name's key. */
const isAnyInitial = (t: Token) => isInitial(t) || isBareInitials(t);
/** Two-letter capitals that are abbreviations in news copy, not initials. */
const NOT_INITIALS = new Set(["US", "UN", "EU", "UK", "AP", "TV", "DC", "NY", "LA", "AI", "ID", "OK", "PM", "AM", "HQ", "IT", "MD", "UP", "MP", "NB", "PS", "II", "IV", "VI"]);

/**
 * Undotted initials open a name only before a name word or more initials ("SK Singh",
 * "A K Tiwari"), never as a known abbreviation ("US", "UN", the registry's "EU"); a lone
 * "A" or "I" is the article or the pronoun unless more initials follow.
 */
function bareInitialsAt(tokens: readonly Token[], i: number, reg: CompiledActors, body: string): boolean {
  const t = tokens[i];
  if (!isBareInitials(t) || t.possessive || NOT_INITIALS.has(t.text) || reg.orgs.exact.has(t.key)) return false;
  const next = tokens[i + 1];
  if (!next || !spaced(body, t, next)) return false;
  if (isInitial(next) || (isBareInitials(next) && !NOT_INITIALS.has(next.text))) return true;
  return !/^[AI]$/.test(t.text) && nameShaped(next) && !isBlocked(next, reg);
}
const isParticle = (t: Token) => !t.cap && PARTICLES.has(t.word);

function isBlocked(t: Token, reg: CompiledActors): boolean {
  const w = t.lower;
  return (
    STOP_WORDS.has(w) || TITLE_WORDS.has(w) || ROLE_NOUNS.has(w) || ORG_WORDS.has(w) || PLACE_WORDS.has(w) || MONTHS.has(w) || WEEKDAYS.has(w) ||
    HONORIFICS.has(w) || SPEECH_VERBS.has(w) || ACTION_VERBS.has(w) || SUFFIXES.has(w) || reg.placeWords.has(w)
  );
}

/** Capitalised, with a lower-case letter (not an acronym), and not a number. */
function nameShaped(t: Token): boolean {
  return t.cap && /\p{Ll}/u.test(t.word) && !/\d/.test(t.word);
}

/** Two words that read as a Chinese name, in either order: "Wang Xiaohong", "Fujing Zheng". */
function chineseShape(a: string, b: string): boolean {
  return (CHINESE_SURNAMES.has(a) && isPinyinName(b)) || (isPinyinName(a) && CHINESE_SURNAMES.has(b));
}

/** Can token i be a word of a person's name, given the token after it? */
function nameable(tokens: readonly Token[], i: number, reg: CompiledActors, body: string): boolean {
  const t = tokens[i];
  if (isInitial(t) && !NOT_INITIALS.has(t.key) && !reg.orgs.exact.has(t.key)) return true; // "S.K." but not "U.S."
  if (bareInitialsAt(tokens, i, reg, body)) return true;
  if (!nameShaped(t)) return false;
  if (!isBlocked(t, reg)) return true;
  // "Theresa May": a month after a given name, not before a number, is a surname.
  const prev = tokens[i - 1];
  if (MONTHS.has(t.lower) && prev && GIVEN_NAMES.has(prev.lower) && spaced(body, prev, t) && !/^\s*\d/.test(body.slice(t.tail, t.tail + 3))) return true;
  // A blocked word may still open a name when the next word is a plain name word:
  // "Justice Tettey" (given name), "He Lifeng" (Chinese surname and pinyin given name).
  const next = tokens[i + 1];
  if (!next || !spaced(body, t, next) || !nameShaped(next) || isBlocked(next, reg)) return false;
  const w = t.lower;
  if (GIVEN_NAMES.has(w) && !STOP_WORDS.has(w) && !MONTHS.has(w)) return true;
  return CHINESE_SURNAMES.has(w) && isPinyinName(next.key) && !TITLE_WORDS.has(w);
}

/** First token of its sentence (after any quote mark or bracket). */
function sentenceInitial(body: string, tokens: readonly Token[], i: number, sentenceStarts: ReadonlySet<number>): boolean {
  const start = tokens[i].start;
  let k = start - 1;
  while (k >= 0 && /["'\u201c\u2018(\[*_#\s-]/.test(body[k]) && !sentenceStarts.has(k + 1)) k--;
  return sentenceStarts.has(k + 1) || k < 0;
}

/** "de la Cruz", "van der Berg": up to two particles then a name word; returns the name word's index, or -1. */
function particlesThenName(body: string, tokens: readonly Token[], k: number, nameAt: (k: number) => boolean): number {
  for (let n = 0; n < 2 && tokens[k + n] && isParticle(tokens[k + n]); n++) {
    const next = tokens[k + n + 1];
    if (!next || !spaced(body, tokens[k + n], next)) return -1;
    if (nameAt(k + n + 1)) return k + n + 1;
  }
  return -1;
}

/** A quoted nickname followed by the rest of the name: ` "El Mayo" Zambada` (sticky: read in place). */
const NICKNAME = /\s+["\u201c\u2018]\p{Lu}[^"\u201d\u2019\n]{0,30}["\u201d\u2019]\s+(?=\p{Lu})/uy;

/** Index of the token that resumes a name after a quoted nickname following token j, or -1. */
function afterNickname(body: string, tokens: readonly Token[], j: number): number {
  NICKNAME.lastIndex = tokens[j].tail;
  const m = NICKNAME.exec(body);
  if (!m) return -1;
  const resumeAt = tokens[j].tail + m[0].length;
  for (let k = j + 1; k < tokens.length && tokens[k].start <= resumeAt; k++) if (tokens[k].start === resumeAt) return k;
  return -1;
}

/** Candidate names: maximal stretches of name words inside runs of capitalised words. */
function findSegments(body: string, tokens: readonly Token[], reg: CompiledActors, claimed: Uint8Array, sentenceStarts: ReadonlySet<number>): Segment[] {
  const segments: Segment[] = [];
  const free = (k: number) => k < tokens.length && !claimed[k];
  let i = 0;
  while (i < tokens.length) {
    if (claimed[i] || !nameable(tokens, i, reg, body) || (isAnyInitial(tokens[i]) && !tokens[i + 1]?.cap)) {
      i++;
      continue;
    }
    const words = [tokens[i]];
    let nickname = false;
    let j = i;
    while (free(j + 1) && !tokens[j].possessive) {
      const adjacent = spaced(body, tokens[j], tokens[j + 1]);
      const through = adjacent ? particlesThenName(body, tokens, j + 1, (k) => free(k) && nameable(tokens, k, reg, body)) : -1;
      if (adjacent && nameable(tokens, j + 1, reg, body)) {
        words.push(tokens[++j]);
      } else if (through > 0) {
        words.push(...tokens.slice(j + 1, through + 1));
        j = through;
      } else {
        const resume = afterNickname(body, tokens, j);
        if (resume < 0 || !free(resume) || !nameable(tokens, resume, reg, body)) break;
        nickname = true;
        j = resume;
        words.push(tokens[j]);
      }
    }
    // "Frank A. Tarentino III", "Robert Smith Jr.": a generational suffix closes the name.
    const suffix = tokens[j + 1];
    if (suffix && free(j + 1) && SUFFIXES.has(suffix.lower) && /^,?\s$/.test(body.slice(tokens[j].tail, suffix.start)) && !tokens[j].possessive) {
      words.push(suffix);
      j++;
    }
    i = j + 1;
    while (words.length > 1 && (isAnyInitial(words[words.length - 1]) || isParticle(words[words.length - 1]))) words.pop();
    // A sentence opener ("Meanwhile", "Aboard") or a leftover title word ("Charge" of "Agent
    // in Charge") before a name that starts with a given name is not part of it.
    if (words.length >= 3 && !looksLikeNameStart(words[0]) && !isAnyInitial(words[0])) {
      const given = words.findIndex((t, k) => k > 0 && GIVEN_NAMES.has(t.lower));
      const cut = given > 0 && words.length - given >= 2 ? given : sentenceInitial(body, tokens, words[0].index, sentenceStarts) ? 1 : 0;
      words.splice(0, cut);
    }
    segments.push({ words, from: words[0].index, to: words[words.length - 1].index, nickname });
  }
  return segments;
}

function looksLikeNameStart(t: Token): boolean {
  const w = t.lower;
  return GIVEN_NAMES.has(w) || CHINESE_SURNAMES.has(w) || isPinyinName(w);
}

/** The parts of a hyphenated word as ranges ("Xi-Biden" -> "Xi", "Biden"); none for a plain word. */
function hyphenParts(t: Token): TextRange[] {
  const parts = t.word.split(/[-\u2010\u2011]/);
  if (parts.length < 2) return [];
  const ranges: TextRange[] = [];
  let offset = t.start;
  for (const part of parts) {
    ranges.push({ start: offset, end: offset + part.length });
    offset += part.length + 1;
  }
  return ranges;
}

/** Folded words of a name, without initials and particles: what matching compares. */
function nameWords(tokens: readonly Token[]): string[] {
  return tokens.filter((t) => !isAnyInitial(t) && !isParticle(t) && !SUFFIXES.has(t.lower)).map((t) => fold(t.word));
}

interface Context {
  body: string;
  tokens: readonly Token[];
  reg: CompiledActors;
  ctx: ExtractContext;
}

function sentenceEndOf(c: Context, offset: number): number {
  return c.ctx.sentences[sentenceAt(c.ctx.sentences, offset)]?.end ?? c.body.length;
}

/** Is this candidate a person? See the module comment for the evidence used. */
function isPerson(c: Context, seg: Segment, covered: (r: TextRange) => boolean): boolean {
  const { body, tokens } = c;
  const real = seg.words.filter((t) => !isAnyInitial(t) && !isParticle(t) && !SUFFIXES.has(t.lower));
  // "S.K. Mishra", "MI Ali": one name word after initials is a name only on the context's word.
  const initialsAndSurname = real.length === 1 && isAnyInitial(seg.words[0]);
  if ((real.length < 2 && !initialsAndSurname) || seg.words.length > 6) return false;
  const last = seg.words[seg.words.length - 1];
  const range = { start: seg.words[0].start, end: last.end };
  if (covered(range)) return false; // the words name an organisation ("Canada Border Services Agency")
  const sentence = c.ctx.sentences[sentenceAt(c.ctx.sentences, range.start)];
  if (inCredit(body, sentence?.start ?? 0, range.start)) return false;

  const title = titleBefore(body, tokens, seg.from, c.reg);
  const after = appositiveAfter(body, last.tail, sentenceEndOf(c, range.start));
  if (after.personal || seg.nickname) return true;
  // Words that open a following organisation or law ("Santa Rosa de Lima Cartel", "Controlled Substances Act").
  const next = tokens[seg.to + 1];
  if (next && next.cap && spaced(body, last, next) && ORG_WORDS.has(next.lower)) return false;
  if (title.personal) return true;
  if (initialsAndSurname) return speechAround(body, tokens, seg.from, seg.to);
  // Words that read as chemicals ("Methyl Glycidate").
  if (real.some((t) => looksChemical(t.word))) return false;
  if (GIVEN_NAMES.has(real[0].lower)) return true;
  if (real.length === 2 && chineseShape(fold(real[0].word), fold(real[1].word))) return true;
  return speechAround(body, tokens, seg.from, seg.to) && real.length <= 3;
}

/** Keys a later short reference may use: the surname, the last two words, a Chinese family name. */
function shortKeys(p: Person): string[] {
  const keys = new Set<string>();
  const w = p.words;
  // A Chinese name written family name first ("Huang Li") is shortened to the family name, never the given name.
  const familyFirst = w.length === 2 && CHINESE_SURNAMES.has(w[0]) && isPinyinName(w[1]);
  if (familyFirst) keys.add(w[0]);
  else if (w.length >= 2) {
    keys.add(w[w.length - 1]);
    if (w.length >= 3) keys.add(`${w[w.length - 2]} ${w[w.length - 1]}`);
  } else if (w.length === 1 && !p.entry) keys.add(w[0]); // "S.K. Mishra" is later "Mishra"
  
  for (const alias of p.entry?.aliases ?? []) {
    const parts = fold(alias).replace(/\./g, "").split(/\s+/);
    if (parts.length === 1) keys.add(parts[0]);
  }
  for (const k of keys) if (STOP_WORDS.has(k)) keys.delete(k); // "He" (He Lifeng) is far more often the pronoun
  return [...keys];
}

function nearest(people: readonly Person[], offset: number): Person {
  let best = people[0];
  let bestDistance = Infinity;
  for (const p of people) {
    for (const m of p.mentions) {
      // A short reference looks back to the last full mention; forward only when none precedes.
      const d = m.start <= offset ? offset - m.start : 1e9 + m.start - offset;
      if (d < bestDistance) {
        bestDistance = d;
        best = p;
      }
    }
  }
  return best;
}

/** The registry title held at the article's date (the last one listed when several fit). */
function registryTitle(entry: PersonEntry, date: string): PersonEntry["titles"][number] | undefined {
  const fits = entry.titles.filter((t) => (!t.from || t.from <= date) && (!t.to || date.slice(0, t.to.length) <= t.to));
  return fits[fits.length - 1] ?? entry.titles[entry.titles.length - 1];
}

function actorIn(actors: readonly Actor[], start: number, end: number, wantCountry: boolean): Actor | undefined {
  let best: { actor: Actor; at: number } | undefined;
  for (const a of actors) {
    if ((a.type === "country") !== wantCountry) continue;
    for (const m of a.mentions) {
      if (m.start >= start && m.end <= end && (!best || m.start < best.at)) best = { actor: a, at: m.start };
    }
  }
  return best?.actor;
}

type Description = Pick<Official, "title" | "organization" | "organizationId" | "country" | "countryId">;

/** Title contexts around a person's full mentions (the first few): before, after, clause before. */
function contextsOf(c: Context, p: Person): TitleContext[] {
  const contexts: TitleContext[] = [];
  for (const r of p.full.slice(0, 4)) {
    const first = c.tokens[r.from];
    const last = c.tokens[r.to];
    const sentence = c.ctx.sentences[sentenceAt(c.ctx.sentences, first.start)];
    const options = [
      titleBefore(c.body, c.tokens, r.from, c.reg),
      appositiveAfter(c.body, last.tail, sentence?.end ?? c.body.length),
      titleClauseBefore(c.body, sentence?.start ?? 0, first.start, last.tail),
    ];
    for (const o of options) if (o && (o.title || o.countryId)) contexts.push(o);
  }
  return contexts;
}

function setCountry(c: Context, out: Description, id: string | undefined): void {
  const iso = isoOf(c.reg, id);
  if (iso) {
    out.country = iso.iso;
    out.countryId = iso.countryId;
  }
}

/** Title, organisation and country from the text, completed from the registry entry. */
function describe(c: Context, p: Person, actors: readonly Actor[]): Description {
  const out: Description = {};
  const contexts = contextsOf(c, p);
  // The fullest title wins: "Secretary of Security and Citizen Protection" over "Secretary".
  const title = contexts.map((o) => o.title).filter((t): t is string => !!t).sort((a, b) => b.length - a.length)[0];
  if (title) out.title = title;
  const org = contexts.map((o) => actorIn(actors, o.orgStart, o.orgEnd, false)).find((a) => a);
  if (org) {
    out.organization = org.name;
    out.organizationId = org.id;
  }
  const country =
    contexts.find((o) => o.countryId)?.countryId ??
    contexts.map((o) => actorIn(actors, o.orgStart, o.orgEnd, true)).find((a) => a)?.id ??
    org?.country ??
    org?.id;
  setCountry(c, out, country);
  if (p.entry) {
    // The registry title the text names ("Minister of Public Security"), else the one held at the date.
    const named = title ? p.entry.titles.find((t) => fold(t.title) === fold(title)) : undefined;
    const held = named ?? registryTitle(p.entry, c.ctx.date);
    if (!out.title && held) out.title = held.title;
    const heldOrg = held?.organization ? c.reg.orgById.get(held.organization) : undefined;
    if (!out.organizationId && heldOrg && heldOrg.type !== "country") {
      out.organization = heldOrg.name;
      out.organizationId = heldOrg.id;
    }
    if (p.entry.country) setCountry(c, out, p.entry.country);
  }
  return out;
}

/** The people found so far; registry people are kept once per entry. */
interface Found {
  people: Person[];
  byEntry: Map<PersonEntry, Person>;
}

interface Candidate {
  words: string[];
  name: string;
  range: TextRange;
  seg?: Segment;
  /** See {@link Person.initials}. */
  initials?: string;
}

/** The letters of a name's leading initials: "S.K. Mishra" and "SK Mishra" both give "sk". */
function leadingInitials(tokens: readonly Token[]): string | undefined {
  let letters = "";
  for (const t of tokens) {
    if (!isAnyInitial(t)) break;
    letters += t.key.toLowerCase();
  }
  return letters || undefined;
}

function registryPerson(found: Found, entry: PersonEntry): Person {
  let p = found.byEntry.get(entry);
  if (!p) {
    const aliases = entry.aliases.map((a) => nameWords(tokenize(a)).join(" "));
    p = { name: entry.name, words: nameWords(tokenize(entry.name)), aliases, entry, mentions: [], full: [] };
    found.byEntry.set(entry, p);
    found.people.push(p);
  }
  return p;
}

/** Step 1: registry people by full name or multi-word alias; their tokens are claimed. */
function findRegistryPeople(c: Context, claimed: Uint8Array, found: Found): void {
  const { body, tokens } = c;
  for (let i = 0; i < tokens.length; i++) {
    const m = matchAt(c.reg.people, body, tokens, i);
    if (!m || m.pattern.keys.length < 2) continue;
    const p = registryPerson(found, m.pattern.entry);
    p.mentions.push({ start: tokens[m.from].start, end: tokens[m.to - 1].end });
    p.full.push({ from: m.from, to: m.to - 1 });
    claimed.fill(1, m.from, m.to);
    i = m.to - 1;
  }
}

/** "Guanghua and Fujing Zheng": a lone given name before "and" shares the surname of the name after it. */
function coordinated(c: Context, accepted: readonly Segment[], claimed: Uint8Array): Candidate[] {
  const { body, tokens } = c;
  const out: Candidate[] = [];
  for (const seg of accepted) {
    const and = tokens[seg.from - 1];
    const lone = tokens[seg.from - 2];
    if (seg.words.length !== 2 || !and || and.word !== "and" || !lone || lone.possessive || claimed[lone.index]) continue;
    if (!spaced(body, lone, and) || !spaced(body, and, tokens[seg.from])) continue;
    const before = tokens[lone.index - 1];
    const alone = !before || !before.cap || !spaced(body, before, lone);
    if (!alone || !nameShaped(lone) || isBlocked(lone, c.reg)) continue;
    const surname = tokens[seg.to];
    const a = fold(lone.word);
    const b = fold(surname.word);
    if (GIVEN_NAMES.has(a) || chineseShape(a, b)) out.push({ words: [a, b], name: `${lone.word} ${surname.word}`, range: { start: lone.start, end: lone.end } });
  }
  return out;
}

/** Is `cand` a form of person `p`: the same words, their tail ("García Harfuch"), the reverse of a Chinese name, or an alias? */
function sameAs(p: Person, cand: Candidate): boolean {
  // "SK Singh" is a full name of its own: not a short form of "Sonu Singh", nor "MI Ali" of "SK Ali".
  if (cand.initials !== undefined || p.initials !== undefined) return cand.initials === p.initials && cand.words.join(" ") === p.words.join(" ");
  const key = cand.words.join(" ");
  const pk = p.words.join(" ");
  if (pk === key || pk.endsWith(` ${key}`)) return true;
  if (p.words.length === 2 && cand.words.length === 2 && p.words[0] === cand.words[1] && p.words[1] === cand.words[0]) return true;
  return p.aliases.includes(key);
}

/** Registry people by the folded words of their names and aliases, initials left out ("Merrick B. Garland"). */
const peopleByWords = new WeakMap<ActorRegistry, Map<string, PersonEntry>>();

function registryByWords(registry: ActorRegistry): Map<string, PersonEntry> {
  let map = peopleByWords.get(registry);
  if (!map) {
    map = new Map();
    for (const p of registry.people) for (const n of [p.name, ...p.aliases]) map.set(nameWords(tokenize(n)).join(" "), p);
    peopleByWords.set(registry, map);
  }
  return map;
}

/** Step 3: candidates become people, longest forms first so that shorter forms join them. */
function mergeCandidates(candidates: Candidate[], found: Found, registry: ActorRegistry): void {
  const sorted = [...candidates].sort((a, b) => b.words.length - a.words.length || a.range.start - b.range.start);
  for (const cand of sorted) {
    const full = cand.seg ? { from: cand.seg.from, to: cand.seg.to } : undefined;
    const entry = cand.words.length >= 2 ? registryByWords(registry).get(cand.words.join(" ")) : undefined;
    const same = entry ? registryPerson(found, entry) : found.people.find((p) => sameAs(p, cand));
    if (same) {
      same.mentions.push(cand.range);
      if (full && cand.words.length === same.words.length) same.full.push(full);
    } else {
      found.people.push({ name: cand.name, words: cand.words, aliases: [], mentions: [cand.range], full: full ? [full] : [], initials: cand.initials });
    }
  }
}

/**
 * Step 4: short references ("Xi", "Mr. Lin", "García Harfuch", the parts of "Xi-Biden")
 * join the nearest person they fit; a registry short alias ("the Biden administration")
 * brings in its person when no one in the article claims the word.
 */
function addShortReferences(c: Context, claimed: Uint8Array, found: Found): void {
  const { body, tokens, reg } = c;
  const byKey = new Map<string, Person[]>();
  for (const p of found.people) for (const k of shortKeys(p)) byKey.set(k, [...(byKey.get(k) ?? []), p]);
  const mentioned = new SpanIndex(found.people.flatMap((p) => p.mentions));
  const taken = (offset: number) => mentioned.covers(offset);
  const refs: { person: Person; range: TextRange }[] = [];
  const refer = (key: string, range: TextRange) => {
    const people = byKey.get(key);
    if (people) refs.push({ person: nearest(people, range.start), range });
    return !!people;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.cap || claimed[i] || taken(t.start)) continue;
    const next = tokens[i + 1];
    if (next && next.cap && spaced(body, t, next) && refer(`${fold(t.word)} ${fold(next.word)}`, { start: t.start, end: next.end })) {
      i++;
      continue;
    }
    if (refer(fold(t.word), { start: t.start, end: t.end })) continue;
    const parts = hyphenParts(t).filter((r) => /^\p{Lu}/u.test(body[r.start]));
    if (parts.map((r) => refer(fold(body.slice(r.start, r.end)), r)).some(Boolean)) continue;
    const alias = matchAt(reg.people, body, tokens, i);
    const partOfName = next && next.cap && spaced(body, t, next) && (ORG_WORDS.has(next.lower) || PLACE_WORDS.has(next.lower));
    if (alias && alias.to - alias.from === 1 && !partOfName) registryPerson(found, alias.pattern.entry).mentions.push({ start: t.start, end: t.end });
  }
  for (const { person, range } of refs) person.mentions.push(range);
}

function toOfficial(c: Context, p: Person, actors: readonly Actor[]): Official {
  const mentions: Span[] = [...p.mentions]
    .sort((a, b) => a.start - b.start)
    .filter((m, k, all) => k === 0 || m.start !== all[k - 1].start)
    .map((m) => ({ text: c.body.slice(m.start, m.end), start: m.start, end: m.end, sentence: sentenceAt(c.ctx.sentences, m.start) }));
  const first = mentions[0];
  return {
    id: p.entry?.id ?? slugify(p.name),
    name: p.name,
    ...describe(c, p, actors),
    registered: !!p.entry,
    mentions,
    provenance: { article: c.ctx.slug, sentence: first.sentence, start: first.start, end: first.end },
  };
}

export function extractOfficials(body: string, ctx: ExtractContext, actors: Actor[]): Official[] {
  const tokens = tokensFor(body, ctx.sentences);
  const c: Context = { body, tokens, reg: compileActors(ctx.registries.actors), ctx };
  const claimed = new Uint8Array(tokens.length);
  const found: Found = { people: [], byEntry: new Map() };
  findRegistryPeople(c, claimed, found);

  // Step 2: candidates from capitalised runs, kept when the evidence says person.
  const orgSpans = new SpanIndex(actors.filter((a) => a.type !== "country").flatMap((a) => a.mentions));
  const covered = (r: TextRange) => orgSpans.contains(r.start, r.end);
  const sentenceStarts = new Set(ctx.sentences.map((s) => s.start));
  const accepted = findSegments(body, tokens, c.reg, claimed, sentenceStarts).filter((seg) => isPerson(c, seg, covered));
  const candidates: Candidate[] = accepted.map((seg) => ({
    words: nameWords(seg.words),
    name: seg.words.map((t) => t.text).join(" "),
    range: { start: seg.words[0].start, end: seg.words[seg.words.length - 1].end },
    seg,
    initials: nameWords(seg.words).length === 1 ? leadingInitials(seg.words) : undefined,
  }));
  mergeCandidates([...candidates, ...coordinated(c, accepted, claimed)], found, ctx.registries.actors);
  addShortReferences(c, claimed, found);
  return found.people.map((p) => toOfficial(c, p, actors)).sort((a, b) => a.provenance.start - b.provenance.start);
}
