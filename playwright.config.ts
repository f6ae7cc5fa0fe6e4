import { defineConfig } from "@playwright/test";

/**
 * Browser tests run against the production build (`npm run test:e2e` builds when needed
 * and prepares a content folder; see scripts/e2e.mjs), in whichever Chromium exists.
 */
const port = Number(process.env.E2E_PORT || 3100);
const executablePath = process.env.E2E_CHROMIUM || undefined;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: `node scripts/start.mjs`,
    url: `http://127.0.0.1:${port}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: { PORT: String(port), HOST: "127.0.0.1", CONTENT_DIR: process.env.E2E_CONTENT_DIR ?? "", DATABASE_PATH: process.env.E2E_DATABASE_PATH ?? "", NEXT_TELEMETRY_DISABLED: "1" },
    stdout: "ignore",
    stderr: "pipe",
  },
});
