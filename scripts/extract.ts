/**
 * npm run --silent extract -- <file.md | folder> ...
 * Prints one JSON array (see docs/EXTRACT.md): an object
 * per article with its extracted records and issues. Exit 1 when any article had issues.
 */
import { toContractRecord } from "../lib/contract";
import { expandArticlePaths, loadRegistriesReporting, pathArguments, readArticle, runTool } from "./lib/articles";

async function main(): Promise<number> {
  const args = pathArguments();
  if (args.length === 0) {
    process.stderr.write("usage: npm run --silent extract -- <file.md | folder> ...\n");
    return 2;
  }
  const registries = await loadRegistriesReporting();
  const results = [];
  let failed = false;
  for (const file of await expandArticlePaths(args)) {
    const { parsed, issues } = await readArticle(file, registries);
    if (issues.length) failed = true;
    results.push(
      parsed
        ? toContractRecord(file, parsed.article, parsed.extraction, issues)
        : { file, article: null, chemicals: [], dates: [], officials: [], statistics: [], actors: [], quotes: [], events: [], issues },
    );
  }
  process.stdout.write(JSON.stringify(results, null, 2) + "\n");
  return failed ? 1 : 0;
}

runTool("extract", main);
