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
import { matchWords } from "../lib/intake/match";
import { loadRegistriesReporting, runTool } from "./lib/articles";

const USAGE = `usage: npm run import -- <file.html | feed.xml | text.md | folder | https://...> ...
  --match [words]    keep only feed items naming one of the words (comma-separated; bare: a
                     default list) or any chemical of the registry
  --date YYYY-MM-DD  --source NAME  --url URL   fill what a text or page lacks
  --strict           do not write stories with a problem (no date, no source); exit 1
  --out FOLDER       write there instead of CONTENT_DIR or content/articles
  --timeout SECONDS  for URLs (default 15)`;

/** A value after a flag, unless what follows is an input (a URL, an existing path, a file name). */
function looksLikeInput(arg: string | undefined): boolean {
  return !arg || arg.startsWith("--") || /^https?:\/\//i.test(arg) || existsSync(arg) || /\.[a-z]{2,8}$/i.test(arg);
}

function parse(argv: string[]) {
  const inputs: string[] = [];
  const options: { match?: string[]; date?: string; source?: string; url?: string; strict?: boolean; out?: string; timeout?: number } = {};
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") continue;
    const [flag, inline] = arg.startsWith("--") ? [arg.split("=")[0], arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : undefined] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--match":
        options.match = matchWords(inline ?? (looksLikeInput(argv[i + 1]) ? undefined : argv[++i]));
        break;
      case "--date":
      case "--source":
      case "--url":
      case "--out":
      case "--timeout": {
        const v = value();
        if (v === undefined || v.startsWith("--")) errors.push(`${flag} needs a value`);
        else if (flag === "--timeout") options.timeout = Number(v);
        else options[flag.slice(2) as "date" | "source" | "url" | "out"] = v;
        break;
      }
      case "--strict":
        options.strict = true;
        break;
      case "--help":
      case "-h":
        errors.push("");
        break;
      default:
        if (arg.startsWith("--")) errors.push(`unknown option ${arg}`);
        else inputs.push(arg);
    }
  }
  if (options.timeout !== undefined && !(options.timeout > 0)) errors.push("--timeout must be a number of seconds");
  if (options.url && !/^https?:\/\//i.test(options.url)) errors.push("--url must be an http(s) URL");
  return { inputs, options, errors };
}

async function main(): Promise<number> {
  const { inputs, options, errors } = parse(process.argv.slice(2));
  if (errors.length || inputs.length === 0) {
    for (const e of errors.filter(Boolean)) process.stderr.write(`import: ${e}\n`);
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
  const shown = path.relative(process.cwd(), folder) || ".";
  for (const r of results) {
    process.stdout.write(summaryLine(r) + "\n");
    for (const line of detailLines(r)) process.stdout.write(line + "\n");
  }
  const { line, failed } = totals(results);
  process.stdout.write(`${line} (into ${shown})\n`);
  return failed ? 1 : 0;
}

runTool("import", main);
