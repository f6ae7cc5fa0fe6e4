import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/** axe on every page: no serious or critical violation. Entity pages are found from the lists. */

async function firstHref(page: Page, list: string, selector: string): Promise<string> {
  await page.goto(list);
  const href = await page.locator(selector).first().getAttribute("href");
  expect(href, `a link on ${list}`).toBeTruthy();
  return href!;
}

async function expectNoSeriousViolations(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  // Streamed content is revealed just after load; axe must see the page, not its loading state.
  await expect(page.locator("main h1")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
  // Charts load their drawing code after the page and draw once measured: check them drawn.
  for (const chart of await page.locator("[data-chart-canvas]").all()) await expect(chart.getByRole("application")).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`);
  expect(serious, `${url}\n${serious.join("\n")}`).toEqual([]);
}

test("no page has a serious or critical accessibility violation", async ({ page }) => {
  // axe takes 5-8 s a page on a 2-core machine: 15 pages need about two minutes.
  test.setTimeout(240_000);
  const chemical = await firstHref(page, "/chemicals", "[data-testid=chemicals-table] a[href^='/chemicals/']");
  const actor = await firstHref(page, "/actors", "main table a[href^='/actors/']");
  const article = await firstHref(page, "/articles", "main a[href^='/articles/']");
  const sentence = await firstHref(page, "/timeline", "[data-testid=timeline-event] a[href^='/articles/']");
  const pages = [
    "/",
    "/timeline",
    "/timeline?type=control&page=2",
    "/timeline?type=party",
    "/chemicals",
    chemical,
    "/actors",
    actor,
    "/articles",
    article,
    sentence,
    "/charts",
    "/charts?stack=chemical",
    "/issues",
    "/no-such-page",
  ];
  for (const url of pages) await expectNoSeriousViolations(page, url);
});

test("filters and export buttons work from the keyboard", async ({ page }) => {
  await page.goto("/timeline");
  await expect(page.getByTestId("timeline-summary")).toBeVisible();
  const box = page.getByRole("group", { name: "Chemicals" }).getByRole("checkbox").first();
  const id = (await box.getAttribute("value"))!;
  await box.focus();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(new RegExp(`chemical=${id}`));

  await page.getByLabel("Event type").focus();
  await page.keyboard.press("ArrowDown");
  await expect(page).toHaveURL(/type=/);

  await page.goto("/charts");
  await expect(page.getByRole("figure").first()).toBeVisible();
  const button = page.getByTestId("chart-controls-over-time").getByRole("button", { name: "Download CSV" });
  await button.focus();
  const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(file.suggestedFilename()).toMatch(/\.csv$/);

  // The skip link is the first stop and leads to the content.
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
});
