/**
 * A worker thread of the ingest pool (./pool.ts): prepares the files it is sent (read,
 * hash, parse, extract, flag; see ./prepare.ts) with the registries it was started with,
 * and sends the results back in order. At the end of a large ingest it also reads and
 * groups timeline buckets, through a read-only connection of its own, on its channel.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openReadOnly, type Db } from "../store/db";
import { groupStoredBucket } from "../store/timeline";
import { groupTimeline } from "../timeline/group";
import type { Registries } from "./context";
import type { GroupReply, TimelineChannel } from "./pool";
import { prepareFile, type PrepareRequest } from "./prepare";

const { registries, timeline } = workerData as { registries: Registries; timeline: TimelineChannel };

const connections = new Map<string, Db>();
const connection = (file: string) => connections.get(file) ?? connections.set(file, openReadOnly(file)).get(file)!;

timeline.port.on("message", ({ database, key }: { database: string; key: string }) => {
  let reply: GroupReply;
  try {
    reply = { bucket: groupStoredBucket(connection(database), key, groupTimeline) };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  timeline.port.postMessage(reply);
  Atomics.add(timeline.signal, timeline.index, 1);
  Atomics.notify(timeline.signal, timeline.index);
});

parentPort!.on("message", ({ id, requests }: { id: number; requests: PrepareRequest[] }) => {
  try {
    parentPort!.postMessage({ id, prepared: requests.map((r) => prepareFile(r, registries)) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
