/**
 * npm run --silent timeline -- <file.md | folder> ...
 * Prints the corpus's timeline as one JSON array (the contract's "The timeline"): one
 * entry per real-world event, oldest first, each with every source that reports it and
 * the file it came from. Diagnostics go to stderr; exit 1 when any article had issues
 * (the array is printed all the same).
 */
import type { Event, TimelineEntry } from "../lib/schema";
import { groupTimeline } from "../lib/timeline/group";
import { expandArticlePaths, formatIssue, loadRegistriesReporting, pathArguments, readArticle, runTool } from "./lib/articles";

/**
 * Two files with one name in different folders share a slug, and so would their event
 * ids; the later one's events get a suffixed slug so that sources still lead to their file.
 */
function withArticleKey(events: readonly Event[], slug: string, key: string): Event[] {
  if (key === slug) return [...events];
  const rekey = (id: string) => (id.startsWith(slug) ? key + id.slice(slug.length) : `${key}:${id}`);
  return events.map((e) => ({ ...e, id: rekey(e.id), provenance: { ...e.provenance, article: key } }));
}

function toContractEntry(entry: TimelineEntry, fileOf: ReadonlyMap<string, string>) {
  const { sources, ...rest } = entry;
  return {
    ...rest,
    sources: sources.map((s) => ({
      file: fileOf.get(s.article) ?? s.article,
      article: s.article,
      event: s.event,
      sentence: s.sentence,
      start: s.provenance.start,
      end: s.provenance.end,
    })),
  };
}

async function main(): Promise<number> {
  const args = pathArguments();
  if (args.length === 0) {
    process.stderr.write("usage: npm run --silent timeline -- <file.md | folder> ...\n");
    return 2;
  }
  const registries = await loadRegistriesReporting();
  const events: Event[] = [];
  const fileOf = new Map<string, string>();
  let failed = false;
  for (const file of await expandArticlePaths(args)) {
    const { parsed, issues } = await readArticle(file, registries);
    for (const issue of issues) process.stderr.write(`${formatIssue(issue)}\n`);
    if (issues.length) failed = true;
    if (!parsed) continue;
    const slug = parsed.article.slug;
    let key = slug;
    for (let n = 2; fileOf.has(key); n++) key = `${slug}~${n}`;
    if (key !== slug) {
      // The loader reports duplicate names as a content issue too, so this one fails the run.
      failed = true;
      process.stderr.write(`${file}:1: (file): another file is also named ${slug}.md (${fileOf.get(slug)}); its sources are listed as ${key}\n`);
    }
    fileOf.set(key, file);
    events.push(...withArticleKey(parsed.extraction.events, slug, key));
  }
  const timeline = groupTimeline(events).reverse();
  process.stdout.write(JSON.stringify(timeline.map((entry) => toContractEntry(entry, fileOf)), null, 2) + "\n");
  return failed ? 1 : 0;
}

runTool("timeline", main);
