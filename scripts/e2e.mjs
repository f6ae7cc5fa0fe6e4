/**
 * npm run test:e2e: finds a Chromium, builds the production dashboard when needed,
 * copies the sample articles plus the broken fixtures into a temporary content folder
 * (tests may edit it), and runs Playwright against `npm start` on port 3100.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { findChromium, HOW_TO_GET_CHROMIUM } from "./find-chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const chromium = await findChromium();
if (!chromium) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
buildIfNeeded();

const content = mkdtempSync(path.join(os.tmpdir(), "precursor-watch-e2e-"));
const sample = path.join(root, "content", "articles");
if (existsSync(sample)) cpSync(sample, content, { recursive: true });
cpSync(path.join(root, "tests", "fixtures", "e2e"), path.join(content, "zz-fixtures"), { recursive: true });
cpSync(path.join(root, "tests", "fixtures", "hostile"), path.join(content, "zz-hostile"), { recursive: true });
cpSync(path.join(root, "tests", "fixtures", "broken"), path.join(content, "zz-broken"), { recursive: true });
// The database of the test run lives beside its content, and goes with it.
const database = mkdtempSync(path.join(os.tmpdir(), "precursor-watch-e2e-db-"));

const result = spawnSync(process.execPath, [path.join(root, "node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, E2E_CHROMIUM: chromium, E2E_CONTENT_DIR: content, E2E_DATABASE_PATH: path.join(database, "corpus.sqlite"), NEXT_TELEMETRY_DISABLED: "1" },
});
rmSync(content, { recursive: true, force: true });
rmSync(database, { recursive: true, force: true });
process.exit(result.status ?? 1);
