import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const STORY = `Title: India to license exports of 4-AP
Source: E2E Wire
Date: 2026-01-15

NEW DELHI (E2E Wire) - India said on Thursday it would require export licences for 4-AP and 1-boc-4-AP from March 1, 2026.

Officials seized 200 kilograms of 4-AP at the port of Mundra on January 10, the Narcotics Control Bureau said.`;

// The stories these tests save are removed afterwards, so later tests and screenshots
// see the corpus as it was.
const SAVED = ["2026-01-15-india-to-license-exports-of-4-ap-and-1-boc-4-ap.md", "2026-02-03-traffickers-turn-to-npp-substitutes.md"];
test.afterAll(() => {
  const dir = process.env.E2E_CONTENT_DIR;
  if (dir) for (const file of SAVED) rmSync(path.join(dir, file), { force: true });
});

test("paste, preview with chemicals and events, save: the article page opens and the timeline shows its events", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/add");
  await expect(page.getByRole("heading", { level: 1, name: "Add news" })).toBeVisible();
  await page.getByLabel("Text or address of the article").fill(STORY);
  await page.getByRole("button", { name: "Preview", exact: true }).click();

  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("India to license exports of 4-AP");
  await expect(page.getByLabel("Date")).toHaveValue("2026-01-15");
  await expect(page.getByLabel("Source")).toHaveValue("E2E Wire");
  await expect(page.getByTestId("preview-chemicals")).toContainText("4-AP");
  await expect(page.getByTestId("preview-chemicals")).toContainText("1-boc-4-AP");
  const events = page.getByTestId("preview-events").getByRole("listitem");
  await expect(events.first()).toBeVisible();
  expect(await events.count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("preview-events")).toContainText("seizure");
  // What is read is highlighted in the text.
  await expect(page.getByTestId("article-body").locator('mark[data-kind="chemical"]').first()).toHaveText("4-AP");
  await expect(page.getByText("2026-01-15-india-to-license-exports-of-4-ap.md")).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 900 });
  const dir = path.join(process.cwd(), "docs", "screenshots");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, "add-desktop.png"), fullPage: true });

  // The title is edited in the form before saving.
  await page.getByLabel("Title").fill("India to license exports of 4-AP and 1-boc-4-AP");
  await expect(page.getByText("2026-01-15-india-to-license-exports-of-4-ap-and-1-boc-4-ap.md")).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/articles\/2026-01-15-india-to-license-exports-of-4-ap-and-1-boc-4-ap$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("India to license exports of 4-AP and 1-boc-4-AP");
  await expect(page.getByTestId("article-body")).toContainText("port of Mundra");

  await page.goto("/timeline?q=Mundra");
  await expect(page.getByRole("main")).toContainText("seized 200 kilograms of 4-AP at the port of Mundra");
  await page.goto("/timeline?q=licences");
  await expect(page.getByRole("main")).toContainText("require export licences for 4-AP");

  // Saving the same story again is refused as a duplicate, with a link to it.
  await page.goto("/add");
  await page.getByLabel("Text or address of the article").fill(STORY);
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("add-error")).toContainText("already in the corpus as 2026-01-15-india-to-license-exports-of-4-ap-and-1-boc-4-ap.md");
});

test("a story without a date or source shows the problems and is saved once they are filled in", async ({ page }) => {
  await page.goto("/add");
  await page.getByLabel("Text or address of the article").fill("Traffickers turn to NPP substitutes\n\nTraffickers turned to NPP substitutes after ANPP was listed, analysts said.");
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.getByTestId("preview-problems")).toContainText("date: the text gives no date");
  await expect(page.getByTestId("preview-problems")).toContainText("source: the text names no source");
  await expect(page.getByLabel("Date")).toHaveValue("");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/add$/);
  await page.getByLabel("Date").fill("2026-02-03");
  await page.getByLabel("Source").fill("Analyst note");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/articles\/2026-02-03-traffickers-turn-to-npp-substitutes$/);
  await expect(page.getByRole("main")).toContainText("Analyst note");
});

test("posts from another origin, without an origin, or over 2 MB are refused", async ({ request, baseURL }) => {
  const story = { title: "Cross-site", date: "2026-01-01", source: "Evil", body: "China controls 4-AP." };
  const cross = await request.post("/add/save", { headers: { origin: "http://evil.example" }, data: story });
  expect(cross.status()).toBe(403);
  expect((await cross.json()).message).toContain("http://evil.example is not this dashboard");

  const crossPreview = await request.post("/add/preview", { headers: { origin: "http://evil.example", "sec-fetch-site": "cross-site" }, multipart: { text: "x" } });
  expect(crossPreview.status()).toBe(403);

  const noOrigin = await request.post("/add/save", { data: story });
  expect(noOrigin.status()).toBe(403);
  expect((await noOrigin.json()).message).toContain("no Origin");

  const big = await request.post("/add/preview", { headers: { origin: baseURL! }, multipart: { text: "x".repeat(2 * 1024 * 1024 + 10) } });
  expect(big.status()).toBe(413);

  // Nothing was written.
  const list = await request.get("/articles?q=Cross-site");
  expect(await list.text()).not.toContain("Evil");
});

test("a dropped saved page is read: its title, date and source, chemicals highlighted", async ({ page }) => {
  await page.goto("/add");
  await page.getByLabel("Saved web page (.html), text or Markdown file").setInputFiles(path.join(process.cwd(), "tests", "fixtures", "intake", "pages", "json-ld.html"));
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.getByLabel("Title")).toHaveValue("China to control two more fentanyl precursors from July 20");
  await expect(page.getByLabel("Date")).toHaveValue("2025-06-20");
  await expect(page.getByLabel("Source")).toHaveValue("Wirewatch News");
  await expect(page.getByTestId("preview-chemicals")).toContainText("4-piperidone");
  await expect(page.getByTestId("article-body")).not.toContainText("Share on Facebook");
});

test("reached by a name other than loopback, /add is off with a message and refuses posts", async ({ request }) => {
  const lan = "192.168.1.20:3102";
  const pageResponse = await request.get("/add", { headers: { host: lan } });
  expect(await pageResponse.text()).toContain("Adding news is off: this page was reached as 192.168.1.20:3102");
  const post = await request.post("/add/save", { headers: { host: lan, origin: `http://${lan}` }, data: { title: "x", date: "2026-01-01", source: "y", body: "z" } });
  expect(post.status()).toBe(403);
  expect((await post.json()).message).toContain("Adding news is off");
});
