/**
 * `npm run import`: inputs (files, folders, URLs) -> article files in the articles
 * folder, never written over, duplicates and off-topic feed items skipped, and one
 * result per input for the summary.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Registries } from "../extract/context";
import type { Draft } from "../schema";
import { planArticle, readCorpusIndex, writePlanned, type CorpusIndex } from "./corpus";
import { fetchInput } from "./fetch";
import { matchReason } from "./match";
import { INPUT_EXTENSIONS, readInput, type InputKind, type Reading } from "./read";
import { completeDraft } from "./text";

/** Files larger than this are not read (feeds can be larger than one article). */
export const MAX_INPUT_FILE_BYTES = 20 * 1024 * 1024;

export interface ImportOptions {
  folder: string;
  registries: Registries;
  /** Words for `--match`; undefined keeps every feed item. */
  match?: string[];
  date?: string;
  source?: string;
  url?: string;
  strict?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface InputResult {
  input: string;
  kind?: InputKind;
  label?: string;
  written: { file: string; problems: string[] }[];
  duplicates: { title: string; of: string; by: "URL" | "text" }[];
  offTopic: string[];
  /** Stories not written because of their problems (`--strict`, or no text). */
  rejected: { title: string; problems: string[] }[];
  failed?: string;
}

function result(input: string): InputResult {
  return { input, written: [], duplicates: [], offTopic: [], rejected: [] };
}

function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** A folder's inputs, recursively in sorted order; hidden files skipped. */
export function expandInputs(inputs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(".")) continue;
      const full = path.join(dir, name);
      const s = statSync(full);
      if (s.isDirectory()) walk(full);
      else if (INPUT_EXTENSIONS.includes(path.extname(name).toLowerCase())) out.push(full);
    }
  };
  for (const input of inputs) {
    if (isUrl(input)) {
      out.push(input);
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      // Reported when it is read.
    }
    if (isDir) walk(input);
    else out.push(input);
  }
  return out;
}

async function readOne(input: string, options: ImportOptions): Promise<Reading> {
  if (isUrl(input)) {
    const fetched = await fetchInput(input, { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes });
    if (!fetched.ok) return fetched;
    return readInput(fetched.bytes, { name: fetched.url, contentType: fetched.contentType, address: fetched.url });
  }
  let bytes: Buffer;
  try {
    const s = statSync(input);
    if (!s.isFile()) return { ok: false, message: "is not a file, folder or http(s) URL" };
    if (s.size > MAX_INPUT_FILE_BYTES) return { ok: false, message: `is ${(s.size / 1024 / 1024).toFixed(1)} MB; at most ${MAX_INPUT_FILE_BYTES / 1024 / 1024} MB is read` };
    bytes = readFileSync(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === "ENOENT" ? "does not exist" : `cannot be read: ${(error as Error).message}` };
  }
  return readInput(bytes, { name: input });
}

/** Writes one story (or says why not) into the input's result. */
export function takeDraft(draft: Draft, into: InputResult, index: CorpusIndex, options: ImportOptions): void {
  const plan = planArticle(draft, index, { strict: options.strict });
  const title = draft.title || "(untitled)";
  if (plan.kind === "duplicate") into.duplicates.push({ title, of: plan.of, by: plan.by });
  else if (plan.kind === "invalid") into.rejected.push({ title, problems: plan.problems });
  else into.written.push({ file: writePlanned(options.folder, plan, draft, index), problems: plan.problems });
}

export async function importInputs(inputs: readonly string[], options: ImportOptions, onResult?: (r: InputResult) => void): Promise<InputResult[]> {
  const index = readCorpusIndex(options.folder);
  const results: InputResult[] = [];
  for (const input of expandInputs(inputs)) {
    const r = result(input);
    const reading = await readOne(input, options);
    if (!reading.ok) r.failed = reading.message;
    else {
      r.kind = reading.kind;
      r.label = reading.kind === "feed" ? `${reading.label}, ${reading.drafts.length} item${reading.drafts.length === 1 ? "" : "s"}` : reading.label;
      for (const raw of reading.drafts) {
        if (reading.kind === "feed" && options.match && !matchReason(`${raw.title}\n${raw.body}`, options.match, options.registries)) {
          r.offTopic.push(raw.title || "(untitled)");
          continue;
        }
        const given = reading.kind === "feed" ? { source: options.source } : { date: options.date, source: options.source, url: options.url };
        takeDraft(completeDraft(raw, given), r, index, options);
      }
      if (reading.drafts.length === 0) r.failed = "has no items";
    }
    results.push(r);
    onResult?.(r);
  }
  return results;
}

/** One line per input: what became of it. */
export function summaryLine(r: InputResult): string {
  if (r.failed) return `${r.input}: failed: ${r.failed}`;
  const parts: string[] = [];
  const feed = r.kind === "feed";
  if (r.written.length) parts.push(r.written.length === 1 && !feed ? `written as ${r.written[0].file}` : `${r.written.length} written`);
  if (r.duplicates.length) parts.push(r.duplicates.length === 1 && !feed ? `skipped as duplicate (same ${r.duplicates[0].by} as ${r.duplicates[0].of})` : `${r.duplicates.length} skipped as duplicate${r.duplicates.length === 1 ? "" : "s"}`);
  if (r.offTopic.length) parts.push(`${r.offTopic.length} skipped as off-topic`);
  if (r.rejected.length) parts.push(`${r.rejected.length} not written (${r.rejected[0].problems[0]}${r.rejected.length > 1 ? ", ..." : ""})`);
  if (!parts.length) parts.push("nothing to write");
  return `${r.input}: ${r.label}: ${parts.join(", ")}`;
}

/** The lines under an input's summary: each file of a feed, and every stated problem. */
export function detailLines(r: InputResult): string[] {
  const multi = r.kind === "feed";
  const out: string[] = [];
  for (const w of r.written) {
    if (multi) out.push(`  written ${w.file}`);
    for (const p of w.problems) out.push(`    ${w.file}: ${p}`);
  }
  if (multi) for (const d of r.duplicates) out.push(`  duplicate: "${d.title}" (same ${d.by} as ${d.of})`);
  if (multi) for (const t of r.offTopic) out.push(`  off-topic: "${t}"`);
  for (const x of r.rejected) out.push(`  not written: "${x.title}": ${x.problems.join("; ")}`);
  return out;
}

export function totals(results: readonly InputResult[]): { line: string; failed: boolean } {
  const sum = (f: (r: InputResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const failed = results.filter((r) => r.failed).length;
  const rejected = sum((r) => r.rejected.length);
  const line = [
    `${results.length} input${results.length === 1 ? "" : "s"}`,
    `${sum((r) => r.written.length)} written`,
    `${sum((r) => r.duplicates.length)} skipped as duplicate`,
    `${sum((r) => r.offTopic.length)} skipped as off-topic`,
    ...(rejected ? [`${rejected} not written for their problems`] : []),
    `${failed} failed`,
  ].join(", ");
  return { line, failed: failed > 0 || rejected > 0 };
}
