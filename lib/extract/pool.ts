/**
 * Extraction spread over worker threads: a cold ingest of a large folder is mostly
 * extraction, which is pure (body and registries in, records out), so each core can take
 * a share while the main thread writes the database. The records are those `extractAll`
 * gives in this thread: the same code runs in each worker.
 *
 * The workers run this folder's TypeScript through tsx's loader (a dependency of the
 * project's scripts); where it cannot be found, `startExtractPool` returns undefined and
 * the caller extracts in its own thread.
 */
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Article, Extraction } from "../schema";
import type { Registries } from "./context";

export interface ExtractPool {
  size: number;
  /** Extractions of the articles, in their order. */
  extract(articles: readonly Article[]): Promise<Extraction[]>;
  close(): Promise<void>;
}

/** Articles per message: small enough to share a batch out evenly, large enough to keep messages few. */
const CHUNK = 10;

/** Starts `size` workers (default: one per core), or returns undefined when workers cannot run here. */
export function startExtractPool(registries: Registries, options: { size?: number; root?: string } = {}): ExtractPool | undefined {
  const root = options.root ?? process.cwd();
  const entry = path.join(/* turbopackIgnore: true */ root, "lib", "extract", "worker.ts");
  let loader: string;
  try {
    loader = createRequire(path.join(/* turbopackIgnore: true */ root, "package.json")).resolve("tsx/cjs/api");
    createRequire(path.join(/* turbopackIgnore: true */ root, "package.json")).resolve(entry);
  } catch {
    return undefined;
  }
  const size = Math.max(1, options.size ?? os.availableParallelism());
  const bootstrap = `const { workerData } = require("node:worker_threads"); require(workerData.loader).register(); require(workerData.entry);`;
  const workers = Array.from({ length: size }, () => new Worker(bootstrap, { eval: true, workerData: { loader, entry, registries } }));
  const idle = [...workers];
  const queue: { id: number; articles: Pick<Article, "slug" | "date" | "body">[] }[] = [];
  const pending = new Map<number, { resolve: (e: Extraction[]) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failed: Error | undefined;

  const dispatch = () => {
    while (idle.length && queue.length) idle.pop()!.postMessage(queue.shift()!);
  };
  for (const worker of workers) {
    worker.on("message", (message: { id: number; extractions?: Extraction[]; error?: string }) => {
      const job = pending.get(message.id)!;
      pending.delete(message.id);
      if (message.error) job.reject(new Error(`extraction failed in a worker: ${message.error}`));
      else job.resolve(message.extractions!);
      idle.push(worker);
      dispatch();
    });
    worker.on("error", (error) => {
      failed = error;
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
  }

  const run = (articles: Pick<Article, "slug" | "date" | "body">[]) =>
    new Promise<Extraction[]>((resolve, reject) => {
      if (failed) return reject(failed);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      queue.push({ id, articles });
      dispatch();
    });

  return {
    size,
    async extract(articles) {
      const chunks: Promise<Extraction[]>[] = [];
      for (let i = 0; i < articles.length; i += CHUNK) chunks.push(run(articles.slice(i, i + CHUNK).map((a) => ({ slug: a.slug, date: a.date, body: a.body }))));
      return (await Promise.all(chunks)).flat();
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
