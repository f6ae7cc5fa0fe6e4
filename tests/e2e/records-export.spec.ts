import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

/** "Download CSV" and "Download JSON" of records: every filtered row, from the page's own query. */

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

async function download(page: Page, name: "Download CSV" | "Download JSON"): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-links").getByRole("link", { name, exact: true }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path()).toString("utf8") };
}

const count = (text: string | null) => Number(/([\d,]+) (events?|articles?)/.exec(text ?? "")?.[1].replace(/,/g, ""));

test("the timeline's CSV holds every entry the filters match, on every page", async ({ page }) => {
  await page.goto("/timeline?type=control&actor=china");
  const total = count(await page.getByTestId("timeline-summary").textContent());
  expect(total).toBeGreaterThan(0);
  const { name, text } = await download(page, "Download CSV");
  expect(name).toMatch(/^precursor-watch-timeline-.*\.csv$/);
  const [header, ...rows] = parseCsv(text);
  expect(header.slice(0, 5)).toEqual(["entry_id", "date", "date_end", "precision", "type"]);
  expect(rows).toHaveLength(total);
  const col = (c: string) => header.indexOf(c);
  for (const r of rows) {
    expect(r[col("type")]).toBe("control");
    expect(r[col("actor_ids")].split("; ").concat(r[col("official_ids")].split("; "))).toContain("china");
    expect(r[col("date")]).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    expect(r[col("sentence")].length).toBeGreaterThan(0);
    expect(r[col("article")].length).toBeGreaterThan(0);
    expect(Number(r[col("source_count")])).toBeGreaterThan(0);
    expect(r[col("source_articles")].split("; ")).toContain(r[col("article")]);
  }
  // The first rows are the entries the page shows first.
  const shown = await page.getByTestId("timeline-event").evaluateAll((els) => els.map((el) => el.getAttribute("data-entry-id")));
  expect(rows.slice(0, shown.length).map((r) => r[0])).toEqual(shown);
});

test("more than one page of events: the export is not cut to the page", async ({ page }) => {
  await page.goto("/timeline");
  const total = count(await page.getByTestId("timeline-summary").textContent());
  expect(total).toBeGreaterThan(50);
  const { text } = await download(page, "Download JSON");
  const entries = JSON.parse(text) as { entry_id: string; date: string }[];
  expect(entries).toHaveLength(total);
  expect(new Set(entries.map((e) => e.entry_id)).size).toBe(total);
});

test("a chemical page exports every entry naming it, as JSON", async ({ page }) => {
  await page.goto("/timeline?chemical=npp");
  const total = count(await page.getByTestId("timeline-summary").textContent());
  expect(total).toBeGreaterThan(0);
  await page.goto("/chemicals/npp");
  const { text } = await download(page, "Download JSON");
  const events = JSON.parse(text) as { chemical_ids: string[] }[];
  expect(events).toHaveLength(total);
  for (const e of events) expect(e.chemical_ids).toContain("npp");
});

test("the articles list exports what the search shows, best match first", async ({ page }) => {
  await page.goto("/articles?q=piperid*");
  const total = count(await page.getByTestId("articles-summary").textContent());
  expect(total).toBeGreaterThan(0);
  const { text } = await download(page, "Download CSV");
  const [header, ...rows] = parseCsv(text);
  expect(header[0]).toBe("slug");
  expect(rows).toHaveLength(total);
  const cards = page.getByRole("list", { name: "Articles" }).getByRole("listitem");
  const shown = await cards.evaluateAll((items) => items.map((item) => item.querySelector("a")?.getAttribute("href")));
  expect(rows.map((r) => `/articles/${encodeURIComponent(r[0])}`)).toEqual(shown);
});
