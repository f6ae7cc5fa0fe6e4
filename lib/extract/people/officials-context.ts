/**
 * What the words around a name say about the person: a title before it ("China's Minister
 * of Public Security Wang Xiaohong"), an appositive after it ("Liu Weidong, a scholar at
 * the Chinese Academy of Social Sciences"), a title clause before a comma ("The Chief of
 * the Laboratory ..., Justice Tettey, said"), and verbs of speech around it.
 */
import { ACTION_VERBS, GIVEN_NAMES, HONORIFICS, ORG_WORDS, ROLE_NOUNS, SPEECH_VERBS, TITLE_WORDS } from "./names-lexicon";
import { countryOfToken, type CompiledActors } from "./names-registry";
import { spaced, type Token } from "./names-tokens";

export interface TitleContext {
  /** The title as written, without modifiers such as "former": "Minister of Public Security". */
  title?: string;
  /** Character range to search for the organisation (the title phrase or the appositive). */
  orgStart: number;
  orgEnd: number;
  /** A country named by the context ("U.S. Ambassador", "China's Minister", "in Mexico"). */
  countryId?: string;
  /** The context says this is a person: a title, role, honorific, age or "who". */
  personal: boolean;
}

const CONNECTORS = new Set(["of", "for", "the", "and", "on", "to", "in"]);
/** Words by which a title governs a country: "Ambassador to China", "Minister of India". */
const TITLE_LINKS = new Set(["to", "of", "for", "in"]);
/** Lower-case words that qualify a title and are left out of it. */
const MODIFIERS = new Set(["former", "then", "acting", "interim", "outgoing", "incoming", "top", "current", "late", "newly", "appointed", "named", "ex"]);
/** Words that may stand between a name and its verb: "Liu also said", "Trump has said". */
const AUXILIARIES = new Set(["also", "has", "had", "have", "later", "then", "previously", "earlier", "recently", "once", "again", "further", "repeatedly", "reportedly", "separately", "publicly"]);

/** Roles that show a person but are no title: "his brother Omar", "the father of". */
const KINSHIP = new Set(["mother", "father", "son", "daughter", "brother", "sister", "wife", "husband", "friend", "colleague", "national", "citizen", "resident", "member"]);

/** A title ("Minister") or role ("spokesperson", "Analyst" opening a sentence); "National" as a capital is an organisation word. */
const isTitleWord = (t: Token) => TITLE_WORDS.has(t.lower) || (ROLE_NOUNS.has(t.lower) && !(t.cap && t.lower === "national"));
const isAcronym = (t: Token) => t.word.length >= 2 && /^[A-Z0-9.&-]+$/.test(t.text);

function gap(body: string, a: Token, b: Token): string {
  return body.slice(a.tail, b.start);
}

/** Singular of a plural title: "Presidents Donald Trump and Xi Jinping" -> "President". */
function singular(word: string): string {
  return word.endsWith("s") && TITLE_WORDS.has(word.slice(0, -1).toLowerCase()) ? word.slice(0, -1) : word;
}

/**
 * Walks back from the name over a title phrase: title words, lower-case roles, organisation
 * words joined by "of"/"for", modifiers, stopping at a country ("U.S.", "China's",
 * "Chinese"), punctuation or any other word.
 */
export function titleBefore(body: string, tokens: readonly Token[], from: number, reg: CompiledActors): TitleContext {
  const nameStart = tokens[from].start;
  let j = from - 1;
  let firstTitle = -1;
  let honorific = false;
  let countryId: string | undefined;
  let zoneStart = nameStart;
  let orgWord = false;
  while (j >= 0 && spaced(body, tokens[j], tokens[j + 1])) {
    const t = tokens[j];
    const w = t.lower;
    const country = countryOfToken(reg, t);
    if (country && (t.possessive || !isTitleWord(t))) {
      zoneStart = t.start;
      // "Ambassador to China Nicholas Burns": a country the title governs is part of it.
      const governed = j > 0 && !t.possessive && TITLE_LINKS.has(tokens[j - 1].lower) && spaced(body, tokens[j - 1], t);
      if (!governed) {
        countryId = country.id;
        break;
      }
      j--;
      continue;
    }
    if (t.possessive) break; // "the agency's director": the owner is not part of the title
    if (t.cap && HONORIFICS.has(w)) {
      honorific = true;
      if (firstTitle < 0) zoneStart = t.start;
    } else if (isTitleWord(t)) {
      firstTitle = j;
      zoneStart = t.start;
    } else if (ORG_WORDS.has(w) || (t.cap && isAcronym(t))) {
      // "Foreign Ministry spokesperson", "foreign ministry spokeswoman", "FBI Director"
      zoneStart = t.start;
      orgWord = true;
      j--;
      continue;
    } else if (t.cap && orgWord && !GIVEN_NAMES.has(w)) {
      // The rest of an organisation's name before its head word: "White House Deputy ... Advisor".
      zoneStart = t.start;
    } else if (CONNECTORS.has(w) && j > 0 && tokens[j + 1].cap) {
      // "Minister of Public Security": kept only if a title word turns up further left
    } else if (MODIFIERS.has(w)) {
      // "former President": skipped
    } else break;
    orgWord = false;
    j--;
  }
  let title: string | undefined;
  if (firstTitle >= 0 && !(firstTitle === from - 1 && KINSHIP.has(tokens[firstTitle].lower))) {
    // The title runs from the first word of the phrase ("State Councilor", "Treasury Secretary",
    // "Foreign Ministry spokesperson"), leaving out modifiers and connectors at its ends.
    let first = j + 1;
    while (first < firstTitle && (MODIFIERS.has(tokens[first].lower) || CONNECTORS.has(tokens[first].lower))) first++;
    let last = from - 1;
    while (last > firstTitle && (HONORIFICS.has(tokens[last].lower) || CONNECTORS.has(tokens[last].lower))) last--;
    title = body.slice(tokens[first].start, tokens[last].end).replace(/\s+/g, " ");
    if (first === last) title = singular(title);
  }
  return { title, orgStart: zoneStart, orgEnd: nameStart, countryId, personal: firstTitle >= 0 || honorific };
}

/** ", a senior official at the Supreme People's Procuratorate," and the like. */
const APPOSITIVE = /^,\s+(?:(?:who|which) (?:is|was|serves as|served as|has been) )?(?:(?:the|a|an|its|his|her) )?([^,;:()"\u201c\u201d]{2,160})/;
/** Where a role ends and its organisation or place begins. */
const ROLE_END = /\s(?:at|with|in|for|from|on|since|who|of the|of a|of an|said|told|and (?:a|an|the|one)|to)\s/;
/** ", 45, of Akron", and the last of a list: "..., and Jane Roe, 24." */
const AGE = /^,\s+(?:aged\s+)?\d{1,3}(?:,|;|\.(?!\d)|\s+and\b)/;
/** "China's ambassador", "the White House's Deputy Homeland Security Advisor": the owner is not part of the title. */
const OWNER = /^(?:\p{Lu}[\p{L}.]*\s+){0,3}\p{Lu}[\p{L}.]*['\u2019]s\s+/u;
const SAYS_NEXT = new RegExp(`^\\s*(?:\\([^)]*\\)\\s*)?(?:also\\s+)?(?:${[...SPEECH_VERBS].join("|")})\\b`, "i");
/** ", who ...", ", known as ..." (Mexican reports write a withheld surname as “N” before it). */
const WHO = /^(?:\s*["\u201c][^"\u201d]{1,4}["\u201d])?,\s+(?:who|known as|also known as|alias)\b/;

/** A short bracket right after a name: a short form, an initialism or a photo cue ("(Hua)", "(pictured)"). */
const SHORT_BRACKET = /^\s*\([^()\n]{1,30}\)/;

/** Parses what follows a name. `end` is the offset just after the name. */
export function appositiveAfter(body: string, end: number, sentenceEnd: number): TitleContext {
  // "Hua Zhendong (Hua), technical director of ...": the appositive follows the bracket.
  const bracket = SHORT_BRACKET.exec(body.slice(end, sentenceEnd));
  if (bracket) end += bracket[0].length;
  const after = body.slice(end, sentenceEnd);
  if (AGE.test(after) || WHO.test(after)) return { orgStart: end, orgEnd: end, personal: true };
  const m = APPOSITIVE.exec(after);
  if (!m) return { orgStart: end, orgEnd: end, personal: false };
  const clause = m[1];
  // ", the Fiscalía General (FGR) said": a new subject and its verb, not an appositive.
  if (SAYS_NEXT.test(after.slice(m[0].length))) return { orgStart: end, orgEnd: end, personal: false };
  const cut = ROLE_END.exec(` ${clause} `);
  // "China's ambassador to the UN": the owner is a country, not part of the title.
  const role = (cut ? ` ${clause} `.slice(1, cut.index) : clause).trim().replace(/\.$/, "").replace(OWNER, "");
  const roleWords = role.split(/\s+/);
  const clauseStart = end + m[0].length - clause.length;
  // The role must hold a title or role word within its first few words ("deputy director",
  // "a scholar"); otherwise this is a list or a place ("Akron, Ohio").
  if (roleWords.length > 8 || !roleWords.some((w) => ROLE_NOUNS.has(w.toLowerCase()) || TITLE_WORDS.has(w.toLowerCase()))) {
    return { orgStart: end, orgEnd: end, personal: false };
  }
  return { title: role, orgStart: clauseStart, orgEnd: clauseStart + clause.length, personal: true };
}

/** "The Chief of the Laboratory ... at the UN Office on Drugs and Crime, NAME, said". */
const TITLE_CLAUSE = /(?:^|[.;]\s+|^\s*)(?:the\s+)?([A-Za-z][^,;:"\u201c\u201d]{2,160}),\s+$/i;

export function titleClauseBefore(body: string, sentenceStart: number, nameStart: number, nameEnd: number): TitleContext | null {
  if (!/^,/.test(body.slice(nameEnd, nameEnd + 1))) return null;
  const before = body.slice(sentenceStart, nameStart);
  const m = TITLE_CLAUSE.exec(before);
  if (!m) return null;
  const clause = m[1];
  const firstWord = clause.split(/\s+/)[0].toLowerCase();
  if (!TITLE_WORDS.has(firstWord) && !ROLE_NOUNS.has(firstWord)) return null;
  const cut = ROLE_END.exec(` ${clause} `);
  const role = (cut ? ` ${clause} `.slice(1, cut.index) : clause).trim();
  const start = sentenceStart + before.length - m[0].length + m[0].indexOf(clause);
  return { title: role, orgStart: start, orgEnd: start + clause.length, personal: true };
}

/** "said NAME", "according to NAME", "NAME said", "NAME also told", "NAME, said:". */
export function speechAround(body: string, tokens: readonly Token[], from: number, to: number): boolean {
  let p = from - 1;
  if (p >= 0 && HONORIFICS.has(tokens[p].lower)) p--;
  const prev = tokens[p];
  const joined = (a: Token, b: Token) => spaced(body, a, b) || /^\s*,\s*$/.test(gap(body, a, b));
  if (prev && !prev.cap && SPEECH_VERBS.has(prev.lower) && joined(prev, tokens[p + 1])) return true;
  if (prev && prev.lower === "to" && tokens[p - 1] && tokens[p - 1].lower === "according") return true;
  let n = to + 1;
  if (tokens[n] && !spaced(body, tokens[to], tokens[n]) && !/^\s*,\s*$/.test(gap(body, tokens[to], tokens[n]))) return false;
  for (let k = 0; k < 2 && tokens[n] && AUXILIARIES.has(tokens[n].lower) && !tokens[n].cap; k++) n++;
  const next = tokens[n];
  return !!next && !next.cap && (SPEECH_VERBS.has(next.lower) || ACTION_VERBS.has(next.lower));
}

/**
 * Bylines and credits name journalists, not people in the story: "By Jane Doe",
 * "(Reporting by ...; Editing by ...)", "Photo: Reuters/Jane Doe".
 */
const CREDIT = /(?:\b(?:reporting|editing|writing|reported|written|compiled|edited|photos?|photographs?|illustrations?|graphics?|videos?)\s+by\s[^.;:()]*|(?:photos?|images?|credits?|source)\s*:\s*[^.;()]*|\/\s*)$/i;
const BYLINE = /^\s*by\s+[^.;:]*$/i;

export function inCredit(body: string, sentenceStart: number, nameStart: number): boolean {
  const before = body.slice(Math.max(sentenceStart, nameStart - 120), nameStart);
  return CREDIT.test(before) || BYLINE.test(body.slice(sentenceStart, nameStart));
}
