/**
 * Out of its time: a title or role that did not hold on the article's date, read against
 * the terms of office in the actor registry.
 *
 * - "former <title> <name>" (or "<name>, the former <title>") while the person surely held
 *   that title on the article's date;
 * - "<title> <name>" when every term of that title surely lies before or after the date,
 *   unless the sentence places itself in a term ("in 2019", "then-", "first term");
 * - "the <name> administration" told in the present ("has kept", "is", "will") when no
 *   term of the person's surely covers the date, unless it is framed as past ("the
 *   previous ...", "under the ...", "in 2023").
 *
 * Titles match when the text's title words, without names of countries and organisations,
 * are all in the term's: "Homeland Security Secretary" and "Secretary" match "Secretary of
 * Homeland Security", "DEA Administrator" matches "Administrator", but "Deputy
 * Administrator" and "Vice President" match neither "Administrator" nor "President".
 */
import { formatPartialDate } from "../format";
import type { ActorRegistry, DateMention, Official, PersonEntry, Term } from "../schema";
import { draft, mayFallWithin, sentenceOf, surelyOutside, surelyWithin, type FlagDraft, type ReadArticle } from "./common";

const CONNECTORS = new Set(["of", "the", "for", "and", "to", "on"]);
const FORMER = /^(?:former|ex|onetime|one-time|erstwhile)$/i;
/** Words that place a title in another time than the article's. */
const OTHER_TIME_BEFORE = /^(?:then|later|future|incoming|outgoing|previous|prior|past|first|second|late|new|next|acting|interim)$/i;
const HISTORICAL_SENTENCE = /\b(?:then-|at the time|first term|second term|previous(?:ly)?|his predecessor|her predecessor|when (?:he|she) was|while (?:he|she) was|during (?:his|her))\b/i;

/** Before "administration": words that make it a past or future one. */
const ADMINISTRATION_QUALIFIER = /\b(?:first|second|previous|prior|former|last|past|earlier|then|outgoing|incoming|late|future|next|new)\s+$/i;
/** Before "the <name> administration": prepositions that look back ("under the ...", "by the ..."). */
const ADMINISTRATION_FRAME = /\b(?:under|during|by|since|from|throughout|of|than|unlike|after|before)\s+(?:the\s+)?$/i;
/** After "administration": a verb in the present or future, which says the administration acts now. */
const PRESENT_VERB = /^(?:['’]s\s+)?\s*(?:has|have|is|are|will|says|plans|continues|remains|keeps|wants|hopes|maintains|seeks|intends|insists|argues|believes|now|currently|still)\b/i;

const wordsOf = (text: string) => text.toLowerCase().replace(/[.’']/g, "").split(/[^a-z0-9-]+/).filter(Boolean).map((w) => (w.endsWith("s") && w.length > 4 ? w.slice(0, -1) : w));

/** Per registry: worked out for every article, they were a twentieth of preparing it. */
const qualifiersOf = new WeakMap<ActorRegistry, ReadonlySet<string>>();

/** Lowercased words of every organisation's name, aliases and adjectives: they qualify a title, they are not it. */
function qualifierWords(actors: ActorRegistry): ReadonlySet<string> {
  const known = qualifiersOf.get(actors);
  if (known) return known;
  const out = new Set<string>(["us", "u", "s", "federal", "national", "chief"]);
  for (const org of actors.organizations) for (const name of [org.name, ...org.aliases, ...org.adjectives]) for (const w of wordsOf(name)) if (!CONNECTORS.has(w)) out.add(w);
  qualifiersOf.set(actors, out);
  return out;
}

export function titleMatches(textTitle: string, termTitle: string, qualifiers: ReadonlySet<string>): boolean {
  const text = wordsOf(textTitle).filter((w) => !CONNECTORS.has(w));
  const term = wordsOf(termTitle).filter((w) => !CONNECTORS.has(w));
  if (text.length === 0 || term.length === 0) return false;
  const core = text.filter((w) => !qualifiers.has(w) || term.includes(w));
  return core.length > 0 && core.every((w) => term.includes(w));
}

/** The capitalised title words just before `end` (after the person's own name words are dropped), and what precedes them. */
function titleBefore(text: string, end: number, nameWords: ReadonlySet<string>): { title: string; start: number; before: string } | undefined {
  // "ex-President", "then-President": the prefix is a word of its own (same length, so offsets hold).
  const pre = text.slice(0, end).replace(/\b(ex|then)-(?=\p{Lu})/giu, "$1 ");
  const tokens = [...pre.matchAll(/[\p{L}\p{N}.’'-]+/gu)];
  let i = tokens.length - 1;
  // The person's first name or initials may stand between the title and the matched surname.
  while (i >= 0 && nameWords.has(tokens[i][0].toLowerCase().replace(/[.’']/g, ""))) i--;
  const lastTitle = i;
  while (i >= 0) {
    const word = tokens[i][0];
    if (/^\p{Lu}/u.test(word) && !FORMER.test(word.replace(/-$/, ""))) i--;
    else if (CONNECTORS.has(word.toLowerCase()) && i < lastTitle) i--;
    else break;
  }
  // Connectors cannot open a title.
  while (i + 1 <= lastTitle && CONNECTORS.has(tokens[i + 1][0].toLowerCase())) i++;
  if (i === lastTitle) return undefined;
  const first = tokens[i + 1];
  const last = tokens[lastTitle];
  // Only spaces between the title's words and the name: a comma or a full stop ends it.
  const between = pre.slice(last.index! + last[0].length, end);
  if (!/^[\s\p{L}.’'-]*$/u.test(between) || /[.,;:]\s/.test(pre.slice(first.index!, end))) return undefined;
  return { title: pre.slice(first.index!, last.index! + last[0].length), start: first.index!, before: i >= 0 ? tokens[i][0] : "" };
}

const termLabel = (t: Term) => (t.end ? `${formatPartialDate(t.start)} to ${formatPartialDate(t.end)}` : `since ${formatPartialDate(t.start)}`);

export function outOfItsTime(article: ReadArticle, officials: readonly Official[], dates: readonly DateMention[], actors: ActorRegistry): FlagDraft[] {
  const people = new Map<string, PersonEntry>(actors.people.filter((p) => p.terms.length > 0).map((p) => [p.id, p]));
  if (people.size === 0) return [];
  const qualifiers = qualifierWords(actors);
  const day = article.date;
  const when = formatPartialDate(day);
  const out: FlagDraft[] = [];
  for (const official of officials) {
    const person = people.get(official.id);
    if (!person || !official.registered) continue;
    const nameWords = new Set([person.name, ...person.aliases].flatMap((n) => wordsOf(n)));
    const extra = { actors: [person.id], reference: undefined as string | undefined };
    for (const mention of official.mentions) {
      const sentence = sentenceOf(article, mention.start);
      const local = article.body.slice(sentence.start, sentence.end);
      const at = mention.start - sentence.start;
      const after = local.slice(mention.end - sentence.start);
      const sentenceDates = dates.filter((d) => d.provenance.sentence === sentence.index);
      const dated = (terms: readonly Term[]) => sentenceDates.some((d) => terms.some((t) => mayFallWithin({ start: d.start, end: d.end }, t)));

      // "the Biden administration has ..."
      if (/^(?:['’]s)?\s+administration\b/i.test(after)) {
        const pre = local.slice(0, at);
        const verb = after.replace(/^(?:['’]s)?\s+administration\b,?/i, "");
        const inOffice = person.terms.some((t) => !surelyOutside(day, t));
        if (!inOffice && !ADMINISTRATION_QUALIFIER.test(pre) && !ADMINISTRATION_FRAME.test(pre.replace(/\bthe\s*$/i, "")) && PRESENT_VERB.test(verb) && !dated(person.terms)) {
          const span = { start: mention.start, end: mention.end + (/^(?:['’]s)?\s+administration/i.exec(after)?.[0].length ?? 0) };
          const latest = person.terms[person.terms.length - 1];
          out.push(
            draft(article, "out-of-its-time", "warning", withThe(article.body, span), `Speaks of the ${person.name.split(" ").pop()} administration as current, but on ${when}, the article's date, ${person.name} was not in office (${latest.title}: ${person.terms.map(termLabel).join("; ")}).`, {
              ...extra,
              reference: latest.source,
            }),
          );
        }
        continue;
      }

      const titled = titleBefore(local, at, nameWords);
      const appositive = /^,\s+(?:the\s+|a\s+)?(?:former|ex-)\s*([\p{L} .’'-]+?)(?=[,.;]|$)/iu.exec(after);
      const former = (titled && FORMER.test(titled.before.replace(/-$/, ""))) || /\bex-$/i.test(local.slice(0, titled ? titled.start : at));
      if ((titled && former) || appositive) {
        const titleText = appositive && !(titled && former) ? appositive[1] : titled!.title;
        const held = person.terms.filter((t) => titleMatches(titleText, t.title, qualifiers) && surelyWithin(day, t));
        if (held.length) {
          const start = appositive && !(titled && former) ? mention.start : sentence.start + local.slice(0, titled!.start).search(/(?:former|ex-|onetime|one-time|erstwhile)\s*$/i);
          const end = appositive && !(titled && former) ? mention.end + appositive[0].length : mention.end;
          out.push(
            draft(article, "out-of-its-time", "warning", { start, end }, `Calls ${person.name} a former ${held[0].title}, but on ${when}, the article's date, ${person.name} held that office (${termLabel(held[0])}).`, {
              ...extra,
              reference: held[0].source,
            }),
          );
        }
        continue;
      }
      if (!titled || OTHER_TIME_BEFORE.test(titled.before) || /-elect|designate|nominee/i.test(titled.title + after.slice(0, 12)) || HISTORICAL_SENTENCE.test(local)) continue;
      const matching = person.terms.filter((t) => titleMatches(titled.title, t.title, qualifiers));
      if (matching.length === 0 || !matching.every((t) => surelyOutside(day, t)) || dated(matching)) continue;
      const yet = matching.every((t) => day < t.start);
      out.push(
        draft(
          article,
          "out-of-its-time",
          "warning",
          { start: sentence.start + titled.start, end: mention.end },
          `Calls ${person.name} ${titled.title}, but on ${when}, the article's date, ${person.name} was ${yet ? "not yet" : "no longer"} in that office (${matching.map(termLabel).join("; ")}).`,
          { ...extra, reference: matching[0].source },
        ),
      );
    }
  }
  return out;
}

/** "The Biden administration": the flagged words include the article before the name. */
function withThe(body: string, span: { start: number; end: number }): { start: number; end: number } {
  const m = /\bthe\s+$/i.exec(body.slice(Math.max(0, span.start - 4), span.start));
  return m ? { start: span.start - m[0].length, end: span.end } : span;
}
