import "server-only";
import { connection } from "next/server";
import { loadCorpus, type Corpus } from "@/lib/corpus";

/**
 * The corpus for this request. `connection()` makes every page that reads it render per
 * request, so a new article file shows on the next reload; lib's caches keep that cheap.
 */
export async function getCorpus(): Promise<Corpus> {
  await connection();
  return loadCorpus();
}
