import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";

/**
 * The dashboard's filters, links and pages, driven through their controls. Expected
 * values come from the page itself (the first option of a filter, the first event with a
 * chemical), never from the wording of the sample articles.
 */

const events = (page: Page) => page.getByTestId("timeline-event");
const summary = (page: Page) => page.getByTestId("timeline-summary");

/**
 * Opens a page and waits until its content is revealed: pages with a loading state stream
 * their content after the "load" event may already have fired.
 */
async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator("main h1")).toBeVisible();
  if (url.startsWith("/timeline")) await expect(summary(page)).toBeVisible();
  if (url.startsWith("/charts")) await expect(page.getByRole("figure").first()).toBeVisible();
}

/** The first checkbox of a filter group, with its id and label, or null when the group is empty. */
async function firstOption(page: Page, group: "Actors" | "Chemicals") {
  const box = page.getByRole("group", { name: group }).getByRole("checkbox").first();
  if ((await box.count()) === 0) return null;
  const id = (await box.getAttribute("value"))!;
  return { box, id };
}

async function expectEveryEventLinksTo(page: Page, href: string) {
  const list = events(page);
  const count = await list.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await expect(list.nth(i).locator(`a[href="${href}"]`).first(), `event ${i} names ${href}`).toBeVisible();
  }
}

for (const [group, param, route] of [
  ["Chemicals", "chemical", "/chemicals/"],
  ["Actors", "actor", "/actors/"],
] as const) {
  test(`filtering the timeline by ${param} through its checkbox changes the URL, and back restores it`, async ({ page }) => {
    await open(page, "/timeline");
    const before = (await summary(page).textContent())!;
    const option = await firstOption(page, group);
    // The sample corpus names chemicals and actors: an empty group is a failure, not a skip.
    expect(option, `the filter panel offers a ${param}`).toBeTruthy();
    const { box, id } = option!;
    const label = (await box.evaluate((el) => el.closest("label")?.textContent ?? "")).trim();
    const count = Number(label.match(/([\d,]+)\s*events?$/)?.[1].replace(/,/g, ""));

    await box.check();
    await expect(page).toHaveURL(new RegExp(`[?&]${param}=${id}(&|$)`));
    await expect(summary(page)).toContainText("match the filters");
    await expect(summary(page)).toContainText(`${count.toLocaleString("en-US")} event`);
    await expect(page.getByRole("list", { name: "Active filters" })).toBeVisible();
    await expectEveryEventLinksTo(page, `${route}${encodeURIComponent(id)}`);

    await page.goBack();
    await expect(page).not.toHaveURL(new RegExp(`${param}=`));
    await expect(summary(page)).toHaveText(before);
    await expect(page.getByRole("group", { name: group }).locator(`input[value="${id}"]`)).not.toBeChecked();

    await page.goForward();
    await expect(page).toHaveURL(new RegExp(`[?&]${param}=${id}`));
    await expect(page.getByRole("group", { name: group }).locator(`input[value="${id}"]`)).toBeChecked();
    await expectEveryEventLinksTo(page, `${route}${encodeURIComponent(id)}`);
  });
}

test("the type, date and text filters narrow the events and show in the URL", async ({ page }) => {
  await open(page, "/timeline");
  const select = page.getByLabel("Event type");
  const options = await select.locator("option").allTextContents();
  // Pick the type with the most events after "All types".
  const ranked = options
    .slice(1)
    .map((text) => ({ type: text.replace(/\s*\(.*$/, ""), count: Number(text.match(/\(([\d,]+)\)/)?.[1].replace(/,/g, "")) }))
    .sort((a, b) => b.count - a.count);
  await select.selectOption(ranked[0].type);
  await expect(page).toHaveURL(new RegExp(`type=${ranked[0].type}`));
  await expect(summary(page)).toContainText(`${ranked[0].count.toLocaleString("en-US")} event`);
  const shown = events(page);
  for (let i = 0; i < Math.min(await shown.count(), 20); i++) await expect(shown.nth(i)).toContainText(ranked[0].type, { ignoreCase: true });

  // A year from the first event shown, as "from" and "to": every event falls in it.
  const year = ((await shown.first().locator("time").first().getAttribute("datetime")) ?? "").slice(0, 4);
  await page.getByLabel("From", { exact: true }).fill(year);
  await page.getByLabel("To", { exact: true }).fill(year);
  await page.getByLabel("To", { exact: true }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`from=${year}&to=${year}`));
  const dates = await events(page).getByTestId("entry-date").evaluateAll((els) => els.map((el) => el.getAttribute("datetime") ?? ""));
  expect(dates.length).toBeGreaterThan(0);
  for (const d of dates) expect(d.slice(0, 4)).toBe(year);

  // Text: a word from the first summary shown.
  const sentence = (await events(page).first().getByTestId("entry-summary").textContent()) ?? "";
  const word = sentence.split(/\W+/).find((w) => w.length > 6) ?? year;
  await page.getByLabel("Text", { exact: true }).fill(word);
  await page.getByLabel("Text", { exact: true }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  await expect(events(page).first()).toBeVisible();

  await page.getByRole("link", { name: "Clear all" }).first().click();
  await expect(page).toHaveURL(/\/timeline$/);
});

test("an invalid filter value falls back to its default and says so", async ({ page }) => {
  await open(page, "/timeline");
  const all = (await summary(page).textContent())!;
  await open(page, "/timeline?type=party&from=2024-13-45&actor=no-such-actor&page=zero");
  const notice = page.getByTestId("url-problems");
  await expect(notice).toContainText("type “party” is not an event type");
  await expect(notice).toContainText("from “2024-13-45” is not a date");
  await expect(notice).toContainText("no-such-actor");
  await expect(notice).toContainText("page “zero”");
  await expect(summary(page)).toHaveText(all);
  await expect(page.getByLabel("Event type")).toHaveValue("");
});

test("the timeline is paginated on the server", async ({ page }) => {
  await open(page, "/timeline");
  const count = await events(page).count();
  expect(count).toBeLessThanOrEqual(50);
  const older = page.getByRole("navigation", { name: "Pages of events" }).getByRole("link", { name: "Older →" });
  // The sample corpus has more than one page of entries, so this link must be there.
  await expect(older).toHaveCount(1);
  const firstId = await events(page).first().getAttribute("data-entry-id");
  await older.click();
  await expect(page).toHaveURL(/page=2/);
  await expect(events(page).first()).not.toHaveAttribute("data-entry-id", firstId!);
  await page.goBack();
  await expect(events(page).first()).toHaveAttribute("data-entry-id", firstId!);
});

/** The first event on the timeline that has a link of this kind. */
async function firstEventLink(page: Page, prefix: string): Promise<Locator | null> {
  const link = events(page).locator(`a[href^="${prefix}"]`).first();
  return (await link.count()) ? link : null;
}

test("an event leads to its chemical, its actor and the exact sentence in its article", async ({ page }) => {
  await open(page, "/timeline");
  const chemical = await firstEventLink(page, "/chemicals/");
  expect(chemical, "some event names a chemical").not.toBeNull();
  const chemicalName = (await chemical!.textContent())!.trim();
  await chemical!.click();
  await expect(page).toHaveURL(/\/chemicals\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(chemicalName);
  await expect(page.getByTestId("chart-chemical-mentions")).toBeVisible();

  await open(page, "/timeline");
  const actor = await firstEventLink(page, "/actors/");
  if (actor) {
    const actorName = (await actor.textContent())!.trim();
    await actor.click();
    await expect(page).toHaveURL(/\/actors\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(actorName);
    await open(page, "/timeline");
  }

  // The sources of an entry open under "Reported by ..."; each links to its sentence.
  const first = events(page).first();
  await first.getByText(/^Reported by \d+ articles?$/).click();
  const source = first.getByTestId("entry-source").first();
  const sentence = ((await source.locator("q").textContent()) ?? "").trim();
  const articleLink = source.locator('a[href^="/articles/"]').first();
  const href = (await articleLink.getAttribute("href"))!;
  const index = href.match(/sentence=(\d+)/)![1];
  await articleLink.click();
  await expect(page).toHaveURL(new RegExp(`/articles/[^?]+\\?sentence=${index}#s-${index}$`));
  const target = page.locator(`#s-${index}`);
  await expect(target).toBeInViewport();
  await expect(target).toHaveClass(/sentence-focus/);
  // The sentence may run across marks: compare its first words.
  const words = sentence.split(/\s+/).slice(0, 3).join(" ");
  await expect(page.locator(`[data-sentence="${index}"]`).first()).toContainText(words.split(" ")[0]);
  await expect(page.getByRole("complementary", { name: "Extracted records" })).toBeVisible();
});

test("the article page lists its records, each linked to its place in the text", async ({ page }) => {
  await page.goto("/chemicals");
  await page.getByTestId("chemicals-table").getByRole("link").first().click();
  await page.locator('main a[href^="/articles/"]:not([href*="?"])').first().click();
  await expect(page).toHaveURL(/\/articles\/[^/?]+$/);
  const panel = page.getByRole("complementary", { name: "Extracted records" });
  const jump = panel.getByRole("link", { name: /^in text/ }).first();
  const anchor = (await jump.getAttribute("href"))!;
  expect(anchor).toMatch(/^#s-\d+$/);
  await jump.click();
  await expect(page.locator(anchor)).toBeInViewport();
  await expect(page.getByTestId("article-body").locator("mark").first()).toBeVisible();
});

test("unknown chemicals and actors show the 404 page with a way back", async ({ page }) => {
  for (const [url, back] of [
    ["/chemicals/not-a-real-id", "All chemicals"],
    ["/actors/not-a-real-id", "All actors"],
  ]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("link", { name: back })).toBeVisible();
  }
});

test("the charts page follows the timeline filters", async ({ page }) => {
  await open(page, "/timeline");
  const option = await firstOption(page, "Chemicals");
  expect(option).not.toBeNull();
  await option!.box.check();
  await expect(page).toHaveURL(/chemical=/);
  await page.getByRole("link", { name: "See them as charts" }).click();
  await expect(page).toHaveURL(new RegExp(`/charts\\?chemical=${option!.id}`));
  const volume = page.getByTestId("chart-news-volume");
  await expect(volume).toContainText("Chemical:");
  await expect(page.getByRole("group", { name: "Chemicals" }).locator(`input[value="${option!.id}"]`)).toBeChecked();
  await page.getByRole("navigation", { name: "Stack news volume by" }).getByRole("link", { name: "chemical" }).click();
  await expect(page).toHaveURL(/stack=chemical/);
  await expect(page.getByTestId("chart-news-volume").getByRole("heading")).toContainText("by chemical");
});

test("screenshots of the main pages, desktop and 390 px", async ({ page }) => {
  test.setTimeout(90_000);
  const dir = path.join(process.cwd(), "docs", "screenshots");
  mkdirSync(dir, { recursive: true });
  await page.goto("/chemicals");
  const chemicalHref = (await page.getByTestId("chemicals-table").getByRole("link").first().getAttribute("href"))!;
  const shots = [
    ["overview", "/"],
    ["timeline", "/timeline"],
    ["chemical", chemicalHref],
    ["charts", "/charts"],
  ] as const;
  for (const [width, suffix] of [
    [1280, "desktop"],
    [390, "mobile"],
  ] as const) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    for (const [name, url] of shots) {
      await open(page, url);
      await page.waitForLoadState("networkidle");
      // Charts draw after they measure their box.
      for (const chart of await page.locator("[data-chart-canvas]").all()) await expect(chart.getByRole("application")).toBeVisible();
      // The document height is capped: the timeline alone is thousands of pixels long.
      const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), width === 390 ? 2400 : 2000);
      await page.screenshot({ path: path.join(dir, `${name}-${suffix}.png`), fullPage: true, clip: { x: 0, y: 0, width, height } });
    }
  }
});

test("the timeline shows an event that several articles report once, with every source", async ({ page }) => {
  // China's controls on 4-piperidone took effect on 20 July 2025; several sample briefs say so.
  await open(page, "/timeline?actor=china&chemical=4-piperidone&type=control&from=2025-07-20&to=2025-07-20");
  await expect(events(page)).toHaveCount(1);
  const card = events(page).first();
  await expect(card.getByTestId("entry-date")).toHaveAttribute("datetime", "2025-07-20");
  const reported = card.getByText(/^Reported by \d+ articles$/);
  const count = Number(((await reported.textContent()) ?? "").match(/\d+/)![0]);
  expect(count).toBeGreaterThanOrEqual(3);
  await expect(card.getByTestId("entry-source").first()).toBeHidden();
  await reported.click();
  const sources = card.getByTestId("entry-source");
  expect(await sources.count()).toBeGreaterThanOrEqual(count);
  const articles = new Set<string>();
  for (const link of await sources.getByRole("link").all()) {
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(/^\/articles\/[^?]+\?sentence=\d+#s-\d+$/);
    articles.add(href.split("?")[0]);
  }
  expect(articles.size).toBe(count);
});

test("the app names its icons and web manifest, and serves each of them", async ({ page, request }) => {
  await open(page, "/");
  const hrefs = await page.locator('head link[rel="icon"], head link[rel="apple-touch-icon"], head link[rel="manifest"]').evaluateAll((links) => links.map((l) => l.getAttribute("href")!));
  expect(hrefs).toEqual(expect.arrayContaining(["/favicon.ico", "/icon.svg", "/apple-touch-icon.png", "/manifest.webmanifest"]));
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest.name).toBe("Precursor Watch");
  for (const url of [...hrefs, ...manifest.icons.map((i: { src: string }) => i.src)]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect((await response.body()).length, url).toBeGreaterThan(100);
  }
});
