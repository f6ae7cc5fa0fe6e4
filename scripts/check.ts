/**
 * npm run check [-- [--flags] <folder>]
 * Validates the articles folder (CONTENT_DIR, content/articles, or the folder given) and
 * the registries, prints every problem as `file:line: field: message`, exit 1 if any.
 * With --flags, also prints every flag (issue 14) as `file:line: flag-kind: message`:
 * flags are warnings about the news, not problems of the files, and never fail the check.
 */
import path from "node:path";
import { articlesDir, loadArticles, registryDir } from "../lib/content/loader";
import { fileLine, flagsOfArticles, formatFlag } from "../lib/flags/corpus";
import { loadRegistries } from "../lib/registry";

async function main(): Promise<number> {
  const argv = process.argv.slice(2).filter((a) => a !== "--");
  const withFlags = argv.includes("--flags");
  const args = argv.filter((a) => a !== "--flags");
  const folder = args[0] ? path.resolve(args[0]) : articlesDir();
  const [articles, registry] = await Promise.all([loadArticles(folder), loadRegistries(registryDir())]);
  const shownRoot = path.relative(process.cwd(), folder) || ".";
  const lines = [
    ...registry.issues.map((i) => ({ ...i, file: path.join("content", i.file) })),
    ...articles.issues.map((i) => ({ ...i, file: path.join(shownRoot, i.file) })),
  ].map((i) => `${i.file}:${i.line}: ${i.field}: ${i.severity === "warning" ? "warning: " : ""}${i.message}`);
  for (const line of lines) process.stdout.write(line + "\n");
  let flagged = "";
  if (withFlags) {
    const bySlug = new Map(articles.articles.map((a) => [a.slug, a]));
    const flags = flagsOfArticles(articles.articles, registry.registries);
    for (const flag of flags) {
      const article = bySlug.get(flag.provenance.article)!;
      process.stdout.write(formatFlag(flag, path.join(shownRoot, article.file), fileLine(article, flag.provenance.start)) + "\n");
    }
    flagged = `, ${flags.length} flag${flags.length === 1 ? "" : "s"}`;
  }
  const summary = `${articles.articles.length} articles read from ${shownRoot}, ${lines.length} problem${lines.length === 1 ? "" : "s"}${flagged}`;
  process.stderr.write(summary + "\n");
  return lines.length ? 1 : 0;
}

// exitCode, not exit(): exit() would cut off output still queued for a pipe.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`check failed: ${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
