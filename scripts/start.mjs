/**
 * npm start: builds when needed, then serves the production dashboard on
 * http://127.0.0.1:3000 (HOST and PORT override; CONTENT_DIR picks the articles folder).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { serverEnvironment } from "./server-env.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.NEXT_TELEMETRY_DISABLED = "1";
buildIfNeeded();

const host = process.env.HOST || "127.0.0.1";
const port = process.env.PORT || "3000";
console.error(`Precursor Watch: http://${host}:${port} (articles: ${process.env.CONTENT_DIR || "content/articles"})`);
const server = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "--hostname", host, "--port", port], {
  cwd: root,
  stdio: "inherit",
  env: serverEnvironment(),
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
