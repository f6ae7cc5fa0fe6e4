/**
 * How a worker thread runs one of this project's TypeScript files: through tsx's loader
 * (a dependency of the project's scripts), both found from the project's root. Used by
 * the extraction pool (lib/extract/pool.ts) and the folder listing (lib/content/listing.ts).
 */
import { createRequire } from "node:module";
import path from "node:path";

export interface WorkerSource {
  /** tsx's CommonJS loader; a worker calls its `register()` before requiring `entry`. */
  loader: string;
  entry: string;
}

/** The loader and the file at `relativePath` under root, or undefined where either cannot be found. */
export function workerSource(root: string, ...relativePath: string[]): WorkerSource | undefined {
  const entry = path.join(/* turbopackIgnore: true */ root, ...relativePath);
  try {
    const require = createRequire(path.join(/* turbopackIgnore: true */ root, "package.json"));
    const loader = require.resolve("tsx/cjs/api");
    require.resolve(entry);
    return { loader, entry };
  } catch {
    return undefined;
  }
}
