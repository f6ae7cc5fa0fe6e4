/** The JSON shape `npm run extract` prints (docs/EXTRACT.md), from our records. */
import type { Article, ContentIssue, Extraction } from "./schema";

export function toContractRecord(file: string, article: Article, extraction: Extraction, issues: ContentIssue[]) {
  return {
    file,
    article: { slug: article.slug, title: article.title, date: article.date, source: article.source, url: article.url, tags: article.tags },
    chemicals: extraction.chemicals.map((c) => ({
      id: c.id,
      name: c.name,
      cas: c.cas,
      role: c.role,
      registered: c.registered,
      mentions: c.mentions.map((m) => ({ text: m.text, start: m.start, end: m.end })),
    })),
    dates: extraction.dates.map((d) => ({ text: d.text, start: d.start, end: d.end, precision: d.precision, offset: d.provenance.start })),
    officials: extraction.officials.map((o) => ({ name: o.name, title: o.title, organization: o.organization, country: o.country })),
    statistics: extraction.statistics.map((s) => ({ text: s.text, value: s.value, unit: s.unit, qualifier: s.qualifier, measure: s.measure })),
    actors: extraction.actors.map((a) => ({ id: a.id, name: a.name, type: a.type })),
    quotes: extraction.quotes.map((q) => ({ text: q.text, speaker: q.speaker })),
    events: extraction.events.map((e) => ({
      date: e.date,
      end: e.end,
      precision: e.precision,
      type: e.type,
      status: e.status,
      phase: e.phase,
      tariff: e.tariff,
      actors: e.actors,
      officials: e.officials,
      chemicals: e.chemicals,
      sentence: e.sentence,
      trigger: e.trigger?.text,
      offsets: { start: e.provenance.start, end: e.provenance.end },
    })),
    issues,
  };
}
