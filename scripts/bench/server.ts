/** Shared by the benchmarks: start and stop the production server, time requests, read memory. */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { serverEnvironment } from "../server-env.mjs";

const root = path.resolve(__dirname, "..", "..");

export interface Timing {
  ttfbMs: number;
  totalMs: number;
  bytes: number;
  status: number;
  body: string;
}

export function get(url: string, timeoutMs = 120_000): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let ttfb = 0;
    const chunks: Buffer[] = [];
    const request = http.get(url, (response) => {
      response.on("data", (chunk: Buffer) => {
        if (!ttfb) ttfb = performance.now() - start;
        chunks.push(chunk);
      });
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ ttfbMs: ttfb || performance.now() - start, totalMs: performance.now() - start, bytes: body.length, status: response.statusCode ?? 0, body: body.toString("utf8") });
      });
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`timeout on ${url}`)));
    request.on("error", reject);
  });
}

export async function waitForServer(base: string, deadlineMs: number): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < deadlineMs) {
    try {
      const response = await get(`${base}/`, deadlineMs);
      if (response.status === 200) return performance.now() - start;
    } catch {
      // Not listening yet. Tried again soon: the start is measured to within this delay.
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  throw new Error(`server did not answer within ${deadlineMs} ms`);
}

/** Waits until `file` exists; returns how long that took. */
export async function waitForFile(file: string, deadlineMs: number): Promise<number> {
  const start = performance.now();
  while (!existsSync(file)) {
    if (performance.now() - start > deadlineMs) throw new Error(`${file} did not appear within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return performance.now() - start;
}

/** Resident memory of a process and its descendants, from /proc. */
export function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const current = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${current}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // gone
    }
    stack.push(...(children.get(current) ?? []));
  }
  return Math.round(kb / 1024);
}

/** Serves `contentDir` with the production build, its database at `database`. */
export function startServer(contentDir: string, database: string, port: number): ChildProcess {
  return spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: root,
    env: { ...serverEnvironment(), CONTENT_DIR: contentDir, DATABASE_PATH: database, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
    setTimeout(() => server.kill("SIGKILL"), 5000);
  });
}

