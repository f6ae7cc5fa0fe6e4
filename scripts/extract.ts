/**
 * npm run --silent extract -- <file.md | folder> ...
 * Prints one JSON array (see docs/EXTRACT.md): an object
 * per article with its extracted records and issues. Exit 1 when any article had issues.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArticleFile } from "../lib/content/article";
import { registryDir } from "../lib/content/loader";
import { extractAll } from "../lib/extract";
import { loadRegistries } from "../lib/registry";
import { toContractRecord } from "../lib/contract";
import type { ContentIssue } from "../lib/schema";

async function expand(arg: string): Promise<string[]> {
  const s = await stat(arg).catch(() => null);
  if (!s) return [arg]; // reported as an issue below
  if (!s.isDirectory()) return [arg];
  const out: string[] = [];
  for (const entry of (await readdir(arg, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(arg, entry.name);
    if (entry.isDirectory()) out.push(...(await expand(full)));
    else if (entry.name.toLowerCase().endsWith(".md")) out.push(full);
  }
  return out;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  if (args.length === 0) {
    process.stderr.write("usage: npm run --silent extract -- <file.md | folder> ...\n");
    return 2;
  }
  const { registries, issues: registryIssues } = await loadRegistries(registryDir());
  for (const i of registryIssues) process.stderr.write(`${i.file}:${i.line}: ${i.field}: ${i.message}\n`);

  const files = (await Promise.all(args.map(expand))).flat();
  const results = [];
  let failed = false;
  for (const file of files) {
    let issues: ContentIssue[];
    let record;
    try {
      const parsed = parseArticleFile(file, await readFile(file));
      issues = parsed.issues;
      record = parsed.article ? toContractRecord(file, parsed.article, extractAll(parsed.article.body, { slug: parsed.article.slug, date: parsed.article.date, registries }), issues) : undefined;
    } catch (error) {
      issues = [{ file, line: 1, field: "(file)", message: `cannot read file: ${(error as Error).message}`, severity: "error" }];
    }
    if (issues.length) failed = true;
    results.push(record ?? { file, article: null, chemicals: [], dates: [], officials: [], statistics: [], actors: [], quotes: [], events: [], issues });
  }
  process.stdout.write(JSON.stringify(results, null, 2) + "\n");
  return failed ? 1 : 0;
}

// exitCode, not exit(): exit() would cut off output still queued for a pipe.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`extract failed: ${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
