/**
 * The words that state a happening ("seized", "added to the list", "talks", "took
 * effect"), found in one sentence. Each trigger has a type, or is one of two kinds of
 * words that take their type from what they govern:
 * - `report`: a reporting verb ("said", "announced"). Dated, it dates what it reports; on
 *   its own it is a statement event ("the ministry said on Thursday ...").
 * - `measure`: a measure's entry into force ("come into force from September 1") or its
 *   adoption ("the amendment was approved"); which measure (a control, a tariff) comes
 *   from the sentence or the article.
 * Triggers under a negation, a condition or a wish ("has not yet added", "could ban",
 * "urged China to control") are dropped: they state no happening.
 */
import type { EventPhase, EventType } from "../../schema";

export type TriggerRole = "happening" | "report" | "measure";

export interface FoundTrigger {
  /** Offsets into the sentence text, end exclusive. */
  start: number;
  end: number;
  text: string;
  role: TriggerRole;
  /** For happenings. */
  type?: EventType;
  /** "announced" for announcing and adopting verbs, "effective" for entry into force. */
  phase?: EventPhase;
  /** End of the phrase the trigger heads ("added ... to its list"): times are near the whole phrase. */
  reach: number;
  /** A noun or a weak cue: loses to a verb of another type on the same date. */
  weak?: boolean;
}

interface Rule {
  pattern: RegExp;
  /** A cheap test a sentence must pass before the (costlier) pattern runs on it. */
  gate?: RegExp;
  role: TriggerRole;
  type?: EventType;
  phase?: EventPhase;
  weak?: boolean;
}

const TARIFF_NOUN = String.raw`(?:tariffs?|duties|duty|import tax(?:es)?|levy|levies|rates? on (?:[A-Z][\w-]+ )?(?:goods|imports|products))`;
const LIST_GATE = /list|schedule|table|SSL|catalog|register|inventory|convention|categor|class|regulations/i;
const LISTED_GATE = /List I|Schedule [IV]|Class [A-C]|Table I|Category [1-3I]/;
const REPORT_GATE = /report|data|figures|statistics|summary|estimates|findings|survey|assessment|white paper|study|review/i;
const LAW_GATE = /\b(?:laws?|bills?|amendments?|acts?|decrees?|regulations?|rules?|orders?|notices?|reforms?)\b/i;
const TARIFF_GATE = /tariff|dut(?:y|ies)|levy|levies|import tax|rates? on/i;
const LIST_NOUN = String.raw`(?:[Ll]ists?|[Ss]chedules?|[Tt]ables?|SSL|[Cc]atalog(?:ue)?|[Rr]egister|[Ii]nventory|[Cc]onvention|[Cc]ategor(?:y|ies)|[Cc]lass|[Rr]egulations)`;
/** A listed category that a substance becomes or is made: "a List I chemical", "Schedule II". */
const LISTED_AS = String.raw`(?:List I{1,2}|Schedule [IV]+|Class [A-C]|Table I{1,2}|Category [1-3I]+)`;
/** Adjectives, not verbs: "controlled substances", "scheduled drugs", "listed chemicals". */
const NOT_A_VERB = String.raw`(?!\s+(?:substances?|drugs?|chemicals?|precursors?|narcotics?|psychotropics?|for|to))`;
const LAW = String.raw`(?:laws?|bills?|amendments?|acts?|decrees?|regulations?|rules?|orders?|notices?|reforms?)`;

const RULES: readonly Rule[] = [
  // control
  // Case matters: "Schedule II" and "List I" are names of lists, not verbs.
  { pattern: new RegExp(String.raw`\b(?:(?:re)?schedule(?!\s+[IV]+\b)|(?:[Rr]e)?[Ss]chedul(?:es|ed|ing))\b${NOT_A_VERB}(?!\s+(?:recommendations?|proposals?|decisions?)\b)`, "g"), role: "happening", type: "control" },
  { pattern: new RegExp(String.raw`\b(?:[Aa]dd(?:s|ed|ing)?|[Ii]nclud(?:e|es|ed|ing)|[Pp]lac(?:e|es|ed|ing)|[Pp]ut(?:s|ting)?|list(?:s|ed|ing)|[Mm]ov(?:e|es|ed|ing))\b(?=(?<reach>[^.;]{0,110}?\b(?:to|on|in|into|under|as)\s+(?:the |a |an |its |their )?(?:[\w()'’-]+\s+){0,6}?${LIST_NOUN}\b))`, "g"), role: "happening", type: "control", gate: LIST_GATE },
  { pattern: /\b(?:brought|bring(?:s|ing)?|plac(?:e|es|ed|ing)|put(?:s|ting)?)\b(?=(?<reach> (?:[\w,()'’-]+ ){0,8}?under (?:\w+ ){0,3}controls?\b))/gi, role: "happening", type: "control", gate: /control/i },
  { pattern: new RegExp(String.raw`\b(?:made|make|makes|making)\b(?=(?<reach> (?:[\w,()'’-]+ ){0,10}?(?:a |an )?${LISTED_AS}\b))`, "g"), role: "happening", type: "control", gate: LISTED_GATE },
  { pattern: new RegExp(String.raw`\b(?:became|become|becomes|becoming|joined|joins|join)\b(?=(?<reach> (?:[\w,()'’-]+ ){0,3}?(?:a |an |the )?${LISTED_AS}\b))`, "g"), role: "happening", type: "control", phase: "effective", gate: LISTED_GATE },
  { pattern: /\b(?:announc|approv|propos|unveil|adopt)(?:e|es|ed|ing)?\s+(?:[\w'’-]+\s+){0,4}?(?:controls?|restrictions?|bans?|rules?|regulations?)\b/gi, role: "happening", type: "control", phase: "announced", gate: /control|restriction|ban|rule|regulation/i },
  { pattern: /\b(?:impos(?:e|es|ed|ing)|introduc(?:e|es|ed|ing)|tighten(?:s|ed|ing)?|expand(?:s|ed|ing)?|extend(?:s|ed|ing)?)\s+(?:[\w'’-]+\s+){0,4}?(?:controls?|restrictions?|bans?|licen[cs]ing requirements?)\b/gi, role: "happening", type: "control", gate: /control|restriction|ban|licen[cs]/i },
  // The verb alone, so that "urged the country to" before it is seen and denies it.
  { pattern: /(?<=\b(?:will|to) (?:be )?)(?:control(?:led)?|list(?:ed)?|schedule(?:d)?)\b(?!\s+(?:substances?|drugs?|chemicals?)\b)/gi, role: "happening", type: "control" },
  { pattern: /\b(?:began|begin|begins|started|starts?) controlling\b/gi, role: "happening", type: "control", phase: "effective" },
  { pattern: /\blisted (?=(?:in|under|as|on)\b)/gi, role: "happening", type: "control" },
  { pattern: /\b(?:restrict|curb|halt|suspend)(?:s|ed|ing)? (?:the |all )?(?:imports?|exports?|sales?|shipments?) of\b|\brequir(?:e|es|ed|ing) (?:\w+ ){0,2}(?:export|import) (?:licen[cs]es?|permits?|approvals?)\b/gi, role: "happening", type: "control" },
  { pattern: /\bgave\b(?= (?:[\w()'’-]+ ){0,4}?(?:its|their) own (?:entry|listing)\b)|\b(?:received|receives|got|gets) (?:its|their) own (?:entry|listing)\b/gi, role: "happening", type: "control" },
  { pattern: /\bdesignat(?:e|es|ed|ing)\b/gi, role: "happening", type: "control" },
  { pattern: /\bban(?:s|ned|ning)?\b(?! on)|\ba ban on\b/gi, role: "happening", type: "control" },
  // "added 4-AP and norfentanyl in March", "listed NPP in 2009": in this field, what is
  // added or listed is most often controlled.
  { pattern: /\b(?:added|adds|adding|listed|lists)\b(?!\s*[,.;:]|\s+that\b|\s+(?:substances?|drugs?|chemicals?|precursors?)\b)/g, role: "happening", type: "control", weak: true },
  { pattern: /\bdraft (?:act|rule|regulation|law|decree|amendment|list)\b/gi, role: "happening", type: "control", phase: "announced", weak: true },
  { pattern: /\b(?:final|interim|temporary) (?:scheduling )?(?:rule|order)\b/gi, role: "happening", type: "control", weak: true },
  // a measure adopted, or taking effect: which measure comes from the context
  { pattern: new RegExp(String.raw`\b(?:approv|adopt|pass|sign|enact|promulgat|publish|issu)(?:e|es|ed|ing)?\b(?=(?<reach>[^.;]{0,40}?\b${LAW}\b))`, "gi"), role: "measure", phase: "announced", gate: LAW_GATE },
  // The noun alone ("an order signed on Tuesday") yields to a verb that says what the order did.
  { pattern: new RegExp(String.raw`\b${LAW}\b(?=[^.;]{0,30}?\b(?:approved|adopted|passed|signed|enacted|promulgated|published|issued)\b)`, "gi"), role: "measure", phase: "announced", weak: true, gate: LAW_GATE },
  { pattern: /\bfinali[sz](?:e|es|ed|ing)\b|\bmade (?:[\w'’-]+ ){0,2}permanent\b/gi, role: "measure", phase: "announced" },
  { pattern: /\b(?:vot(?:e|es|ed|ing)|decid(?:e|es|ed|ing)|decisions?)\b/gi, role: "measure", phase: "announced", weak: true },
  { pattern: /\b(?:take|takes|took|taken|taking) effect\b|\b(?:come|comes|came|coming) into (?:force|effect)\b|\b(?:go|goes|went|going) into effect\b|\bentered into force\b|\benters into force\b|\b(?:becomes?|became) effective\b|\beffective(?= (?:from|on|as of|immediately|[A-Z]\w+ \d))|\bin force (?=from|since|on)\b|\bwith effect from\b|\bputs? (?:[\w'’-]+ ){0,4}?into effect\b/g, role: "measure", phase: "effective" },
  // tariff: an action on a tariff, or the tariff itself
  { pattern: new RegExp(String.raw`\b(?:impos|rais|cut|slash|hik|lower|reduc|doubl|extend|suspend|paus|lift|halv|increas|threaten|remov|scrap|reinstat|trim|slap|jack|hit)\w*\b(?=(?<reach>[^.;]{0,70}?\b${TARIFF_NOUN}\b))`, "gi"), role: "happening", type: "tariff", gate: TARIFF_GATE },
  { pattern: new RegExp(String.raw`\b${TARIFF_NOUN}\b[^.;]{0,40}?\b(?<head>rose|rises|rise|fell|falls|fall|increased|increases|increase|doubled|dropped|drops|drop|went up|jumped|climbed|was (?:cut|raised|lowered|reduced|halved|lifted|suspended|paused)|were (?:cut|raised|lowered|reduced|halved|lifted|suspended|paused))\b`, "dgi"), role: "happening", type: "tariff", gate: TARIFF_GATE },
  { pattern: new RegExp(String.raw`\b${TARIFF_NOUN}\b`, "gi"), role: "happening", type: "tariff", weak: true },
  // sanction
  { pattern: /\bsanction(?:s|ed|ing)?\b|\bfr(?:oze|eeze|eezes|ozen) (?:\w+ ){0,2}assets\b|\basset freezes?\b|\brevok(?:e|es|ed|ing) (?:\w+ ){0,2}visas?\b|\bvisa (?:restrictions|bans?)\b|\breward of\b|\boffer(?:s|ed|ing)? (?:a |an )?(?:\$[\d.,]+ (?:million )?)?reward\b/gi, role: "happening", type: "sanction" },
  // seizure
  { pattern: /\bseiz(?:e|es|ed|ing|ure|ures)\b|\bconfiscat\w+|\bintercept(?:s|ed|ing|ion|ions)?\b|\bdismantl\w+|\bshut (?:down )?(?=(?:\w+ ){0,3}(?:lab|labs|laboratories|laboratory)\b)|\bshut down\b|\braid(?:s|ed)?\b|\bbust(?:s|ed)?\b/gi, role: "happening", type: "seizure" },
  { pattern: /\b(?:discover(?:s|ed)?|found|find|finds|recover(?:s|ed)?|uncover(?:s|ed)?)\b(?= (?:about |over |more than |nearly |some |another |a further )?[\d,.]+ ?(?:kilograms?|kg|kilos?|tons?|tonnes?|pounds?|lbs?|grams?|g|liters?|litres?|pills?|tablets?)\b)/gi, role: "happening", type: "seizure" },
  { pattern: /\bshipments?\b[^.;]{0,120}?\b(?<head>(?:came|arrived|entered)\s+(?:into|in|at))\b/dgi, role: "happening", type: "seizure", weak: true, gate: /\bshipment/i },
  { pattern: /\bshipments? of (?=(?:about |over |more than )?[\d,.]+ ?(?:kilograms?|kg|kilos?|tons?|tonnes?|pounds?|lbs?)\b)/gi, role: "happening", type: "seizure", weak: true },
  // arrest
  { pattern: /\barrest(?:s|ed|ing)?\b|\bdetain(?:s|ed|ing)?\b|\bapprehend\w*|\bcaptur(?:e|ed|es|ing)\b|\btaken into custody\b/gi, role: "happening", type: "arrest" },
  // prosecution
  { pattern: /\bindict(?:s|ed|ing|ment|ments)?\b|\bcharg(?:ed|es)\b(?! d'affaires)|\bprosecut\w+|\bconvict(?:ed|ion|s)?\b|\bplead(?:s|ed)? guilty\b|\bpled guilty\b|\bguilty plea\b|\bfound guilty\b|\bextradit\w+/gi, role: "happening", type: "prosecution" },
  // sentencing
  { pattern: /\bsentenc(?:e|ed|es|ing)\b|\bjailed\b/gi, role: "happening", type: "sentencing" },
  // agreement
  { pattern: /\bagree(?:d|s|ment|ments)?\b|\btruce\b|\bdeal\b|\bpledg(?:e|ed|es|ing)\b|\baccord\b|\bmemorandum of understanding\b|\breached (?:a )?consensus\b/gi, role: "happening", type: "agreement" },
  // meeting
  { pattern: /\bmet\b|\bmeet(?:s|ing|ings)?\b|\btalks\b|\bsummit\b|\b(?:phone|video|telephone) call\b|\bcall with\b|\bspoke by (?:phone|telephone)\b|\bvisit(?:s|ed|ing)?\b|\bdiscuss(?:ed|es)\b/gi, role: "happening", type: "meeting" },
  // A session is most often the setting of what was decided there, or part of a title.
  { pattern: /\bsession\b/gi, role: "happening", type: "meeting", weak: true },
  // report: figures or a report published
  { pattern: /\b(?:releas|publish|issu|present|unveil)(?:e|es|ed|ing)?\b(?=(?<reach>[^.;]{0,60}?\b(?:report|data|figures|statistics|summary|estimates|findings|survey|assessment|white paper|study|review)\b))|\b(?:report|data|figures|statistics|summary|estimates|white paper|study|review)\b(?=[^.;]{0,30}?\b(?:released|published|issued|presented|showed|shows)\b)|\bshared details\b|\b(?:annual|new) report\b/gi, role: "happening", type: "report", gate: REPORT_GATE },
  // other happenings
  { pattern: /\bdied\b|\b(?:was|were|been) confirmed\b|\bappoint(?:ed|s)\b|\bnominat(?:ed|es)\b|\bsworn in\b|\btook office\b|\bresign(?:ed|s)\b|\bclaimed the lives\b/gi, role: "happening", type: "other" },
  // reporting verbs
  { pattern: /\b(?:said|says|stated|told|warned|urged|accused|denied|declared|insisted|claimed|confirmed|reported|vowed|promised|critici[sz]ed|condemned|welcomed|praised|called (?:on|for)|blamed|recommended|recommends)\b|\b(?:added|noted)(?=\s*[,.;]|\s+that\b|\s*$)|\b(?:press conference|briefing|(?:joint |a )?statement)\b/g, role: "report" },
  { pattern: /\b(?:announc(?:e|es|ed|ing)|unveil(?:s|ed|ing)?|approv(?:e|es|ed|ing)|adopt(?:s|ed|ing)?|sign(?:s|ed|ing)?)\b/gi, role: "report", phase: "announced" },
];

/** Words before a trigger that deny it, make it conditional or a wish. */
const NEGATED_BEFORE =
  /\b(?:not|n't|never|no longer|(?:is|are|was|were|has|have) yet|yet to|failed to|fail to|refus\w* to|could|might|would|should|if|unless|whether|urg\w* (?:\w+ ){0,3}to|call\w* (?:on|for) (?:\w+ ){0,3}to|ask\w* (?:\w+ ){0,3}to|press\w* (?:\w+ ){0,3}to|demand\w* (?:\w+ ){0,3}to|pressure (?:\w+ ){0,3}to)\s+(?:(?:be|have|been|yet|also|still|formally|now|further)\s+)*$/i;
/** "said he would cut ...": a reported decision, not a condition. */
const REPORTED_WOULD = /\b(?:said|says|announced|agreed|pledged|promised|vowed|told \w+|decided)\s+(?:that\s+)?(?:[\w.,'’-]+\s+){0,9}would\s+(?:(?:be|have|also|now)\s+)*$/i;
/** Nouns that are only the topic of a report: "details of the seizure", "news of the deal". */
const TOPIC_BEFORE = /\b(?:(?:details|news|summary|report|data|word) (?:of|on|about)|(?:work|working|progress) on|consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?) (?:the |its |their |a )?$/i;

export function findTriggers(text: string): FoundTrigger[] {
  const found: FoundTrigger[] = [];
  for (const rule of RULES) {
    if (rule.gate && !rule.gate.test(text)) continue;
    for (const m of text.matchAll(rule.pattern)) {
      // A rule may match more than its trigger ("tariff ... rose"): the `head` group is the trigger.
      const head = m.indices?.groups?.head;
      const start = head ? head[0] : m.index;
      const end = head ? head[1] : m.index + m[0].length;
      const before = text.slice(Math.max(0, start - 50), start);
      if ((NEGATED_BEFORE.test(before) && !REPORTED_WOULD.test(before)) || TOPIC_BEFORE.test(before)) continue;
      const reach = end + (m.groups?.reach?.length ?? 0);
      found.push({ start, end, reach, text: text.slice(start, end), role: rule.role, type: rule.type, phase: rule.phase, weak: rule.weak });
    }
  }
  // One trigger per stretch of text: the first rule that claimed it wins (rules are in priority order).
  const kept: FoundTrigger[] = [];
  for (const t of found) if (!kept.some((k) => t.start < k.end && k.start < t.end)) kept.push(t);
  return kept.sort((a, b) => a.start - b.start);
}

/** The tariff noun of a sentence, if any: it decides what an entry into force is about. */
export const TARIFF_WORD = new RegExp(String.raw`\b${TARIFF_NOUN}\b`, "i");
export const SANCTION_WORD = /\bsanction|\bOFAC\b|\bKingpin\b|\bterrorist organi[sz]ation/i;
