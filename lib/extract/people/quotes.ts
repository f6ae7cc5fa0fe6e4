/**
 * Quotes: quoted speech ("..." and “...”) with its speaker when the sentence attributes it.
 *
 * The speaker is looked for after the quote first (`," said Liu Weidong`, `," Trump said`,
 * `," he said`, `," the ministry said`), then before it (`Liu said: "`, `Trump said, later
 * adding, "`, `Gupta said he was "`), then in "according to X". A named speaker links to
 * an official or an actor; "he"/"she" is the last official named before the quote, "the
 * ministry" the last organisation. Quotes of one to three words are scare quotes ("toys")
 * and are dropped unless attributed.
 */
import type { Actor, Official, Quote } from "../../schema";
import { sentenceAt } from "../../text/sentences";
import type { ExtractContext } from "../context";
import { SPEECH_VERBS } from "./names-lexicon";

interface Anchor {
  start: number;
  end: number;
  kind: "official" | "actor";
  id: string;
  name: string;
  /** An organisation rather than a country or a person. */
  organisation: boolean;
  /** Named as a speaker ("Trump said", "said Liu"): what "he" or "she" most likely refers to. */
  speaking: boolean;
}

type Speaker = Pick<Quote, "speaker" | "speakerId" | "speakerKind">;

interface QuoteSpan {
  /** Offset of the opening and just past the closing quote mark. */
  open: number;
  close: number;
}

const VERB = [...SPEECH_VERBS].join("|");
/** `said Liu Weidong`, `added U.S. Attorney Justin Herdman`: the verb first. */
const VERB_FIRST = new RegExp(`^(?:${VERB})\\b`, "i");
/** `Trump said`, `the ministry added`, `he concluded`: what stands before the verb is the speaker. */
const VERB_AFTER = new RegExp(`^(.{1,80}?)\\s+(?:also\\s+|later\\s+|has\\s+|had\\s+)?(?:${VERB})\\b`, "i");
/** `Liu said: "`, `said, later adding, "`: a verb at the end of what precedes the quote. */
const VERB_BEFORE_ANY = new RegExp(`\\b(?:${VERB})\\b`, "gi");
const PASSIVE = /\b(?:was|were|is|are|been|be|being)\s+$/i;
const ACCORDING = /\baccording to\s+/i;
const PRONOUN = /^(?:he|she)$/i;
const IT = /^(?:it|they)$/i;
/** "the ministry", "the agency", "the White House": an organisation named by its kind. */
const ORG_NOUN = /^the\s+(?:[\w'-]+\s+){0,3}?(ministry|agency|commission|department|bureau|administration|office|board|government|embassy|court|police|company|council|committee|service|statement|report|authority|authorities|procuratorate|navy|army)$/i;
/** "a U.S. official", "the spokesperson": someone unnamed, kept as written without a link. */
const UNNAMED = /^(?:an?|the|one|two|three|several|some)\s+(?:[\w.'-]+\s+){0,4}?(?:official|officials|spokesperson|spokesman|spokeswoman|source|sources|diplomat|diplomats|expert|experts|analyst|analysts|person|people|officer|officers|minister|ambassador|statement)$/i;

/** Quoted stretches per paragraph: curly pairs, and straight quotes paired in order. */
function findQuotes(body: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let p = paragraph.exec(body); p; p = paragraph.exec(body)) {
    const text = p[0];
    let open = -1;
    let straight = -1;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === "\u201c") open = i;
      else if (ch === "\u201d" && open >= 0) {
        spans.push({ open: p.index + open, close: p.index + i + 1 });
        open = -1;
      } else if (ch === '"') {
        if (straight < 0) straight = i;
        else {
          spans.push({ open: p.index + straight, close: p.index + i + 1 });
          straight = -1;
        }
      }
    }
  }
  return spans.sort((a, b) => a.open - b.open);
}

const SPEAKS_AFTER = new RegExp(`^[\\s,]*(?:(?:also|later|has|had|then)\\s+)?(?:${VERB})\\b`, "i");
const SPEAKS_BEFORE = new RegExp(`\\b(?:${VERB})\\s+(?:[\\w.]+\\s+){0,3}$`, "i");

function anchorsOf(body: string, officials: readonly Official[], actors: readonly Actor[]): Anchor[] {
  const anchors: Anchor[] = [];
  for (const o of officials) {
    for (const m of o.mentions) {
      const speaking = SPEAKS_AFTER.test(body.slice(m.end, m.end + 30)) || SPEAKS_BEFORE.test(body.slice(Math.max(0, m.start - 40), m.start));
      anchors.push({ start: m.start, end: m.end, kind: "official", id: o.id, name: o.name, organisation: false, speaking });
    }
  }
  for (const a of actors) for (const m of a.mentions) anchors.push({ start: m.start, end: m.end, kind: "actor", id: a.id, name: a.name, organisation: a.type !== "country", speaking: false });
  // Officials first on ties: "Foreign Ministry spokesperson Lin Jian" speaks for himself.
  return anchors.sort((a, b) => a.start - b.start || (a.kind === "official" ? -1 : 1));
}

function toSpeaker(anchor: Anchor | undefined): Speaker | undefined {
  return anchor ? { speaker: anchor.name, speakerId: anchor.id, speakerKind: anchor.kind } : undefined;
}

/** Last anchor of a kind that starts before `offset`. */
function lastBefore(anchors: readonly Anchor[], offset: number, accept: (a: Anchor) => boolean): Anchor | undefined {
  let found: Anchor | undefined;
  for (const a of anchors) {
    if (a.start >= offset) break;
    if (accept(a)) found = a;
  }
  return found;
}

/** Names in an organisation that "the agency", "the ministry" may stand for. */
const ORG_HEADS: Record<string, readonly string[]> = {
  agency: ["agency", "administration", "service", "bureau", "office"],
  administration: ["administration", "white house"],
  office: ["office"],
  government: ["government", "ministry", "state council", "white house"],
};

/** The organisation "the <head>" refers to: the last one named before whose name fits the head. */
function organisationFor(head: string, anchors: readonly Anchor[], before: number): Anchor | undefined {
  if (head === "statement" || head === "report") return lastBefore(anchors, before, (a) => a.organisation);
  const fits = ORG_HEADS[head] ?? [head];
  return lastBefore(anchors, before, (a) => a.organisation && fits.some((f) => a.name.toLowerCase().includes(f)));
}

/** "He" or "she": the last official named as a speaker, else the last official named. */
function personFor(anchors: readonly Anchor[], before: number): Anchor | undefined {
  return lastBefore(anchors, before, (a) => a.kind === "official" && a.speaking) ?? lastBefore(anchors, before, (a) => a.kind === "official");
}

/** Resolves the words in front of a speech verb: a named anchor, a pronoun, "the ministry", or an unnamed person. */
function resolvePhrase(phrase: string, start: number, anchors: readonly Anchor[], quoteOpen: number): Speaker | undefined {
  const end = start + phrase.length;
  const trimmed = phrase.trim();
  const named = anchors.filter((a) => a.start >= start && a.end <= end);
  const official = named.find((a) => a.kind === "official");
  if (official) return toSpeaker(official);
  if (PRONOUN.test(trimmed)) return toSpeaker(personFor(anchors, quoteOpen));
  if (IT.test(trimmed)) return toSpeaker(lastBefore(anchors, quoteOpen, (a) => a.organisation));
  // "A U.S. official": someone unnamed, even when a country is named inside the phrase.
  if (UNNAMED.test(trimmed)) return { speaker: trimmed };
  if (named.length) return toSpeaker(named[named.length - 1]);
  const org = ORG_NOUN.exec(trimmed);
  return org ? toSpeaker(organisationFor(org[1].toLowerCase(), anchors, end)) : undefined;
}

/** After the quote: `," said X` or `," X said`. */
function speakerAfter(body: string, q: QuoteSpan, limit: number, anchors: readonly Anchor[]): Speaker | undefined {
  const lead = /^[\s,.;:!?\u2014\u2013-]*/.exec(body.slice(q.close, limit))?.[0] ?? "";
  const from = q.close + lead.length;
  const rest = body.slice(from, limit);
  const verb = VERB_FIRST.exec(rest);
  if (verb) {
    // The speaker follows the verb, maybe after a title: `said U.S. Attorney Justin Herdman`.
    const after = from + verb[0].length;
    const window = body.slice(after, Math.min(limit, after + 80));
    const stop = window.search(/[,;:"\u201c\u201d]/);
    const end = after + (stop < 0 ? window.length : stop);
    return resolvePhrase(body.slice(after, end), after, anchors, q.open);
  }
  const before = VERB_AFTER.exec(rest);
  if (!before || /[,;"\u201c\u201d]/.test(before[1])) return undefined;
  // A subject that names no one we know ("the white paper says") is still the speaker, unlinked.
  const phrase = before[1].trim();
  return resolvePhrase(before[1], from, anchors, q.open) ?? (/^(?:the|a|an)\s/i.test(phrase) && phrase.split(/\s+/).length <= 5 ? { speaker: phrase } : undefined);
}

/** "A U.S. official familiar with the matter said": an unnamed subject at the start of the clause. */
const UNNAMED_SUBJECT = /^(?:an?|the|one|two|three|several|some)\s+(?:[\w.'-]+\s+){0,4}?(?:official|officials|spokesperson|spokesman|spokeswoman|source|sources|diplomat|diplomats|expert|experts|analyst|analysts|officer|officers)\b/i;

/** Before the quote, in the same sentence: the subject of the first speech verb. */
function speakerBefore(body: string, start: number, q: QuoteSpan, anchors: readonly Anchor[]): Speaker | undefined {
  const text = body.slice(start, q.open);
  VERB_BEFORE_ANY.lastIndex = 0;
  for (let m = VERB_BEFORE_ANY.exec(text); m; m = VERB_BEFORE_ANY.exec(text)) {
    const head = text.slice(0, m.index);
    if (PASSIVE.test(head)) continue;
    // The subject: a pronoun right before the verb, else the last person, else an unnamed one, else an organisation.
    const pronoun = /\b(he|she|it|they)\s+(?:also\s+|later\s+)?$/i.exec(head);
    if (pronoun) return resolvePhrase(pronoun[1], start + pronoun.index, anchors, q.open);
    const named = anchors.filter((a) => a.start >= start && a.end <= start + m.index);
    const officials = named.filter((a) => a.kind === "official");
    if (officials.length) return toSpeaker(officials[officials.length - 1]);
    const unnamed = UNNAMED_SUBJECT.exec(head.trimStart());
    if (unnamed) return { speaker: unnamed[0] };
    if (named.length) return toSpeaker(named[named.length - 1]);
    const org = /\bthe\s+(?:[\w'-]+\s+){0,3}?(ministry|agency|commission|department|bureau|administration|office|government|embassy|court|police|company|statement)\s*$/i.exec(head.trimEnd());
    if (org) return toSpeaker(organisationFor(org[1].toLowerCase(), anchors, start + org.index));
  }
  return undefined;
}

/** "according to X" anywhere in the sentence. */
function speakerAccording(body: string, start: number, end: number, anchors: readonly Anchor[]): Speaker | undefined {
  const text = body.slice(start, end);
  const m = ACCORDING.exec(text);
  if (!m) return undefined;
  const from = start + m.index + m[0].length;
  const stop = body.slice(from, end).search(/[,;."\u201c\u201d]/);
  return resolvePhrase(body.slice(from, stop < 0 ? end : from + stop), from, anchors, from);
}

/** `Ismael "El Mayo" Zambada`: a quoted nickname inside a name is not speech. */
function isNickname(body: string, q: QuoteSpan): boolean {
  return /\p{Lu}[\p{L}.]*\s$/u.test(body.slice(Math.max(0, q.open - 20), q.open)) && /^\s\p{Lu}/u.test(body.slice(q.close, q.close + 2)) && body.slice(q.open, q.close).split(/\s+/).length <= 3;
}

export function extractQuotes(body: string, ctx: ExtractContext, officials: Official[], actors: Actor[]): Quote[] {
  const anchors = anchorsOf(body, officials, actors);
  const quotes: Quote[] = [];
  const spans = findQuotes(body).filter((q) => !isNickname(body, q));
  let previous: { speaker?: Speaker; close: number } | undefined;
  spans.forEach((q, k) => {
    const text = body.slice(q.open + 1, q.close - 1).trim().replace(/[,\s]+$/, "");
    if (!text) return;
    const openSentence = ctx.sentences[sentenceAt(ctx.sentences, q.open)];
    const closeSentence = ctx.sentences[sentenceAt(ctx.sentences, Math.max(q.open, q.close - 1))];
    // Attribution text ends at the sentence end or at the next quote, whichever is first.
    const nextOpen = spans[k + 1]?.open ?? body.length;
    const limit = Math.min(Math.max(closeSentence?.end ?? body.length, q.close), nextOpen);
    const start = Math.max(openSentence?.start ?? 0, previous?.close ?? 0);
    let speaker =
      speakerAfter(body, q, limit, anchors) ??
      speakerBefore(body, start, q, anchors) ??
      speakerAccording(body, openSentence?.start ?? 0, limit, anchors);
    // A quote that follows an attributed one in the same paragraph, with nothing but
    // a sentence break between, continues it: `," said Herdman. "This group ..."`.
    if (!speaker && previous?.speaker && !/\n\s*\n/.test(body.slice(previous.close, q.open)) && continues(body, ctx, previous.close, q.open)) {
      speaker = previous.speaker;
    }
    const words = text.split(/\s+/).length;
    previous = { speaker, close: q.close };
    if (words <= 3 && !speaker) return; // a scare quote: "toys", "highlights"
    quotes.push({
      text,
      ...(speaker ?? {}),
      provenance: { article: ctx.slug, sentence: openSentence?.index ?? 0, start: q.open, end: q.close },
    });
  });
  return quotes;
}

/** Between two quotes: the rest of the first one's sentence, or nothing but spaces and punctuation. */
function continues(body: string, ctx: ExtractContext, previousClose: number, open: number): boolean {
  if (/^[\s\p{P}]*$/u.test(body.slice(previousClose, open))) return true;
  const a = sentenceAt(ctx.sentences, previousClose - 1);
  const b = sentenceAt(ctx.sentences, open);
  return b === a || (b === a + 1 && ctx.sentences[b].start === open);
}
