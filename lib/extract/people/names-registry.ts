/**
 * The actor registry compiled for matching, once per registry object (WeakMap): every
 * name and alias becomes a list of word keys indexed by its first word, so an article is
 * matched in one pass over its tokens whatever the registry's size.
 *
 * Case: single words and acronyms match exactly ("DEA", "US" but not "us", "Washington");
 * names of two or more ordinary words match in any case ("foreign ministry"). Dots are
 * ignored ("U.S." = "US") and so is a leading "the" in an alias.
 */
import type { ActorRegistry, OrganizationEntry, PersonEntry } from "../../schema";
import { spaced, tokenize, type Token } from "./names-tokens";

export interface Pattern<E> {
  entry: E;
  /** Word keys (dots removed); lower-cased when the pattern ignores case. */
  keys: string[];
  caseSensitive: boolean;
  /** All capitals ("DEA", "U.S."): exempt from the place-name guards below. */
  acronym: boolean;
}

/** Patterns by their first word: exact for case-sensitive ones, lower-cased for the others. */
export interface PatternIndex<E> {
  exact: Map<string, Pattern<E>[]>;
  folded: Map<string, Pattern<E>[]>;
}

export interface CompiledActors {
  orgs: PatternIndex<OrganizationEntry>;
  adjectives: PatternIndex<OrganizationEntry>;
  people: PatternIndex<PersonEntry>;
  orgById: Map<string, OrganizationEntry>;
  /** Lower-case words of country names, aliases and adjectives: never part of a person's name. */
  placeWords: Set<string>;
}

export interface PatternMatch<E> {
  pattern: Pattern<E>;
  /** Token index of the first and one past the last matched token. */
  from: number;
  to: number;
}

const ACRONYM = /^(?:[A-Z0-9]\.?[-&]?){2,}$/;
const ORDINARY = /\p{Ll}/u;

function compilePattern<E>(entry: E, surface: string): Pattern<E> | null {
  const tokens = tokenize(surface.replace(/^the\s+/i, ""));
  if (tokens.length === 0) return null;
  const acronym = tokens.some((t) => ACRONYM.test(t.text) && !ORDINARY.test(t.text));
  const caseSensitive = tokens.length === 1 || acronym;
  return {
    entry,
    keys: tokens.map((t) => (caseSensitive ? t.key : t.lower)),
    caseSensitive,
    acronym: tokens.length === 1 && acronym,
  };
}

function addPattern<E>(index: PatternIndex<E>, pattern: Pattern<E> | null): void {
  if (!pattern) return;
  const map = pattern.caseSensitive ? index.exact : index.folded;
  const list = map.get(pattern.keys[0]) ?? [];
  // "U.S." and "US" compile to the same keys: keep one.
  if (!list.some((p) => p.entry === pattern.entry && p.keys.join(" ") === pattern.keys.join(" "))) list.push(pattern);
  map.set(pattern.keys[0], list);
}

const emptyIndex = <E>(): PatternIndex<E> => ({ exact: new Map(), folded: new Map() });

const compiled = new WeakMap<ActorRegistry, CompiledActors>();

export function compileActors(registry: ActorRegistry): CompiledActors {
  const hit = compiled.get(registry);
  if (hit) return hit;
  const result: CompiledActors = {
    orgs: emptyIndex(),
    adjectives: emptyIndex(),
    people: emptyIndex(),
    orgById: new Map(registry.organizations.map((o) => [o.id, o])),
    placeWords: new Set(),
  };
  for (const org of registry.organizations) {
    for (const surface of [org.name, ...org.aliases]) addPattern(result.orgs, compilePattern(org, surface));
    for (const surface of org.adjectives) addPattern(result.adjectives, compilePattern(org, surface));
    if (org.type === "country") {
      for (const surface of [org.name, ...org.aliases, ...org.adjectives])
        for (const t of tokenize(surface)) if (t.cap) result.placeWords.add(t.lower);
    }
  }
  for (const person of registry.people) {
    for (const surface of [person.name, ...person.aliases]) addPattern(result.people, compilePattern(person, surface));
  }
  compiled.set(registry, result);
  return result;
}

function keyMatches(pattern: Pattern<unknown>, token: Token, i: number): boolean {
  return pattern.caseSensitive ? token.key === pattern.keys[i] : token.lower === pattern.keys[i];
}

function longest<E>(candidates: readonly Pattern<E>[] | undefined, body: string, tokens: readonly Token[], from: number, best: PatternMatch<E> | null): PatternMatch<E> | null {
  if (!candidates) return best;
  for (const pattern of candidates) {
    const n = pattern.keys.length;
    if ((best && n <= best.to - best.from) || from + n > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      ok = keyMatches(pattern, tokens[from + k], k) && (k === n - 1 || spaced(body, tokens[from + k], tokens[from + k + 1]));
    }
    if (ok) best = { pattern, from, to: from + n };
  }
  return best;
}

/** Longest pattern of `index` that starts at token `from`; its words must be one space apart. */
export function matchAt<E>(index: PatternIndex<E>, body: string, tokens: readonly Token[], from: number): PatternMatch<E> | null {
  const first = tokens[from];
  return longest(index.folded.get(first.lower), body, tokens, from, longest(index.exact.get(first.key), body, tokens, from, null));
}

/** Capitalised words after a place that make it part of a longer name ("Washington Post", "South China Sea"). */
const CONTINUATION = new Set([
  "post", "times", "daily", "journal", "free", "beacon", "morning", "herald", "news", "street", "university",
  "state", "county", "avenue", "airport", "sea", "municipal", "review", "tribune", "star", "globe", "standard",
  "express", "consensus", "olympics", "games", "stock", "exchange", "harbor", "harbour", "bay", "river",
]);
/** Capitalised words before a place that make it another place ("New Mexico", "North America"). */
const PLACE_PREFIX = new Set([
  "new", "south", "north", "east", "west", "northern", "southern", "eastern", "western", "latin", "central",
  "greater", "upper", "lower", "baja", "inner", "outer", "san", "santa", "george",
]);

/**
 * A one-word place alias that is part of a longer proper name: "Washington Free Beacon",
 * "New Mexico", "South China Sea". Acronyms ("US President") are never guarded.
 */
export function isPartOfLongerName(body: string, tokens: readonly Token[], match: PatternMatch<unknown>): boolean {
  if (match.to - match.from !== 1 || match.pattern.acronym) return false;
  const before = tokens[match.from - 1];
  const after = tokens[match.to];
  const token = tokens[match.from];
  if (before && before.cap && !before.possessive && spaced(body, before, token) && PLACE_PREFIX.has(before.lower)) return true;
  if (after && after.cap && !token.possessive && spaced(body, token, after) && CONTINUATION.has(after.lower)) return true;
  return false;
}

/** The country a single token names, by name, alias or adjective ("U.S.", "China's", "Chinese"). */
export function countryOfToken(reg: CompiledActors, token: Token): OrganizationEntry | undefined {
  for (const index of [reg.orgs, reg.adjectives]) {
    for (const pattern of index.exact.get(token.key) ?? []) {
      if (pattern.keys.length === 1 && pattern.entry.type === "country") return pattern.entry;
    }
  }
  return undefined;
}

/** ISO code of a country id, or of the country an organisation belongs to. */
export function isoOf(reg: CompiledActors, id: string | undefined): { iso: string; countryId: string } | undefined {
  let org = id ? reg.orgById.get(id) : undefined;
  for (let depth = 0; org && depth < 4; depth++) {
    if (org.iso) return { iso: org.iso, countryId: org.id };
    const next: string | undefined = org.country ?? org.parent;
    org = next ? reg.orgById.get(next) : undefined;
  }
  return undefined;
}
