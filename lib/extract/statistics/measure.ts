/**
 * What a statistic measures, as a short noun phrase from the text ("overdose deaths",
 * "drugs seized", "tariff"), and the period its sentence gives. Heuristic by nature:
 * the phrase after the number, completed by the sentence's action verb for seizures and
 * arrests; percentages fall back to a keyword of the sentence.
 */
import type { DateMention, Statistic } from "../../schema";
import { IRREGULAR_PAST } from "../../text/tense";
import type { Quantity } from "./units";

/** A word of the phrase; may start with a digit when it has letters ("4-ANPP"). */
const WORD = /^(?:[A-Za-z]|\d[\w-]*[A-Za-z])[\w'’-]*/;

/** Words that end the noun phrase after a number. */
const STOP = new Set(
  (
    "in on at by for with from to into of that which who whom whose were was is are be been being have has had " +
    "and or but than as per a an the this these those its their his her our your last since during between over " +
    "under after before while when where according said says including each more less compared against about " +
    "around across through within without among amid via so if it they he she we you there here not also only " +
    "just up down out off will would could should may might can must do does did such another same " +
    "because due despite although though unless until whether following toward towards effective immediately " +
    "respectively annually now then " +
    // common verbs that follow a counted noun: "the 20% tariffs remain", "30% US rate includes"
    "remain remains rose rise rises fell fall falls face faces include includes show shows went came stand " +
    "stands apply applies take takes make makes go goes come comes stay stays reach reaches total totals " +
    "represent represents account accounts cover covers affect affects"
  ).split(" "),
);

/** Participles that open noun phrases: "50 suspected traffickers", "12 armed men". */
const ADJECTIVE_PARTICIPLES = new Set(["suspected", "alleged", "armed", "registered", "licensed", "unlicensed", "controlled", "related", "seized", "confiscated", "illegal", "missing", "leading", "existing", "remaining"]);

/** Words that may open the phrase: "1,133 kilograms of propionyl chloride". */
const INTRO = /^\s*of\s+(?:(?:the|a|an|its|their|various)\s+)?/i;
/** Money also says what it is "in": "$17 million in bribes", "$5 million worth of cocaine". */
const MONEY_INTRO = /^\s*(?:worth\s+of|of|in|for)\s+(?:(?:the|a|an|its|their|various)\s+)?/i;
/** A percentage is "of" something ("82 per cent of cases"); "in the South" is where, not what. */
const PERCENT_INTRO = /^\s*of\s+(?:(?:the|a|an|its|their|all)\s+)?/i;
/** A parenthesis right after the number is an aside: "121 million yuan (about $17 million) in bribes". */
const ASIDE = /^\s*\([^)]{0,80}\)|^\s*\)/;

/** Action verbs whose past participle completes a measure: "suspects" + "arrested". */
const ACTIONS: readonly [RegExp, string][] = [
  [/\bseiz(?:e|es|ed|ing)\b/gi, "seized"],
  [/\bconfiscat(?:e|es|ed|ing)\b/gi, "seized"],
  [/\bintercept(?:s|ed|ing)?\b/gi, "intercepted"],
  [/\barrest(?:ed|ing)?\b/gi, "arrested"],
  [/\bdetain(?:s|ed|ing)?\b/gi, "detained"],
  [/\bapprehend(?:s|ed|ing)?\b/gi, "arrested"],
  [/\bprosecut(?:e|es|ed|ing)\b/gi, "prosecuted"],
  [/\bcharg(?:ed|ing)\b/gi, "charged"],
  [/\bconvict(?:s|ed|ing)?\b/gi, "convicted"],
  [/\bkill(?:s|ed|ing)?\b/gi, "killed"],
  [/\bdismantl(?:e|es|ed|ing)\b/gi, "dismantled"],
  [/\bshut\s+down\b/gi, "shut down"],
  [/\bextradit(?:e|es|ed|ing|ion)\b/gi, "extradited"],
  [/\bdeport(?:s|ed|ing|ation)?\b/gi, "deported"],
  [/\bdestroy(?:s|ed|ing)?\b/gi, "destroyed"],
];

/** Nouns that are themselves events: no verb needs adding. */
const EVENT_NOUN = /\b(?:arrests|seizures|prosecutions|convictions|charges|deaths|overdoses|cases|deportations|extraditions|raids|operations|busts)\b/i;

/** Percentages rarely name their noun after the sign; the sentence's topic word does. */
const PERCENT_TOPICS: readonly [RegExp, string][] = [
  [/\b(?:tariffs?|duty|duties|levy|levies|import\s+tax|tax)\b/i, "tariff"],
  [/\brates?\b/i, "rate"],
  [/\b(?:increase[sd]?|rose|rise[ns]?|rising|up\s+(?:by\s+)?\d|jump(?:ed|s)?|surge[sd]?|grew|growth|climb(?:ed|s)?)\b/i, "increase"],
  [/\b(?:decrease[sd]?|fell|fall(?:s|en)?|drop(?:ped|s)?|decline[sd]?|down\s+(?:by\s+)?\d|reduc(?:ed|tion))\b/i, "decrease"],
];

function nounPhraseAfter(text: string, intros: RegExp): string {
  let rest = text.replace(ASIDE, "");
  const intro = intros.exec(rest);
  if (intro) rest = rest.slice(intro[0].length);
  const words: string[] = [];
  while (words.length < 3) {
    const m = WORD.exec(rest.replace(/^[ \t]+/, ""));
    if (!m) break;
    const word = m[0];
    const lower = word.toLowerCase();
    // Verbs and clause words end the phrase: "suspects were arrested", "tariffs imposed by",
    // "70,601 involved synthetic opioids"; a few participles are adjectives ("suspected").
    if (STOP.has(lower) || IRREGULAR_PAST.has(lower) || (/(?:ed|ing)$/.test(lower) && !(words.length === 0 && ADJECTIVE_PARTICIPLES.has(lower)))) break;
    // A capital after a common noun starts a new subject: "20% tariff Washington imposes".
    if (words.length > 0 && /^[A-Z]/.test(word) && /^[a-z]/.test(words[words.length - 1])) break;
    words.push(word);
    rest = rest.replace(/^[ \t]+/, "").slice(word.length);
  }
  return words.join(" ");
}

/** Farther than this, a verb usually belongs to another clause ("faces charges ... reached 25 countries"). */
const ACTION_REACH = 60;

/** The action verb nearest to `offset` in the sentence, as a participle. */
function nearestAction(sentence: string, offset: number): string | undefined {
  let best: { distance: number; participle: string } | undefined;
  for (const [pattern, participle] of ACTIONS) {
    for (const m of sentence.matchAll(pattern)) {
      const distance = Math.abs(m.index - offset);
      if (distance > ACTION_REACH) continue;
      if (!best || distance < best.distance) best = { distance, participle };
    }
  }
  return best?.participle;
}

/**
 * `sentence` is the text of the statistic's sentence and `offset` where the quantity
 * starts in it; `after` is the body text from the end of the quantity to the sentence end.
 */
export function measureOf(q: Quantity, sentence: string, offset: number, after: string): string | undefined {
  const isMoney = q.unit !== undefined && /^[A-Z]{3}$/.test(q.unit);
  const phrase = nounPhraseAfter(after, q.unit === "%" ? PERCENT_INTRO : isMoney ? MONEY_INTRO : INTRO);
  if (q.unit === "%") {
    if (phrase) return phrase;
    return PERCENT_TOPICS.find(([pattern]) => pattern.test(sentence))?.[1];
  }
  if (!phrase) return undefined;
  const action = isMoney ? undefined : nearestAction(sentence, offset);
  // "262 arrests" already says what happened; "262 suspects" needs "arrested".
  return action && !EVENT_NOUN.test(phrase) ? `${phrase} ${action}` : phrase;
}

/** The date of the statistic's sentence nearest to it, as a period. `datesInSentence` holds that sentence's dates. */
export function periodOf(datesInSentence: readonly DateMention[], offset: number): Statistic["period"] {
  let best: DateMention | undefined;
  const distance = (d: DateMention) => Math.abs(d.provenance.start - offset);
  for (const d of datesInSentence) {
    if (!best || distance(d) < distance(best)) best = d;
  }
  return best ? { start: best.start, ...(best.end ? { end: best.end } : {}) } : undefined;
}
