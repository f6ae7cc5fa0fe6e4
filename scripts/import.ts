/**
 * npm run import -- <file | folder | http(s) URL> ... [--match [words]] [--date YYYY-MM-DD]
 *                   [--source NAME] [--url URL] [--strict] [--out FOLDER]
 * Turns saved web pages, feeds (RSS, Atom, JSON Feed), text and Markdown files into
 * article files in content/articles (or CONTENT_DIR, or --out), never writing over one.
 * Prints one line per input, then totals; exit 1 when any input failed.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { articlesDir } from "../lib/content/loader";
import { detailLines, importInputs, summaryLine, totals } from "../lib/intake/import";
import { parseImportArgs } from "../lib/intake/args";
import { loadRegistriesReporting, runTool } from "./lib/articles";

const USAGE = `usage: npm run import -- <file.html | feed.xml | text.md | folder | https://...> ...
  --match [words]    keep only feed items naming one of the words (comma-separated; bare: a
                     default list) or any chemical of the registry
  --date YYYY-MM-DD  --source NAME  --url URL   fill what a text or page lacks
  --strict           do not write stories with a problem (no date, no source); exit 1
  --out FOLDER       write there instead of CONTENT_DIR or content/articles
  --timeout SECONDS  for URLs (default 15)`;

async function main(): Promise<number> {
  const options = parseImportArgs(process.argv.slice(2), existsSync);
  const { inputs, errors } = options;
  if (options.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (errors.length || inputs.length === 0) {
    for (const e of errors) process.stderr.write(`import: ${e}\n`);
    if (inputs.length === 0 && !errors.length) process.stderr.write("import: give at least one file, folder or URL\n");
    process.stderr.write(USAGE + "\n");
    return 2;
  }
  const folder = options.out ? path.resolve(options.out) : articlesDir();
  const registries = await loadRegistriesReporting();
  const results = await importInputs(inputs, {
    folder,
    registries,
    match: options.match,
    date: options.date,
    source: options.source,
    url: options.url,
    strict: options.strict,
    timeoutMs: options.timeout ? options.timeout * 1000 : undefined,
  });
  const relative = path.relative(process.cwd(), folder);
  const shown = relative && !relative.startsWith("..") ? relative : folder;
  for (const r of results) {
    process.stdout.write(summaryLine(r) + "\n");
    for (const line of detailLines(r)) process.stdout.write(line + "\n");
  }
  const { line, failed } = totals(results);
  process.stdout.write(`${line} (into ${shown})\n`);
  return failed ? 1 : 0;
}

runTool("import", main);
