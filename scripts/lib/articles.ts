/**
 * What the command-line tools share: turning arguments into article files, and reading,
 * parsing and extracting one file with every problem kept as a ContentIssue. Diagnostics
 * go to stderr; stdout is left to the tool's one JSON document.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArticleFile } from "../../lib/content/article";
import { problem } from "../../lib/content/issues";
import { registryDir } from "../../lib/content/loader";
import { extractAll } from "../../lib/extract";
import type { Registries } from "../../lib/extract/context";
import { loadRegistries } from "../../lib/registry";
import type { Article, ContentIssue, Extraction } from "../../lib/schema";

/** The paths after `--`, as the user typed them. */
export function pathArguments(argv: readonly string[] = process.argv.slice(2)): string[] {
  return argv.filter((a) => a !== "--");
}

/** A folder becomes its `*.md` files (recursively, in sorted order); a missing path stays, to be reported. */
export async function expandArticlePath(arg: string): Promise<string[]> {
  const s = await stat(arg).catch(() => null);
  if (!s || !s.isDirectory()) return [arg];
  const out: string[] = [];
  for (const entry of (await readdir(arg, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(arg, entry.name);
    if (entry.isDirectory()) out.push(...(await expandArticlePath(full)));
    else if (entry.name.toLowerCase().endsWith(".md")) out.push(full);
  }
  return out;
}

export async function expandArticlePaths(args: readonly string[]): Promise<string[]> {
  return (await Promise.all(args.map(expandArticlePath))).flat();
}

/** The registries of content/registry; their problems are printed, and do not stop the tool. */
export async function loadRegistriesReporting(): Promise<Registries> {
  const { registries, issues } = await loadRegistries(registryDir());
  for (const i of issues) process.stderr.write(`${formatIssue(i)}\n`);
  return registries;
}

export interface ReadArticle {
  /** The path as given on the command line. */
  file: string;
  /** With its extraction, when the file could be parsed (it may still carry warnings). */
  parsed?: { article: Article; extraction: Extraction };
  issues: ContentIssue[];
}

export async function readArticle(file: string, registries: Registries): Promise<ReadArticle> {
  try {
    const { article, issues } = parseArticleFile(file, await readFile(file));
    return { file, issues, ...(article && { parsed: { article, extraction: extractAll(article.body, { slug: article.slug, date: article.date, registries }) } }) };
  } catch (error) {
    return { file, issues: [problem("unreadable", { file, line: 1, field: "(file)" }, "file", (error as Error).message)] };
  }
}

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}:${issue.line}: ${issue.field}: ${issue.message}`;
}

/**
 * Runs a tool's main and sets its exit code. exitCode, not exit(): exit() would cut off
 * output still queued for a pipe.
 */
export function runTool(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${name} failed: ${(error as Error).stack ?? error}\n`);
      process.exit(1);
    },
  );
}
