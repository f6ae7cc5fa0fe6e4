/**
 * Statistics: every number that states a quantity (counts, percentages, money, mass),
 * with its unit, qualifier ("more than"), measure ("overdose deaths") and period.
 *
 * 1. units.ts reads quantities: "$17 million", "2.42 tons", "82 per cent",
 *    "a billion", "twenty-five".
 * 2. A bare number joined to the next by "to" or "and" takes its unit and scale:
 *    "from 57 to 47 percent", "between 2 and 3 million".
 * 3. guards.ts drops what is not a quantity: digits of dates and chemical
 *    names (from the records already found), years, labels, codes, ages, durations.
 * 4. measure.ts names what is measured and the period.
 */
import type { Chemical, DateMention, Statistic, TextRange } from "../../schema";
import { sentenceAt } from "../../text/sentences";
import type { ExtractContext } from "../context";
import { SpanIndex } from "../../text/spans";
import { protectedSpans, rejectReason } from "./guards";
import { measureOf, periodOf } from "./measure";
import { DIGIT_QUANTITY, quantityFromMatch, SMALL_WORD_QUANTITY, WORD_QUANTITY, type Quantity } from "./units";

type Qualifier = NonNullable<Statistic["qualifier"]>;

const QUALIFIER_BEFORE =
  /\b(nearly|almost|about|around|roughly|approximately|some|an\s+estimated|estimated|close\s+to|just\s+over|more\s+than|over|above|exceeding|in\s+excess\s+of|upwards\s+of|at\s+least|up\s+to|as\s+many\s+as|as\s+much\s+as|just\s+under|less\s+than|fewer\s+than|under|below|at\s+most|no\s+more\s+than|exactly|precisely)\s+$/i;

const QUALIFIERS: readonly [RegExp, Qualifier][] = [
  [/^(?:nearly|almost|about|around|roughly|approximately|some|an\s+estimated|estimated|close\s+to)$/i, "about"],
  [/^(?:more\s+than|over|above|exceeding|in\s+excess\s+of|upwards\s+of|just\s+over)$/i, "more than"],
  [/^at\s+least$/i, "at least"],
  [/^(?:up\s+to|as\s+many\s+as|as\s+much\s+as)$/i, "up to"],
  [/^(?:less\s+than|fewer\s+than|under|below|just\s+under)$/i, "less than"],
  [/^(?:at\s+most|no\s+more\s+than)$/i, "at most"],
  [/^(?:exactly|precisely)$/i, "exactly"],
];

/** What may join two numbers of one range: "57 to 47 percent", "2 and 3 million". */
const RANGE_JOIN = /^\s*(?:to|and|or|-|–)\s*$/i;

/** Every quantity in the body, in order, longest first where two overlap. */
function findQuantities(body: string): Quantity[] {
  const found: Quantity[] = [];
  for (const [pattern, spelled] of [[DIGIT_QUANTITY, false], [WORD_QUANTITY, true], [SMALL_WORD_QUANTITY, true]] as const) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
      const q = quantityFromMatch(body, m, spelled);
      // "two chemicals" is not a statistic; "two million" and "two milligrams" are (docs/EXTRACT.md).
      const smallCount = q !== undefined && pattern === SMALL_WORD_QUANTITY && !q.scaled && q.unit === undefined;
      if (q && !smallCount) found.push(q);
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Quantity[] = [];
  for (const q of found) if (!kept.length || q.start >= kept[kept.length - 1].end) kept.push(q);
  return kept;
}

/** "from 57 to 47 percent": the first number borrows the second's unit and scale. */
function shareRangeUnits(body: string, quantities: Quantity[]): void {
  for (let i = 0; i + 1 < quantities.length; i++) {
    const [a, b] = [quantities[i], quantities[i + 1]];
    if (!RANGE_JOIN.test(body.slice(a.end, b.start)) || a.scaled) continue;
    if (b.scaled && (a.unit === undefined || a.unit === b.unit)) {
      a.value = Number((a.value * (b.value / b.base)).toPrecision(12));
      a.scaled = true;
    }
    if (a.unit === undefined && b.unit !== undefined) a.unit = b.unit;
  }
}

function qualifierBefore(body: string, start: number): { qualifier: Qualifier; start: number } | undefined {
  const m = QUALIFIER_BEFORE.exec(body.slice(Math.max(0, start - 30), start));
  if (!m) return undefined;
  const word = m[1].replace(/\s+/g, " ");
  const qualifier = QUALIFIERS.find(([pattern]) => pattern.test(word))?.[1];
  return qualifier ? { qualifier, start: start - m[0].length } : undefined;
}

export function extractStatistics(
  body: string,
  ctx: ExtractContext,
  found: { dates: DateMention[]; chemicals: Chemical[] },
): Statistic[] {
  const taken: TextRange[] = [
    ...found.dates.map((d) => d.provenance),
    ...found.chemicals.flatMap((c) => c.mentions),
    ...protectedSpans(body),
  ];
  const takenIndex = new SpanIndex(taken);
  const datesBySentence = new Map<number, DateMention[]>();
  for (const d of found.dates) datesBySentence.set(d.provenance.sentence, [...(datesBySentence.get(d.provenance.sentence) ?? []), d]);
  const quantities = findQuantities(body);
  shareRangeUnits(body, quantities);

  const statistics: Statistic[] = [];
  for (const q of quantities) {
    if (rejectReason(body, q, takenIndex)) continue;
    const sentenceIndex = sentenceAt(ctx.sentences, q.start);
    const sentence = ctx.sentences[sentenceIndex];
    const qualified = qualifierBefore(body, q.start);
    const start = qualified?.start ?? q.start;
    const sentenceEnd = sentence ? Math.max(sentence.end, q.end) : body.length;
    const measure = measureOf(q, sentence?.text ?? "", q.start - (sentence?.start ?? 0), body.slice(q.end, sentenceEnd));
    const period = periodOf(datesBySentence.get(sentenceIndex) ?? [], q.start);
    statistics.push({
      text: body.slice(start, q.end),
      value: q.value,
      unit: q.unit ?? "count",
      ...(qualified ? { qualifier: qualified.qualifier } : {}),
      ...(measure ? { measure } : {}),
      ...(period ? { period } : {}),
      provenance: { article: ctx.slug, sentence: sentenceIndex, start, end: q.end },
    });
  }
  return statistics;
}
