import { expect, test } from "@playwright/test";

test("the articles list opens an article", async ({ page }) => {
  await page.goto("/articles");
  await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
  const list = page.getByRole("list", { name: "Articles" });
  const first = list.getByRole("link").first();
  const title = (await first.textContent())?.trim() ?? "";
  expect(title.length).toBeGreaterThan(0);
  await first.click();
  await expect(page).toHaveURL(/\/articles\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("article-body")).not.toBeEmpty();
});

test("the navigation reaches every section", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const [label, heading] of [
    ["Timeline", "Timeline"],
    ["Chemicals", "Chemicals"],
    ["Actors", "Actors"],
    ["Articles", "Articles"],
    ["Charts", "Charts"],
    ["Content issues", "Content issues"],
    ["Overview", "Overview"],
  ]) {
    await nav.getByRole("link", { name: label, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
  }
});

test("the content-issues page lists a broken fixture, and every page shows the banner", async ({ page }) => {
  await page.goto("/issues");
  const row = page.getByTestId("content-issue").filter({ hasText: "fixture-broken-date.md" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("date");
  await expect(row).toContainText("2025-02-31");
  await page.goto("/timeline");
  await expect(page.getByTestId("issues-banner")).toContainText("problem");
});

test("unknown ids get a 404 page", async ({ page }) => {
  for (const url of ["/articles/no-such-article", "/chemicals/no-such-chemical", "/actors/no-such-actor", "/nowhere"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  }
});
