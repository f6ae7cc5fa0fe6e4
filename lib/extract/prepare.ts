/**
 * Everything an ingest does to one file before it writes to the database: read, hash,
 * parse (unless the bytes are those already stored), extract and flag. Pure apart from
 * reading the file, so worker threads (./pool.ts) can do it for many files at once while
 * the main thread writes; the serial ingest calls it in its own thread.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArticleFile, type ParsedArticleFile } from "../content/article";
import { problem } from "../content/issues";
import type { FileStamp } from "../content/loader";
import { articleFlags } from "../flags";
import type { Extraction, Flag } from "../schema";
import type { Registries } from "./context";
import { extractAll } from "./index";

/** What to prepare: a listed file and the hash the database holds for it ("" when none). */
export interface PrepareRequest {
  stamp: FileStamp;
  storedHash: string;
  /** Parse even when the bytes are those stored (a name passing to another file). */
  force: boolean;
}

/** A file read and hashed, and when its bytes are new, parsed, with its article's records and flags. */
export interface Prepared {
  hash: string;
  /** Absent when the bytes are those already stored (nothing to parse). */
  parsed?: ParsedArticleFile;
  extraction?: Extraction;
  flags?: Flag[];
}

function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function prepareFile({ stamp, storedHash, force }: PrepareRequest, registries: Registries): Prepared {
  let bytes: Buffer;
  try {
    bytes = readFileSync(stamp.absolute);
  } catch (error) {
    return { hash: "", parsed: { issues: [problem("unreadable", { file: stamp.file, line: 1, field: "(file)" }, "file", (error as Error).message)] } };
  }
  const hash = hashBytes(bytes);
  if (!force && storedHash !== "" && storedHash === hash) return { hash };
  const parsed = parseArticleFile(stamp.file, bytes);
  const article = parsed.article;
  if (!article) return { hash, parsed };
  const extraction = extractAll(article.body, { slug: article.slug, date: article.date, registries });
  return { hash, parsed, extraction, flags: articleFlags(article, extraction, registries) };
}
