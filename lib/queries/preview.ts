/**
 * /add's preview: a story as it will be saved (title, date, source, body, file name) and
 * what Precursor Watch reads in it (chemicals, people, figures, events), highlighted in
 * the text. Nothing is written; the extraction is the same pure one the corpus uses.
 */
import { extractAll } from "../extract";
import type { Registries } from "../extract/context";
import { formatPartialDate, formatShortDate } from "../format";
import { articleFileName } from "../intake/slug";
import type { Draft, IsoDay } from "../schema";
import { splitSentences } from "../text/sentences";
import { articleHighlights } from "./articles";

export function previewView(draft: Draft, registries: Registries, options: { today: IsoDay; taken?: ReadonlySet<string> }) {
  // Relative dates ("on Friday") are read against the article's date; without one, today's.
  const reference = draft.date ?? options.today;
  const extraction = extractAll(draft.body, { slug: "preview", date: reference, registries });
  const unique = <T>(items: T[], key: (t: T) => string) => [...new Map(items.map((i) => [key(i), i])).values()];
  return {
    draft,
    fileName: articleFileName(draft.title || draft.body.slice(0, 80), draft.date, options.taken ?? new Set()),
    dateLabel: draft.date ? formatShortDate(draft.date) : undefined,
    referenceNote: draft.date ? undefined : `No date yet: relative dates were read against today (${options.today}).`,
    problems: draft.problems.map((p) => `${p.field}: ${p.message}`),
    body: draft.body,
    marks: articleHighlights(extraction).map((h) => ({ start: h.start, end: h.end, kind: h.kind, label: h.label })),
    sentences: splitSentences(draft.body).map((s) => ({ index: s.index, start: s.start, end: s.end })),
    chemicals: extraction.chemicals.map((c) => ({ id: c.id, name: c.name, detail: [c.role, c.cas && `CAS ${c.cas}`].filter(Boolean).join(" · ") || undefined, mentions: c.mentions.length })),
    people: extraction.officials.map((o) => ({ id: o.id, name: o.name, detail: [o.title, o.organization].filter(Boolean).join(", ") || undefined })),
    figures: unique(extraction.statistics, (s) => s.text).map((s) => ({ text: s.text, detail: [s.qualifier, `${s.value.toLocaleString("en-US")} ${s.unit}`, s.measure].filter(Boolean).join(" · ") })),
    events: extraction.events.map((e) => ({
      id: e.id,
      dateLabel: formatPartialDate(e.date, e.precision),
      type: e.type,
      status: e.status,
      phase: e.phase,
      sentence: e.sentence,
    })),
  };
}
export type PreviewView = ReturnType<typeof previewView>;
