import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { connection } from "next/server";
import { cache } from "react";
import { loadCorpus, type Corpus } from "@/lib/corpus";

/**
 * The extraction code's identity: the build id in production, so a new build extracts
 * every article again and a restart of the same build reads nothing it need not. The
 * development server has no stable build id: it extracts again on each start.
 */
function version(): string {
  try {
    return readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return `dev-${process.pid}`;
  }
}

const buildVersion = process.env.NODE_ENV === "production" ? version() : `dev-${process.pid}`;

/**
 * The corpus for this request. `connection()` makes every page that reads it render per
 * request, so a new article file shows on the next reload: the folder is watched and only
 * changed files are read into the database. React's `cache` makes the layout, the page and
 * its metadata share one load per request.
 */
export const getCorpus = cache(async (): Promise<Corpus> => {
  await connection();
  return loadCorpus({ version: buildVersion, watch: true });
});
