/**
 * File preparation spread over worker threads: a cold ingest of a large folder is mostly
 * reading, parsing, extracting and flagging (./prepare.ts), which is pure (file and
 * registries in, records out), so each core can take a share while the main thread writes
 * the database. The records are those `prepareFile` gives in this thread: the same code
 * runs in each worker.
 *
 * The workers run this folder's TypeScript through tsx's loader (a dependency of the
 * project's scripts); where it cannot be found, `startExtractPool` returns undefined and
 * the caller extracts in its own thread.
 */
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Registries } from "./context";
import type { Prepared, PrepareRequest } from "./prepare";

export interface ExtractPool {
  size: number;
  /** The files prepared, in their order. */
  prepare(requests: readonly PrepareRequest[]): Promise<Prepared[]>;
  close(): Promise<void>;
}

/** Files per message: small enough to share a batch out evenly, large enough to keep messages few. */
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
  const pending = new Map<number, { resolve: (p: Prepared[]) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failed: Error | undefined;

  for (const worker of workers) {
    worker.on("message", (message: { id: number; prepared?: Prepared[]; error?: string }) => {
      const job = pending.get(message.id)!;
      pending.delete(message.id);
      if (message.error) job.reject(new Error(`preparing files failed in a worker: ${message.error}`));
      else job.resolve(message.prepared!);
    });
    worker.on("error", (error) => {
      failed = error;
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
  }

  // Chunks are posted to the workers at once, in turn, each worker working through its own
  // queue of messages. Handing a worker its next chunk only when it reported the last one
  // left it idle whenever this thread was busy writing a batch and could not hear it: at
  // 3,000 articles each worker sat idle for 11 of 25 s.
  let turn = 0;
  const run = (requests: PrepareRequest[]) =>
    new Promise<Prepared[]>((resolve, reject) => {
      if (failed) return reject(failed);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      workers[turn++ % workers.length].postMessage({ id, requests });
    });

  return {
    size,
    async prepare(requests) {
      const chunks: Promise<Prepared[]>[] = [];
      for (let i = 0; i < requests.length; i += CHUNK) chunks.push(run(requests.slice(i, i + CHUNK)));
      return (await Promise.all(chunks)).flat();
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
