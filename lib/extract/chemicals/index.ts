/**
 * Chemicals named in an article: registry names (names, aliases, abbreviations,
 * systematic names, with salts and plurals), CAS numbers with a valid check digit, and
 * unregistered drugs recognisable by their shape (new fentanyl analogues, nitazenes).
 * Class words ("fentanyl-related substances", "precursor chemicals") are not chemicals.
 * One record per chemical per article, holding every mention.
 */
import type { ChemicalEntry, ChemicalRole, Chemical, Span } from "../../schema";
import { sentenceAt } from "../../text/sentences";
import { findCasNumbers, type CasMatch } from "./cas";
import { entryForKey, matcherFor, nameKey, scanNames, type ChemicalMatcher, type NameMatch } from "./matcher";
import { slugify } from "../../text/slug";
import { acylAnalogueBefore, findPatternNames } from "./patterns";
import type { ExtractContext } from "../context";

/** One mention, already resolved to the record it belongs to. */
interface Hit {
  /** Record key: one record per key. */
  key: string;
  id: string;
  name: string;
  cas?: string;
  role?: ChemicalRole;
  registered: boolean;
  start: number;
  end: number;
}

/** A salt or hydrate named after the base: "fentanyl citrate", "4-piperidone hydrochloride monohydrate". */
const SALT_AFTER =
  /^(?:[ \t]+|[ \t]*\n[ \t]*)(?:hydrochloride|hydrobromide|citrate|sulfate|sulphate|phosphate|tartrate|monohydrate|HCl|salts?)(?:\s(?:monohydrate|hydrochloride|salts?))?(?![\p{L}\p{N}])/iu;

/** What may stand between a name and its CAS number: "phenethyl bromide (CAS No. 103-63-9)". */
const CAS_LEAD_IN = /^[\s(\[,:;]*(?:CAS(?:[ \t]*(?:No\.?|Number|RN|Registry[ \t]+No\.?))?[ \t]*[:#]?[ \t]*)?$/i;
const MAX_CAS_LEAD_IN = 30;

/** Words inside links are not mentions: URLs often spell drug names ("/fentanyl-crisis"). */
const URL = /\bhttps?:\/\/[^\s)\]>]+|\bwww\.[^\s)\]>]+/gi;

function urlRanges(text: string): [number, number][] {
  return [...text.matchAll(URL)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

function inRanges(ranges: readonly [number, number][], offset: number): boolean {
  return ranges.some(([s, e]) => offset >= s && offset < e);
}

function registeredHit(entry: ChemicalEntry, start: number, end: number): Hit {
  return { key: `id:${entry.id}`, id: entry.id, name: entry.name, cas: entry.cas, role: entry.role, registered: true, start, end };
}

/** A name the registry does not list, or does under a spelling the scan could not reach. */
function unregisteredHit(matcher: ChemicalMatcher, name: string, role: ChemicalRole, start: number, end: number): Hit {
  const key = nameKey(name);
  const entry = entryForKey(matcher, key);
  if (entry) return registeredHit(entry, start, end);
  return { key: `name:${key}`, id: slugify(name), name, role, registered: false, start, end };
}

function withSalt(text: string, match: NameMatch): NameMatch {
  const salt = SALT_AFTER.exec(text.slice(match.end, match.end + 48));
  return salt ? { ...match, end: match.end + salt[0].length } : match;
}

/** Plain "fentanyl" after an acyl word is an analogue: "cyclopropyl fentanyl". */
function isBareFentanyl(text: string, match: NameMatch): boolean {
  const key = nameKey(text.slice(match.start, match.end));
  return key === "fentanyl" || key === "fentanil";
}

function nameHits(text: string, matcher: ChemicalMatcher, skip: (offset: number) => boolean): Hit[] {
  const hits: Hit[] = [];
  let previousEnd = 0;
  for (const raw of scanNames(text, matcher, skip)) {
    const end = withSalt(text, raw).end;
    // The analogue's name is the words before any salt; it may not reach into the last hit.
    const analogue = isBareFentanyl(text, raw) ? acylAnalogueBefore(text, raw.start, raw.end) : null;
    if (analogue && analogue.start >= previousEnd) hits.push(unregisteredHit(matcher, analogue.name, "opioid", analogue.start, end));
    else hits.push(registeredHit(raw.entry, raw.start, end));
    previousEnd = end;
  }
  return hits;
}

/** The hit a CAS number with no registry entry belongs to: the name just before it. */
function ownerOfCas(text: string, hits: readonly Hit[], cas: CasMatch): Hit | undefined {
  let previous: Hit | undefined;
  for (const hit of hits) if (hit.end <= cas.start && (!previous || hit.end > previous.end)) previous = hit;
  if (!previous || cas.start - previous.end > MAX_CAS_LEAD_IN) return undefined;
  return CAS_LEAD_IN.test(text.slice(previous.end, cas.start)) ? previous : undefined;
}

function casHits(text: string, matcher: ChemicalMatcher, names: readonly Hit[], skip: (offset: number) => boolean): Hit[] {
  return findCasNumbers(text).filter((cas) => !skip(cas.start)).map((cas) => {
    const entry = matcher.byCas.get(cas.cas);
    if (entry) return registeredHit(entry, cas.start, cas.end);
    const owner = ownerOfCas(text, names, cas);
    if (owner) return { ...owner, cas: owner.cas ?? cas.cas, start: cas.start, end: cas.end };
    return { key: `cas:${cas.cas}`, id: `cas-${cas.cas}`, name: cas.cas, cas: cas.cas, registered: false, start: cas.start, end: cas.end };
  });
}

/** Folds hits into one Chemical per key, in order of first mention. */
function toRecords(text: string, hits: Hit[], ctx: ExtractContext): Chemical[] {
  const records = new Map<string, Chemical>();
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    const sentence = sentenceAt(ctx.sentences, hit.start);
    const span: Span = { text: text.slice(hit.start, hit.end), start: hit.start, end: hit.end, sentence };
    const record = records.get(hit.key);
    if (record) {
      record.mentions.push(span);
      if (!record.cas && hit.cas) record.cas = hit.cas;
      continue;
    }
    records.set(hit.key, {
      id: hit.id,
      name: hit.name,
      ...(hit.cas ? { cas: hit.cas } : {}),
      ...(hit.role ? { role: hit.role } : {}),
      registered: hit.registered,
      mentions: [span],
      provenance: { article: ctx.slug, sentence, start: hit.start, end: hit.end },
    });
  }
  return [...records.values()];
}

export function extractChemicals(body: string, ctx: ExtractContext): Chemical[] {
  const matcher = matcherFor(ctx.registries.chemicals);
  const urls = urlRanges(body);
  const skip = (offset: number) => inRanges(urls, offset);

  const names = nameHits(body, matcher, skip);
  const taken = (start: number, end: number) => skip(start) || names.some((h) => h.start < end && start < h.end);
  const shaped = findPatternNames(body, taken).map((p) => unregisteredHit(matcher, p.name, p.role, p.start, p.end));
  const named = [...names, ...shaped];
  return toRecords(body, [...named, ...casHits(body, matcher, named, skip)], ctx);
}
