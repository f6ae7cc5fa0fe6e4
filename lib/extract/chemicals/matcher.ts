/**
 * The registry compiled into one character trie, built once per registry object (WeakMap),
 * so an article is scanned in a single left-to-right pass however many names the registry
 * holds, instead of one regex per alias.
 *
 * Keys are names with case folded and separators dropped (spaces, hyphens, brackets,
 * commas, apostrophes): "acetyl fentanyl", "acetyl-fentanyl" and "acetylfentanyl" are one
 * key, and so are "4-(phenylamino)piperidine" and "4-phenylaminopiperidine". The text is
 * walked the same way, so spelling variants of systematic names need no extra aliases.
 */
import type { ChemicalEntry, ChemicalRegistry } from "../../schema";
import { isWordChar, leftBoundaryOk, rightBoundaryOk } from "./boundaries";

/** Characters inside a name that matching ignores. */
const SEPARATOR = /[\s\-\u2010-\u2015()[\],'\u2019\u2032]/;
const SPACE = /\s/;
const DIGIT = /\d/;
/** A name so far that is only a locant list ("1,4", "2,4,6"): single digits joined by commas. */
const LOCANTS_BEFORE = /^\d(?:,\d)+$/;
/** At most this many separators in a row inside one name: ")-" or " (" but not a sentence gap. */
const MAX_GAP = 3;

interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: ChemicalEntry;
  /** The name is an ordinary word that takes a plural "s" ("nitazenes", "fentanyls"). */
  plural?: boolean;
}

export interface ChemicalMatcher {
  root: TrieNode;
  /** Registry entries by CAS number. */
  byCas: ReadonlyMap<string, ChemicalEntry>;
}

export interface NameMatch {
  entry: ChemicalEntry;
  start: number;
  /** End offset, exclusive. */
  end: number;
}

/** Folds a name to its trie key: lowercase, separators dropped. Pure. */
export function nameKey(name: string): string {
  // Code units, not code points, because the text walk reads text[j].
  let key = "";
  for (let i = 0; i < name.length; i++) if (!SEPARATOR.test(name[i])) key += name[i].toLowerCase();
  return key;
}

function surfaces(entry: ChemicalEntry): string[] {
  return [entry.name, ...entry.aliases, ...entry.abbreviations, ...entry.systematic_names];
}

/** Ordinary lowercase words take a plural; abbreviations and locant-ended names do not. */
function takesPlural(surface: string): boolean {
  return /[a-z]{4}$/.test(surface);
}

function insert(root: TrieNode, key: string, entry: ChemicalEntry, plural: boolean): void {
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const ch = key[i];
    let child = node.next.get(ch);
    if (!child) {
      child = { next: new Map() };
      node.next.set(ch, child);
    }
    node = child;
  }
  // The first entry to claim a name keeps it; the registry loader reports the clash.
  if (node.entry && node.entry.id !== entry.id) return;
  node.entry = entry;
  node.plural = (node.plural ?? false) || plural;
}

function compile(registry: ChemicalRegistry): ChemicalMatcher {
  const root: TrieNode = { next: new Map() };
  const byCas = new Map<string, ChemicalEntry>();
  for (const entry of registry.chemicals) {
    for (const surface of surfaces(entry)) {
      const key = nameKey(surface);
      if (key) insert(root, key, entry, takesPlural(surface));
    }
    if (entry.cas && !byCas.has(entry.cas)) byCas.set(entry.cas, entry);
  }
  return { root, byCas };
}

const compiled = new WeakMap<ChemicalRegistry, ChemicalMatcher>();

/** The matcher for `registry`, compiled on first use and cached while the object lives. */
export function matcherFor(registry: ChemicalRegistry): ChemicalMatcher {
  let matcher = compiled.get(registry);
  if (!matcher) {
    matcher = compile(registry);
    compiled.set(registry, matcher);
  }
  return matcher;
}

/** The registry entry whose name folds to `key`, if any. */
export function entryForKey(matcher: ChemicalMatcher, key: string): ChemicalEntry | undefined {
  let node: TrieNode | undefined = matcher.root;
  for (let i = 0; i < key.length && node; i++) node = node.next.get(key[i]);
  return node?.entry;
}

/** The longest registered name starting at `start` that ends on a word boundary. */
function longestAt(text: string, start: number, root: TrieNode): NameMatch | null {
  let node = root;
  let best: NameMatch | null = null;
  let gap = 0;
  let newlines = 0;
  for (let j = start; j < text.length; j++) {
    const ch = text[j];
    if (SEPARATOR.test(ch)) {
      // A name may wrap onto the next line of a paragraph, never across a blank line.
      if (++gap > MAX_GAP || (ch === "\n" && ++newlines > 1)) break;
      // "4 AP" or "2 NPP" is a count and a word, never the name "4-AP"; but a locant list
      // may stand before a space: "1,4 butanediol" is "1,4-butanediol".
      if (SPACE.test(ch) && DIGIT.test(text[j - 1]) && !LOCANTS_BEFORE.test(text.slice(start, j))) break;
      continue;
    }
    gap = 0;
    newlines = 0;
    const child = node.next.get(ch.toLowerCase());
    if (!child) break;
    node = child;
    if (!node.entry) continue;
    if (rightBoundaryOk(text, j + 1)) best = { entry: node.entry, start, end: j + 1 };
    else if (node.plural && text[j + 1] === "s" && rightBoundaryOk(text, j + 2)) {
      best = { entry: node.entry, start, end: j + 2 };
    }
  }
  return best;
}

/** "(2-bromoethyl)benzene": the walk starts at a letter or digit, so take back the "(" it skipped. */
function withOpeningBracket(text: string, match: NameMatch): NameMatch {
  const span = text.slice(match.start, match.end);
  const unclosed = (span.match(/\)/g)?.length ?? 0) - (span.match(/\(/g)?.length ?? 0);
  if (unclosed > 0 && text[match.start - 1] === "(" && !isWordChar(text[match.start - 2])) {
    return { ...match, start: match.start - 1 };
  }
  return match;
}

/**
 * Every registered name in `text`, left to right, longest first at each position, never
 * overlapping. `skip(offset)` says whether a word there is off limits (inside a URL).
 */
export function scanNames(text: string, matcher: ChemicalMatcher, skip: (offset: number) => boolean): NameMatch[] {
  const found: NameMatch[] = [];
  let joinedTo = -1;
  let i = 0;
  while (i < text.length) {
    const wordStart = isWordChar(text[i]) && !isWordChar(text[i - 1]);
    const hit = wordStart && !skip(i) && leftBoundaryOk(text, i, joinedTo) ? longestAt(text, i, matcher.root) : null;
    if (!hit) {
      i++;
      continue;
    }
    const whole = withOpeningBracket(text, hit);
    found.push(whole);
    joinedTo = whole.end;
    i = hit.end;
  }
  return found;
}
