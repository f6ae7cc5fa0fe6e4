import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/**
 * Flags (issue 14) in the browser: the /flags page by kind with its filters, the link
 * from a flag to its highlighted sentence, the marker on the affected timeline entries
 * and article pages, the overview count and the Nav link. The planted fixtures of
 * tests/fixtures/flags are added to the run's content folder, and removed afterwards.
 */
const dir = process.env.E2E_CONTENT_DIR;
const planted = dir ? path.join(dir, "zz-flags") : "";

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  if (dir) cpSync(path.join(__dirname, "..", "fixtures", "flags", "planted"), planted, { recursive: true });
});

test.afterAll(() => {
  if (planted && existsSync(planted)) rmSync(planted, { recursive: true, force: true });
});

const flags = (page: Page) => page.getByTestId("flag");

test.beforeEach(() => {
  expect(dir, "run the browser tests with npm run test:e2e, which prepares a temporary content folder").toBeTruthy();
});

test("the flags page lists flags by kind, filters them, and links each to its sentence", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  const count = page.getByRole("list", { name: "Counts" }).getByRole("link", { name: /Flags/ });
  await expect(count).toBeVisible();
  expect(Number(((await count.textContent()) ?? "").match(/[\d,]+/)?.[0].replace(/,/g, ""))).toBeGreaterThanOrEqual(5);

  await nav.getByRole("link", { name: "Flags", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Flags" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Flags", exact: true })).toHaveAttribute("aria-current", "page");
  for (const kind of ["Out of its time", "Against the registry", "Disputed", "Out of order"]) {
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${kind}`) })).toBeVisible();
  }

  // Filter by kind: only that kind is left, and the URL holds the filter.
  await page.getByLabel("Kind").selectOption("out-of-its-time");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]kind=out-of-its-time/);
  await expect(flags(page).first()).toBeVisible();
  const kinds = await flags(page).evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("data-kind")))]);
  expect(kinds).toEqual(["out-of-its-time"]);
  const mayorkas = flags(page).filter({ hasText: "Alejandro Mayorkas" });
  await expect(mayorkas).toHaveCount(1);

  // Filter by chemical: only flags that concern it.
  await page.goto("/flags");
  await page.getByLabel("Chemical").selectOption("phenethyl-bromide");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]chemical=phenethyl-bromide/);
  await expect(flags(page)).toHaveCount(2);
  await expect(page.getByRole("heading", { level: 2, name: /^Disputed/ })).toBeVisible();

  // Each flag links to its sentence, highlighted in the article.
  await page.goto("/flags?kind=out-of-its-time");
  const link = flags(page).filter({ hasText: "Alejandro Mayorkas" }).getByRole("link", { name: /Read the flagged sentence/ });
  const href = (await link.getAttribute("href"))!;
  const index = href.match(/sentence=(\d+)/)![1];
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/articles/[^?]+\\?sentence=${index}#s-${index}$`));
  await expect(page.locator(`#s-${index}`)).toHaveClass(/sentence-focus/);
  // The flagged sentence is marked in the text itself.
  await expect(page.locator(`#s-${index}`)).toHaveAttribute("data-flagged", "");
  // The article page carries its marker.
  const marker = page.getByTestId("article-flags");
  await expect(marker).toContainText("1 flag on this article");
  await expect(marker).toContainText("Out of its time");
});

test("the timeline marks the entries that carry a flag, and the marker leads to the flag", async ({ page }) => {
  await page.goto("/timeline?chemical=phenethyl-bromide");
  await expect(page.getByTestId("timeline-summary")).toBeVisible();
  const flagged = page.getByTestId("timeline-event").filter({ has: page.getByTestId("entry-flag-marker") });
  await expect(flagged).toHaveCount(2);
  await expect(flagged.first().getByRole("list", { name: "Flags on this event" })).toContainText("Disputed");

  // An entry without a flag has no marker.
  await page.goto("/timeline");
  const unflagged = page.getByTestId("timeline-event").filter({ hasNot: page.getByTestId("entry-flag-marker") });
  await expect(unflagged.first()).toBeVisible();

  await page.goto("/timeline?chemical=phenethyl-bromide");
  const marker = page.getByTestId("entry-flag-marker").first();
  await expect(marker).toHaveAccessibleName(/1 flag: disputed/);
  await marker.click();
  await expect(page).toHaveURL(/\/flags#flag-/);
  const anchor = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`[id="${anchor}"]`)).toHaveAttribute("data-kind", "disputed");
});

test("flags are part of the downloads", async ({ request }) => {
  const csv = await request.get("/export/flags?format=csv&kind=disputed");
  expect(csv.ok()).toBe(true);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toMatch(/^id,kind,severity,text,message,/);
  expect(lines.slice(1).every((l) => l.includes(",disputed,"))).toBe(true);
  expect(lines.length).toBeGreaterThanOrEqual(3);
  const json = (await (await request.get("/export/flags?format=json")).json()) as { kind: string }[];
  expect(new Set(json.map((r) => r.kind))).toEqual(new Set(["out-of-its-time", "against-the-registry", "disputed", "out-of-order"]));
});

test("the flags page and the markers have no serious accessibility violation", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/flags?kind=out-of-its-time");
  const article = (await flags(page).first().getByRole("link", { name: /Read the flagged sentence/ }).getAttribute("href"))!;
  for (const url of ["/flags", "/flags?chemical=phenethyl-bromide", "/timeline?chemical=phenethyl-bromide", article]) {
    await page.goto(url);
    await expect(page.locator("main h1")).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(" ")})`);
    expect(serious, url).toEqual([]);
  }
});
