import { readFileSync } from "node:fs";
import { expect, test, type Download, type Locator, type Page } from "@playwright/test";

/**
 * Chart export: each button goes through the one pipeline. The PNG must decode, hold
 * more than a background, and be twice the chart's size; the SVG must parse and carry the
 * title, legend and source line; the CSV must carry the chart's rows.
 */

async function download(page: Page, figure: Locator, name: "Download PNG" | "Download SVG" | "Download CSV"): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", { name, exact: true }).click()]);
  const saved = await file.path();
  return { file, bytes: readFileSync(saved) };
}

/** Width, height and how much of it is not background, decoded by the browser itself. */
async function inspectPng(page: Page, bytes: Buffer) {
  return page.evaluate(async (b64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) {
      if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++;
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return { width: image.naturalWidth, height: image.naturalHeight, inkShare: ink / (data.length / (4 * 7)), colours: colours.size };
  }, bytes.toString("base64"));
}

/** The SVG text parsed by the browser: root size, every text, and what is styled inline. */
async function inspectSvg(page: Page, text: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "image/svg+xml");
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName("parsererror").length > 0,
      root: root.nodeName,
      width: Number(root.getAttribute("width")),
      height: Number(root.getAttribute("height")),
      texts: [...doc.querySelectorAll("text")].map((t) => t.textContent ?? ""),
      styled: doc.querySelectorAll("[style*='fill']").length,
      foreignObjects: doc.getElementsByTagName("foreignObject").length,
      externalRefs: [...doc.querySelectorAll("[href], [*|href]")].filter((n) => /^https?:/.test(n.getAttribute("href") ?? n.getAttribute("xlink:href") ?? "")).length,
    };
  }, text);
}

async function legendLabels(figure: Locator): Promise<string[]> {
  return (await figure.getByRole("list", { name: "Legend" }).getByRole("listitem").allTextContents()).map((t) => t.trim());
}

test("every chart on the charts page has the three download buttons", async ({ page }) => {
  await page.goto("/charts");
  await expect(page.getByRole("figure").first()).toBeVisible();
  const figures = page.getByRole("figure");
  expect(await figures.count()).toBeGreaterThanOrEqual(4);
  for (const figure of await figures.all()) {
    for (const name of ["Download PNG", "Download SVG", "Download CSV"]) await expect(figure.getByRole("button", { name, exact: true })).toBeVisible();
  }
});

for (const chartId of ["news-volume", "controls-over-time"]) {
  test(`the ${chartId} chart exports a captioned SVG, a 2x PNG and its CSV`, async ({ page }) => {
    await page.goto("/charts");
    await expect(page.getByRole("figure").first()).toBeVisible();
    const figure = page.getByTestId(`chart-${chartId}`);
    const surface = figure.getByRole("application");
    await expect(surface).toBeVisible();
    const title = (await figure.getByRole("heading").textContent())!.trim();
    const legend = await legendLabels(figure);
    expect(legend.length).toBeGreaterThan(0);
    const box = (await surface.boundingBox())!;

    const svg = await download(page, figure, "Download SVG");
    expect(svg.file.suggestedFilename()).toBe(`precursor-watch_${chartId}.svg`);
    const parsed = await inspectSvg(page, svg.bytes.toString("utf8"));
    expect(parsed.error).toBe(false);
    expect(parsed.root).toBe("svg");
    expect(parsed.foreignObjects).toBe(0);
    expect(parsed.externalRefs).toBe(0);
    expect(parsed.styled).toBeGreaterThan(0);
    const all = parsed.texts.join("\n");
    expect(all).toContain(title);
    for (const label of legend) expect(all).toContain(label);
    expect(all).toContain("No filters");
    expect(all).toMatch(/Source: .*article.*Precursor Watch/);
    expect(parsed.width).toBe(Math.round(box.width));
    expect(parsed.height).toBeGreaterThan(Math.round(box.height));

    const png = await download(page, figure, "Download PNG");
    expect(png.file.suggestedFilename()).toBe(`precursor-watch_${chartId}.png`);
    expect(png.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    const image = await inspectPng(page, png.bytes);
    expect(image.width).toBe(parsed.width * 2);
    expect(image.height).toBe(parsed.height * 2);
    expect(image.width).toBe(Math.round(box.width) * 2);
    expect(image.inkShare, "the PNG is not blank").toBeGreaterThan(0.02);
    expect(image.colours).toBeGreaterThan(3);

    const csv = await download(page, figure, "Download CSV");
    expect(csv.file.suggestedFilename()).toBe(`precursor-watch_${chartId}.csv`);
    const lines = csv.bytes.toString("utf8").trim().split(/\r\n/);
    await figure.getByText("Show the data as a table").click();
    const table = figure.getByRole("table");
    const header = (await table.getByRole("columnheader").allTextContents()).map((h) => h.trim());
    expect(lines[0]).toBe(header.map((h) => (/[",]/.test(h) ? `"${h}"` : h)).join(","));
    expect(lines.length - 1).toBe(await table.locator("tbody tr").count());
    expect(lines.length).toBeGreaterThan(1);
  });
}

test("exports name and caption the active filters", async ({ page }) => {
  await page.goto("/charts");
  await expect(page.getByRole("figure").first()).toBeVisible();
  const box = page.getByRole("group", { name: "Chemicals" }).getByRole("checkbox").first();
  const id = (await box.getAttribute("value"))!;
  await box.check();
  await expect(page).toHaveURL(new RegExp(`chemical=${id}`));
  const figure = page.getByTestId("chart-news-volume");
  await expect(figure).toContainText("Filters: Chemical:");
  await expect(figure.getByRole("application")).toBeVisible();
  const svg = await download(page, figure, "Download SVG");
  expect(svg.file.suggestedFilename()).toBe(`precursor-watch_news-volume_chemical-${id}.svg`);
  const parsed = await inspectSvg(page, svg.bytes.toString("utf8"));
  expect(parsed.texts.join("\n")).toContain("Filters: Chemical:");
  const csv = await download(page, figure, "Download CSV");
  expect(csv.file.suggestedFilename()).toBe(`precursor-watch_news-volume_chemical-${id}.csv`);
});

test("charts on the overview and entity pages export too", async ({ page }) => {
  await page.goto("/");
  const overview = page.getByTestId("chart-news-volume");
  await expect(overview.getByRole("application")).toBeVisible();
  const png = await download(page, overview, "Download PNG");
  const image = await inspectPng(page, png.bytes);
  expect(image.inkShare).toBeGreaterThan(0.02);

  await page.goto("/chemicals");
  await page.getByTestId("chemicals-table").getByRole("link").first().click();
  const mentions = page.getByTestId("chart-chemical-mentions");
  await expect(mentions.getByRole("application")).toBeVisible();
  const svg = await download(page, mentions, "Download SVG");
  expect(svg.file.suggestedFilename()).toMatch(/^precursor-watch_chemical-mentions_chemical-[a-z0-9-]+\.svg$/);
  expect((await inspectSvg(page, svg.bytes.toString("utf8"))).error).toBe(false);
});
