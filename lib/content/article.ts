/**
 * One article file -> an Article, or the list of everything wrong with it.
 * Pure: takes the file's bytes and its path, touches no disk.
 */
import matter from "gray-matter";
import { ArticleFrontmatter, type Article, type ContentIssue } from "../schema";
import { problem, zodIssuesToContentIssues } from "./issues";
import { decodeArticleBytes } from "./text-file";
import { parseYamlWithLines, type LocatedYaml } from "./yaml-lines";

export interface ParsedArticleFile {
  /** Present when the file is usable (it may still carry warnings). */
  article?: Article;
  issues: ContentIssue[];
}

const FRONTMATTER_KEYS = Object.keys(ArticleFrontmatter.shape);

export function slugFromPath(file: string): string {
  const base = file.split("/").pop() ?? file;
  return base.replace(/\.md$/i, "");
}

export function parseArticleFile(file: string, bytes: Uint8Array): ParsedArticleFile {
  const decoded = decodeArticleBytes(file, bytes);
  if (!decoded.ok) return { issues: [decoded.issue] };
  return parseArticleText(file, decoded.text);
}

export function parseArticleText(file: string, text: string): ParsedArticleFile {
  if (!/^---[ \t]*\n/.test(text)) {
    return {
      issues: [problem("no-frontmatter", { file, line: 1, field: "(frontmatter)" })],
    };
  }

  // gray-matter splits frontmatter from body; the YAML itself goes through our parser,
  // which keeps line numbers and leaves dates as the strings the user wrote.
  let located: LocatedYaml | undefined;
  let yamlStartsOnNextLine = true;
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, {
      engines: {
        yaml: (source: string) => {
          yamlStartsOnNextLine = source.startsWith("\n");
          located = parseYamlWithLines(source);
          return (located.error ? {} : located.data ?? {}) as object;
        },
      },
    });
  } catch (error) {
    return { issues: [problem("yaml-syntax", { file, line: 1, field: "(frontmatter)" }, `could not read frontmatter: ${(error as Error).message}`)] };
  }
  const yaml = located ?? parseYamlWithLines("");
  // Line 1 is the opening ---. gray-matter hands over the YAML with or without the
  // newline that ends that line; either way, map YAML lines to file lines.
  const FRONTMATTER_OFFSET = yamlStartsOnNextLine ? 0 : 1;
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    return { issues: [problem("unclosed-frontmatter", { file, line: 1, field: "(frontmatter)" })] };
  }
  if (yaml.error) {
    return { issues: [problem("yaml-syntax", { file, line: yaml.error.line + FRONTMATTER_OFFSET, field: "(frontmatter)" }, yaml.error.message)] };
  }

  const data = yaml.data ?? {};
  const issues: ContentIssue[] = [];
  if (typeof data !== "object" || Array.isArray(data)) {
    return { issues: [problem("not-a-mapping", { file, line: 2, field: "(frontmatter)" })] };
  }

  const result = ArticleFrontmatter.safeParse(data);
  let frontmatter = result.success ? result.data : undefined;
  if (!result.success) {
    const found = zodIssuesToContentIssues(file, result.error, data, yaml.lineOf, FRONTMATTER_OFFSET, () => FRONTMATTER_KEYS);
    // An unknown key alone does not make the article unusable: warn and read the rest.
    const onlyUnknownKeys = result.error.issues.every((i) => i.code === "unrecognized_keys");
    for (const f of found) {
      if (onlyUnknownKeys) f.severity = "warning";
      issues.push(f);
    }
    if (onlyUnknownKeys) {
      const known = Object.fromEntries(Object.entries(data).filter(([k]) => FRONTMATTER_KEYS.includes(k)));
      frontmatter = ArticleFrontmatter.parse(known);
    }
  }

  const body = parsed.content;
  const bodyLine = text.slice(0, text.length - body.length).split("\n").length;
  if (body.trim() === "") {
    issues.push(problem("empty-body", { file, line: bodyLine, field: "body" }));
    return { issues };
  }
  if (!frontmatter) return { issues };

  return {
    article: {
      slug: slugFromPath(file),
      file,
      title: frontmatter.title,
      date: frontmatter.date,
      source: frontmatter.source,
      url: frontmatter.url,
      tags: frontmatter.tags ?? [],
      body,
      bodyLine,
    },
    issues,
  };
}
