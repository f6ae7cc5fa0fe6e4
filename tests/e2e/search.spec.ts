import { expect, test } from "@playwright/test";

/** Full-text search: words in any order, "phrases", prefixes*, marked matches, bad syntax as a message. */

const events = (page: import("@playwright/test").Page) => page.getByTestId("timeline-event");

test("the timeline's text filter finds words in any order and marks them", async ({ page }) => {
  await page.goto("/timeline");
  await page.getByLabel("Text", { exact: true }).fill("security ministry");
  await page.getByLabel("Text", { exact: true }).press("Enter");
  await expect(page).toHaveURL(/q=security\+ministry/);
  const count = await events(page).count();
  expect(count).toBeGreaterThan(0);
  const marks = await events(page).getByTestId("entry-source").locator("mark").allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const m of marks) expect(m.toLowerCase()).toMatch(/^(security|ministry)/);

  await page.goto("/timeline?q=ministry+security");
  expect(await events(page).count()).toBe(count);
});

test("a phrase must appear as written; a prefix matches every ending", async ({ page }) => {
  await page.goto(`/timeline?q=${encodeURIComponent('"public security"')}`);
  const phrase = await events(page).count();
  expect(phrase).toBeGreaterThan(0);
  await page.goto(`/timeline?q=${encodeURIComponent('"security public"')}`);
  await expect(page.getByText(/No event matches these filters/)).toBeVisible();

  await page.goto("/timeline?q=piperid*");
  expect(await events(page).count()).toBeGreaterThan(0);
  const marks = await events(page).getByTestId("entry-source").locator("mark").allTextContents();
  for (const m of marks) expect(m.toLowerCase()).toMatch(/^piperid/);
});

test("an unclosed quote is a message on the page, not an error", async ({ page }) => {
  const response = await page.goto(`/timeline?q=${encodeURIComponent('"fentanyl precursors')}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("url-problems")).toContainText("without a closing one");
  await expect(page.getByRole("heading", { level: 1, name: "Timeline" })).toBeVisible();

  const articles = await page.goto(`/articles?q=${encodeURIComponent('"unclosed')}`);
  expect(articles?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "without a closing one" })).toBeVisible();
});

test("the articles list searches titles and bodies, best match first, with marked snippets", async ({ page }) => {
  await page.goto("/articles");
  await page.getByLabel("Search the articles").fill("piperid*");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/articles\?q=piperid/);
  await expect(page.getByTestId("articles-summary")).toContainText("best match first");
  const snippets = page.getByTestId("article-snippet");
  expect(await snippets.count()).toBeGreaterThan(0);
  const marks = await snippets.locator("mark").allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const m of marks) expect(m.toLowerCase()).toMatch(/^piperid/);
});

test("search text is shown as text, never run as markup", async ({ page }) => {
  await page.goto(`/articles?q=${encodeURIComponent("<img src=x onerror=alert(1)> script")}`);
  await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
  expect(await page.locator("main img").count()).toBe(0);
});
