/**
 * Finds a Chromium for the browser tests: $CHROMIUM_PATH, Debian's /usr/bin/chromium
 * (or chromium-browser, google-chrome), or Playwright's own download. Prints the path,
 * or explains how to get one and exits 1.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

export async function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  ].filter(Boolean);
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright not installed or no browser downloaded: fall through to the advice.
  }
  return null;
}

export const HOW_TO_GET_CHROMIUM = [
  "No Chromium found for the browser tests. Any one of these works:",
  "  - Debian/Ubuntu: sudo apt-get install -y chromium   (gives /usr/bin/chromium)",
  "  - anywhere with internet access to Playwright's CDN: npx playwright install chromium",
  "  - an existing Chrome or Chromium: CHROMIUM_PATH=/path/to/chrome npm test",
].join("\n");

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const found = await findChromium();
  if (!found) {
    console.error(HOW_TO_GET_CHROMIUM);
    process.exit(1);
  }
  console.log(found);
}
