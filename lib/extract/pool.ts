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
import os from "node:os";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { GroupedBucket } from "../store/timeline";
import { workerSource } from "../worker-source";
import type { Registries } from "./context";
import type { Prepared, PrepareRequest } from "./prepare";

export interface ExtractPool {
  size: number;
  /** The files prepared, in their order. */
  prepare(requests: readonly PrepareRequest[]): Promise<Prepared[]>;
  /**
   * Reads and groups timeline buckets (see `groupStoredBucket` in lib/store/timeline.ts,
   * with lib/timeline/group.ts's `groupTimeline`) from the committed state of the database
   * file, and hands each back in the order of `keys`. The first buckets are sent out at
   * once; the rest as this thread takes results, a few ahead, so results never pile up.
   * Results are taken synchronously (this thread waits for a worker without returning to
   * its event loop), so they can be written inside one transaction.
   */
  groupBuckets(database: string, keys: readonly string[]): Iterable<GroupedBucket>;
  close(): Promise<void>;
}

/** What a worker is handed for grouping buckets: its end of a channel and where it signals a reply. */
export interface TimelineChannel {
  port: MessagePort;
  /** One counter per worker, added to after each reply, so the main thread can sleep until one comes. */
  signal: Int32Array;
  index: number;
}

/** A worker's reply to a bucket. */
export type GroupReply = { bucket: GroupedBucket } | { error: string };

/** Buckets sent to each worker ahead of the one being written. */
const BUCKETS_AHEAD = 2;

/** A worker that does not answer for this long is taken for dead. */
const GROUP_TIMEOUT_MS = 10 * 60_000;

/** Files per message: small enough to share a batch out evenly, large enough to keep messages few. */
const CHUNK = 10;

/** Starts `size` workers (default: one per core), or returns undefined when workers cannot run here. */
export function startExtractPool(registries: Registries, options: { size?: number; root?: string } = {}): ExtractPool | undefined {
  const source = workerSource(options.root ?? process.cwd(), "lib", "extract", "worker.ts");
  if (!source) return undefined;
  const size = Math.max(1, options.size ?? os.availableParallelism());
  const bootstrap = `const { workerData } = require("node:worker_threads"); require(workerData.loader).register(); require(workerData.entry);`;
  const signal = new Int32Array(new SharedArrayBuffer(4 * size));
  const channels = Array.from({ length: size }, () => new MessageChannel());
  const workers = channels.map(
    ({ port2 }, index) =>
      new Worker(bootstrap, { eval: true, workerData: { ...source, registries, timeline: { port: port2, signal, index } satisfies TimelineChannel }, transferList: [port2] }),
  );
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

  /** The next reply of worker `index`, waiting for it (Atomics.wait) without leaving this call. */
  const receive = (index: number, key: string): GroupReply => {
    let waited = 0;
    for (;;) {
      const seen = Atomics.load(signal, index);
      const message = receiveMessageOnPort(channels[index].port1);
      if (message) return message.message as GroupReply;
      if (waited >= GROUP_TIMEOUT_MS) throw new Error(`a worker did not answer in ${GROUP_TIMEOUT_MS / 60_000} minutes while grouping the timeline bucket ${key}`);
      if (Atomics.wait(signal, index, seen, 1_000) === "timed-out") waited += 1_000;
    }
  };

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
    groupBuckets(database, keys) {
      if (failed) throw failed;
      const send = (k: number) => channels[k % size].port1.postMessage({ database, key: keys[k] });
      let sent = 0;
      while (sent < Math.min(keys.length, BUCKETS_AHEAD * size)) send(sent++);
      return (function* () {
        for (let k = 0; k < keys.length; k++) {
          const reply = receive(k % size, keys[k]);
          if (sent < keys.length) send(sent++);
          if ("error" in reply) throw new Error(`grouping the timeline bucket ${keys[k]} failed in a worker: ${reply.error}`);
          yield reply.bucket;
        }
      })();
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
