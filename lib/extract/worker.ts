/**
 * A worker thread of the ingest pool (./pool.ts): prepares the files it is sent (read,
 * hash, parse, extract, flag; see ./prepare.ts) with the registries it was started with,
 * and sends the results back in order.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Registries } from "./context";
import { prepareFile, type PrepareRequest } from "./prepare";

const { registries } = workerData as { registries: Registries };

parentPort!.on("message", ({ id, requests }: { id: number; requests: PrepareRequest[] }) => {
  try {
    parentPort!.postMessage({ id, prepared: requests.map((r) => prepareFile(r, registries)) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
