import { describe, expect, it } from "vitest";
import { parseArticleText } from "../../../lib/content/article";
import { contentHash, renderArticle, urlKey } from "../../../lib/intake/render";
import { articleFileName, titleSlug } from "../../../lib/intake/slug";
import type { Draft } from "../../../lib/schema";

const draft = (over: Partial<Draft> = {}): Draft => ({
  title: 'China "adds" 4-AP: what it means',
  date: "2024-08-07",
  source: "Wirewatch",
  url: "https://example.com/a",
  tags: [],
  body: "China said on Wednesday it would control 4-AP.\n\n\n\nSecond paragraph.  ",
  problems: [],
  ...over,
});

describe("renderArticle", () => {
  it("writes frontmatter the checker accepts", () => {
    const text = renderArticle(draft({ tags: ["china"] }));
    expect(text).toBe(
      '---\ntitle: "China \\"adds\\" 4-AP: what it means"\ndate: 2024-08-07\nsource: "Wirewatch"\nurl: "https://example.com/a"\ntags: ["china"]\n---\n\nChina said on Wednesday it would control 4-AP.\n\nSecond paragraph.\n',
    );
    const parsed = parseArticleText("2024-08-07-x.md", text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.article).toMatchObject({ title: 'China "adds" 4-AP: what it means', date: "2024-08-07", source: "Wirewatch" });
  });

  it("states a missing date instead of inventing one, and the checker names it", () => {
    const text = renderArticle(draft({ date: undefined, problems: [{ field: "date", message: "the page gives no publication date" }] }));
    expect(text).toContain("# date: the page gives no publication date; write it as YYYY-MM-DD\n");
    expect(parseArticleText("undated-x.md", text).issues).toMatchObject([{ field: "date", message: "required" }]);
  });
});

describe("slugs and names", () => {
  it("slugifies titles to ASCII, cut at a word", () => {
    expect(titleSlug("México endurece el control de precursores químicos")).toBe("mexico-endurece-el-control-de-precursores-quimicos");
    expect(titleSlug("US & China's deal")).toBe("us-and-chinas-deal");
    expect(titleSlug("a ".repeat(100)).length).toBeLessThanOrEqual(60);
    expect(titleSlug("!!!")).toBe("article");
  });
  it("never takes a name in use", () => {
    const taken = new Set(["2024-08-07-deal", "2024-08-07-deal-2"]);
    expect(articleFileName("Deal", "2024-08-07", taken)).toBe("2024-08-07-deal-3.md");
    expect(articleFileName("Deal", undefined, taken)).toBe("undated-deal.md");
  });
});

describe("duplicate keys", () => {
  it("treats URLs that differ only in tracking, fragment, www or trailing slash as one", () => {
    expect(urlKey("https://www.Example.com/a/?utm_source=rss#top")).toBe(urlKey("http://example.com/a"));
    expect(urlKey("https://example.com/a?id=2")).not.toBe(urlKey("https://example.com/a?id=3"));
    expect(urlKey("javascript:alert(1)")).toBeUndefined();
  });
  it("hashes text the same however it is spaced or emphasised", () => {
    expect(contentHash("China **controls** 4-AP.\n\nNow.")).toBe(contentHash("china controls 4-AP. Now."));
    expect(contentHash("China controls 4-AP.")).not.toBe(contentHash("China controls NPP."));
  });
});
