/**
 * Against the registry: an article dates a control (who controls which chemical, and
 * when it was announced or took effect) otherwise than the registry's control history,
 * or reports as done a control the registry dates after the article.
 *
 * Only what can be compared is:
 * - the day a control takes effect: an announcement passes through steps (proposed,
 *   adopted, registered, published) that the registry does not all list, so an
 *   announcement dated otherwise is no contradiction;
 * - a date the article states (with a day or a year written out): a weekday or "last
 *   month" is the extractor's reading, not the article's claim;
 * - a chemical and a jurisdiction named in the event's own sentence (what an event takes
 *   over from earlier sentences may belong to another act), whose registry entry has
 *   controls by that jurisdiction, with an effective date within CLOSE_DAYS of the event's.
 * An event that agrees with any registry date of the jurisdiction's effective dates is
 * consistent (a chemical may be controlled in steps). Events whose dates lie far from
 * every registry date are other actions the registry does not list, and are left alone.
 */
import { coarser, cutTo, firstDay, lastDay } from "../dates";
import type { ActorRegistry, ChemicalEntry, ChemicalRegistry, ControlAction, Event, EventPhase, Extraction } from "../schema";
import { formatPartialDate } from "../format";
import { draft, type FlagDraft, type ReadArticle } from "./common";

/** How far apart an article's date and the registry's may be and still be one action told wrongly. */
export const CLOSE_DAYS = 120;

const precisionOf = (date: string) => (date.length === 10 ? "day" : date.length === 7 ? "month" : "year");

function agrees(a: string, b: string): boolean {
  const p = coarser(precisionOf(a), precisionOf(b));
  return cutTo(a, p) === cutTo(b, p);
}

function daysApart(a: string, b: string): number {
  // The nearest days the two partial dates allow.
  const [a0, a1, b0, b1] = [firstDay(a), lastDay(a), firstDay(b), lastDay(b)];
  if (a1 < b0) return (Date.parse(b0) - Date.parse(a1)) / 86_400_000;
  if (b1 < a0) return (Date.parse(a0) - Date.parse(b1)) / 86_400_000;
  return 0;
}

/** The jurisdictions an actor stands for: itself, its parents and its country ("dea" is the United States, "cnd" the UN). */
export function jurisdictionsOf(actors: ActorRegistry): (id: string) => string[] {
  const byId = new Map(actors.organizations.map((o) => [o.id, o]));
  return (id) => {
    const out: string[] = [];
    for (let cur = byId.get(id), hops = 0; cur && hops < 6; hops++) {
      out.push(cur.id);
      if (cur.country) out.push(cur.country);
      cur = cur.parent ? byId.get(cur.parent) : undefined;
    }
    return out.length ? [...new Set(out)] : [id];
  };
}

const PHASE_WORD: Record<EventPhase, string> = { announced: "was announced", effective: "took effect" };
const dateOf = (c: ControlAction, phase: EventPhase) => (phase === "announced" ? c.announced : c.effective);
const other = (phase: EventPhase): EventPhase => (phase === "announced" ? "effective" : "announced");

/** Ids of the chemicals and actors (with the countries of officials) named in each sentence. */
function namedBySentence(extraction: Pick<Extraction, "chemicals" | "actors" | "officials">) {
  const chemicals = new Map<number, Set<string>>();
  const actors = new Map<number, Set<string>>();
  const add = (map: Map<number, Set<string>>, sentence: number, id: string) => map.set(sentence, (map.get(sentence) ?? new Set()).add(id));
  for (const c of extraction.chemicals) for (const m of c.mentions) add(chemicals, m.sentence, c.id);
  for (const a of extraction.actors) for (const m of a.mentions) add(actors, m.sentence, a.id);
  for (const o of extraction.officials) for (const m of o.mentions) for (const id of [o.organizationId, o.countryId]) if (id) add(actors, m.sentence, id);
  return { chemicals, actors };
}

/** A date written out in the sentence: digits, not a weekday or "last month" the extractor placed. */
const stated = (extraction: Pick<Extraction, "dates">, event: Event) =>
  extraction.dates.some((d) => d.provenance.sentence === event.provenance.sentence && d.start === event.date && /\d/.test(d.text));

export function againstTheRegistry(article: ReadArticle, extraction: Pick<Extraction, "events" | "chemicals" | "actors" | "officials" | "dates">, chemicals: ChemicalRegistry, actors: ActorRegistry): FlagDraft[] {
  const entries = new Map<string, ChemicalEntry>(chemicals.chemicals.filter((c) => c.controls.length > 0).map((c) => [c.id, c]));
  const jurisdictions = jurisdictionsOf(actors);
  const names = new Map(actors.organizations.map((o) => [o.id, o.name]));
  const out: FlagDraft[] = [];
  const named = namedBySentence(extraction);
  for (const event of extraction.events) {
    if (event.type !== "control" || event.phase !== "effective" || event.precision === "year" || event.end || !stated(extraction, event)) continue;
    const phase = event.phase;
    const inSentence = named.actors.get(event.provenance.sentence) ?? new Set<string>();
    const places = new Set(event.actors.filter((a) => inSentence.has(a)).flatMap(jurisdictions));
    const chemicalsNamed = named.chemicals.get(event.provenance.sentence) ?? new Set<string>();
    // One flag per event: the first chemical and jurisdiction whose history contradicts it.
    const found = findContradiction({ ...event, chemicals: event.chemicals.filter((c) => chemicalsNamed.has(c)) }, phase, places, entries);
    if (!found) continue;
    const { entry, control, registryDate } = found;
    const name = names.get(control.jurisdiction) ?? control.jurisdiction;
    const who = name.endsWith("s") ? `${name}'` : `${name}'s`;
    const said = formatPartialDate(event.date, event.precision);
    const reg = formatPartialDate(registryDate);
    const afterArticle = firstDay(registryDate) > article.date && event.status === "past";
    const otherDate = dateOf(control, other(phase));
    const step = (p: EventPhase) => (p === "announced" ? "its announcement" : "its entry into force");
    let message: string;
    if (afterArticle) {
      message = `Reports as done ${who} control of ${entry.name}, dated ${said}; the registry dates ${step(phase)} to ${reg} (${control.instrument}), after the article's date.`;
    } else if (otherDate && agrees(event.date, otherDate)) {
      message = `Says ${who} control of ${entry.name} ${PHASE_WORD[phase]} on ${said}; the registry dates ${step(other(phase))} to ${formatPartialDate(otherDate)} and ${step(phase)} to ${reg} (${control.instrument}).`;
    } else {
      message = `Says ${who} control of ${entry.name} ${PHASE_WORD[phase]} on ${said}; the registry dates ${step(phase)} to ${reg} (${control.instrument}).`;
    }
    const span = event.trigger ?? { start: event.provenance.start, end: event.provenance.end };
    out.push(draft(article, "against-the-registry", "warning", span, message, { reference: control.source, actors: event.actors, chemicals: [entry.id] }));
  }
  return out;
}

function findContradiction(event: Event, phase: EventPhase, places: ReadonlySet<string>, entries: ReadonlyMap<string, ChemicalEntry>) {
  for (const id of event.chemicals) {
    const entry = entries.get(id);
    if (!entry) continue;
    const controls = entry.controls.filter((c) => places.has(c.jurisdiction));
    if (controls.length === 0) continue;
    // Consistent with any action of this jurisdiction in the event's phase: nothing to say.
    if (controls.some((c) => dateOf(c, phase) && agrees(event.date, dateOf(c, phase)!))) continue;
    let best: { control: ControlAction; registryDate: string; gap: number } | undefined;
    for (const control of controls) {
      const date = dateOf(control, phase);
      if (!date || date.length === 4) continue;
      const gap = daysApart(event.date, date);
      if (gap <= CLOSE_DAYS && (!best || gap < best.gap)) best = { control, registryDate: date, gap };
    }
    if (best) return { entry, control: best.control, registryDate: best.registryDate };
  }
  return undefined;
}
