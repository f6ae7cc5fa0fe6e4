import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { connection } from "next/server";
import { cache } from "react";
import { loadCorpus, type Corpus } from "@/lib/corpus";

/**
 * Extractions and the corpus snapshot persist in .cache/extract (or PW_CACHE_DIR) keyed by
 * the build id, so a restart of the same build on an unchanged corpus is warm, and a new
 * build never trusts old entries. The development server has no stable build id and skips
 * the disk cache.
 */
function diskCacheOptions(): { dir: string; version: string } | undefined {
  if (process.env.NODE_ENV !== "production") return undefined;
  try {
    const buildId = readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
    const dir = process.env.PW_CACHE_DIR || path.join(/* turbopackIgnore: true */ process.cwd(), ".cache", "extract");
    return { dir, version: buildId };
  } catch {
    return undefined;
  }
}

const diskCache = diskCacheOptions();

/**
 * The corpus for this request. `connection()` makes every page that reads it render per
 * request, so a new article file shows on the next reload; lib's caches keep that cheap.
 * React's `cache` makes the layout, the page and its metadata share one load per request.
 */
export const getCorpus = cache(async (): Promise<Corpus> => {
  await connection();
  return loadCorpus({ diskCache, watch: true });
});
