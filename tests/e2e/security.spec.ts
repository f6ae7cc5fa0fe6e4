import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

/** Collects every sign that a payload ran: dialogs, page errors, console errors, globals. */
function watch(page: Page) {
  const signs: string[] = [];
  page.on("dialog", (dialog) => {
    signs.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => signs.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") signs.push(`console error: ${message.text()}`);
  });
  return signs;
}

for (const slug of ["xss-html", "xss-markdown"]) {
  test(`article ${slug} renders its payloads as inert text`, async ({ page }) => {
    const signs = watch(page);
    const response = await page.goto(`/articles/${slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("article-body")).toBeVisible();

    // Hover and click everything in the article body that could carry a handler.
    const body = page.getByTestId("article-body");
    for (const text of ["hover me", "toggle"]) {
      const target = body.getByText(text, { exact: false }).first();
      if (await target.count()) await target.hover();
    }
    for (const link of await body.getByRole("link").all()) {
      const href = (await link.getAttribute("href")) ?? "";
      expect(href, "no script or data URL survives").not.toMatch(/^\s*(javascript|vbscript|data):/i);
    }

    const injected = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
      scriptsWithoutNonce: [...document.querySelectorAll("script")].filter((s) => !s.nonce && !s.src.includes("/_next/")).length,
      iframes: document.querySelectorAll("iframe").length,
      handlers: [...document.querySelectorAll("[data-testid=article-body] *")].filter((el) =>
        [...el.attributes].some((a) => a.name.startsWith("on")),
      ).length,
      svgs: document.querySelectorAll("[data-testid=article-body] svg").length,
      externalImages: [...document.images].filter((img) => img.src && !img.src.startsWith(location.origin)).length,
      bodyVisible: getComputedStyle(document.body).display !== "none",
    }));
    expect(injected).toEqual({ pwned: null, scriptsWithoutNonce: 0, iframes: 0, handlers: 0, svgs: 0, externalImages: 0, bodyVisible: true });
    expect(signs).toEqual([]);
  });
}

test("the hostile title and source show as text", async ({ page }) => {
  await page.goto("/articles/xss-html");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>");
});

test("route parameters never read outside the content root", async ({ request }) => {
  const attempts = [
    "/articles/..%2F..%2Fpackage.json",
    "/articles/%2e%2e%2f%2e%2e%2fpackage.json",
    "/articles/..%252F..%252Fpackage.json",
    "/articles/%2Fetc%2Fpasswd",
    "/articles/..%5C..%5Cpackage.json",
    "/chemicals/..%2F..%2Fcontent%2Fregistry%2Fchemicals.yaml",
    "/actors/..%2F..%2F..%2Fetc%2Fpasswd",
    "/articles/....%2F%2F....%2F%2Fetc%2Fpasswd",
  ];
  for (const url of attempts) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
    const text = await response.text();
    expect(text, url).not.toContain("root:x:0:0");
    expect(text, url).not.toContain('"name": "precursor-watch"');
  }
});

test("responses carry the security headers", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("adding, editing, renaming and deleting an article shows on the next load", async ({ page }) => {
  const dir = process.env.E2E_CONTENT_DIR;
  expect(dir, "run the browser tests with npm run test:e2e, which prepares a temporary content folder").toBeTruthy();
  const file = path.join(dir!, "live-edit.md");
  const renamed = path.join(dir!, "live-edit-renamed.md");
  const write = (title: string) =>
    writeFileSync(file, `---\ntitle: "${title}"\ndate: 2024-06-01\nsource: Live Test\n---\n\nChina said on June 1 that it would control 4-AP.\n`);
  try {
    write("Live article, first version");
    await page.goto("/articles");
    await expect(page.getByRole("link", { name: "Live article, first version" })).toBeVisible();

    // Same length on purpose: the change must be seen through the mtime.
    await new Promise((r) => setTimeout(r, 20));
    write("Live article, second version");
    await page.reload();
    await expect(page.getByRole("link", { name: "Live article, second version" })).toBeVisible();

    renameSync(file, renamed);
    await page.goto("/articles/live-edit-renamed");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Live article, second version");
    expect((await page.goto("/articles/live-edit"))?.status()).toBe(404);

    rmSync(renamed);
    expect((await page.goto("/articles/live-edit-renamed"))?.status()).toBe(404);
  } finally {
    for (const f of [file, renamed]) if (existsSync(f)) rmSync(f);
  }
});

test("the content-issues page lists every broken fixture file", async ({ page }) => {
  const broken = path.join(__dirname, "..", "fixtures", "broken");
  const files = readdirSync(broken, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
  await page.goto("/issues");
  await expect(page.getByRole("heading", { level: 1, name: "Content issues" })).toBeVisible();
  const rows = page.getByTestId("content-issue");
  // Every broken file is listed except the first of the two duplicates, which is valid.
  for (const file of files.filter((f) => f !== "duplicate.md")) {
    await expect(rows.filter({ hasText: `zz-broken/${file}` }), file).not.toHaveCount(0);
  }
  // Grouped by kind: the impossible date has its own section, headed by the catalogue's title.
  const impossible = page.getByRole("region", { name: /Impossible date/ });
  await expect(impossible.getByTestId("content-issue").filter({ hasText: "zz-broken/impossible-date.md" })).toHaveCount(1);
  // The valid articles still load next to them.
  await page.goto("/articles");
  await expect(page.getByRole("link", { name: "First of two files with one name" })).toBeVisible();
});
