/**
 * npm run export -- --out DIR [--format csv|json] [filters as in the URL]
 *   e.g. npm run export -- --out exports actor=china type=control from=2024
 *        npm run export -- --out exports --format json "chemical=npp&q=tariff*"
 * Brings the database in step with the articles folder (CONTENT_DIR or content/articles),
 * then writes one file per record kind (timeline entries and events under the filters;
 * every other kind, flags included, for the articles with a matching event) and a
 * README.md of the columns.
 */
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { closeCorpora, loadCorpus } from "../lib/corpus";
import { exportChunks, exportReadme, type ExportFormat } from "../lib/export";
import { eventFilter, knownIds } from "../lib/queries";
import { EXPORT_KINDS, exportArticles, exportEvents, exportFlags, exportRecords, exportTimeline, type ExportKindName, type ExportRow } from "../lib/store";
import { parseFilters, serializeFilters } from "../lib/url-state";

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run export -- --out DIR [--format csv|json] [actor=ID chemical=ID type=TYPE from=DATE to=DATE q=TEXT ...]\n`);
  process.exit(2);
}

async function write(file: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  let out: string | undefined;
  let format: ExportFormat = "csv";
  const params = new URLSearchParams();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--out") out = args[++i];
    else if (a === "--format") {
      const f = args[++i];
      if (f !== "csv" && f !== "json") usage(`--format: "${f}" is not csv or json`);
      format = f;
    } else if (a.startsWith("--")) usage(`unknown option ${a}`);
    else for (const [k, v] of new URLSearchParams(a.replace(/^\?/, ""))) params.append(k, v);
  }
  if (!out) usage("--out DIR is required");
  const corpus = await loadCorpus({ version: "cli" });
  const { state, problems } = parseFilters(params, knownIds(corpus));
  for (const p of problems) process.stderr.write(`filter ${p.param}=${p.value}: ${p.message}\n`);
  const filter = eventFilter(state);
  mkdirSync(out, { recursive: true });
  const kinds = Object.keys(EXPORT_KINDS) as ExportKindName[];
  for (const name of kinds) {
    const rows: Iterable<ExportRow> =
      name === "timeline"
        ? exportTimeline(corpus.db, filter)
        : name === "events"
          ? exportEvents(corpus.db, filter)
          : name === "articles"
            ? exportArticles(corpus.db, filter)
            : name === "flags"
              ? exportFlags(corpus.db, {}, filter)
              : exportRecords(corpus.db, name, filter);
    let count = 0;
    const counted = (function* () {
      for (const r of rows) {
        count++;
        yield r;
      }
    })();
    const file = path.join(out, `${name}.${format}`);
    await write(file, exportChunks(EXPORT_KINDS[name], counted, format));
    process.stderr.write(`${file}: ${count} rows\n`);
  }
  const filters = serializeFilters({ ...state, page: 1, stack: undefined }).toString();
  writeFileSync(path.join(out, "README.md"), exportReadme(kinds.map((k) => EXPORT_KINDS[k]), format, filters));
  closeCorpora();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
