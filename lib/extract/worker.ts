/**
 * A worker thread of the extraction pool (./pool.ts): extracts the articles it is sent
 * with the registries it was started with, and sends the extractions back in order.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Article, Extraction } from "../schema";
import type { Registries } from "./context";
import { extractAll } from "./index";

const { registries } = workerData as { registries: Registries };

parentPort!.on("message", ({ id, articles }: { id: number; articles: Pick<Article, "slug" | "date" | "body">[] }) => {
  try {
    const extractions: Extraction[] = articles.map((a) => extractAll(a.body, { slug: a.slug, date: a.date, registries }));
    parentPort!.postMessage({ id, extractions });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
