/**
 * npm run check [-- <folder>]
 * Validates the articles folder (CONTENT_DIR, content/articles, or the folder given) and
 * the registries, prints every problem as `file:line: field: message`, exit 1 if any.
 */
import path from "node:path";
import { articlesDir, loadArticles, registryDir } from "../lib/content/loader";
import { loadRegistries } from "../lib/registry";

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const folder = args[0] ? path.resolve(args[0]) : articlesDir();
  const [articles, registry] = await Promise.all([loadArticles(folder), loadRegistries(registryDir())]);
  const shownRoot = path.relative(process.cwd(), folder) || ".";
  const lines = [
    ...registry.issues.map((i) => ({ ...i, file: path.join("content", i.file) })),
    ...articles.issues.map((i) => ({ ...i, file: path.join(shownRoot, i.file) })),
  ].map((i) => `${i.file}:${i.line}: ${i.field}: ${i.severity === "warning" ? "warning: " : ""}${i.message}`);
  for (const line of lines) process.stdout.write(line + "\n");
  const summary = `${articles.articles.length} articles read from ${shownRoot}, ${lines.length} problem${lines.length === 1 ? "" : "s"}`;
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
