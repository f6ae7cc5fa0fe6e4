import { describe, expect, it } from "vitest";
import { CONTENT_PROBLEMS, problem } from "../../../lib/content/issues";
import { ContentIssue, ContentIssueKind } from "../../../lib/schema";

describe("the catalogue of content problems", () => {
  it("has a title and a severity for every kind", () => {
    for (const kind of ContentIssueKind.options) {
      expect(CONTENT_PROBLEMS[kind].title, kind).not.toBe("");
      expect(["error", "warning"]).toContain(CONTENT_PROBLEMS[kind].severity);
    }
  });

  it("makes a valid ContentIssue from a kind, a place and the facts", () => {
    const made = problem("duplicate-slug", { file: "b/x.md", line: 1, field: "(file)" }, "x", "a/x.md");
    expect(ContentIssue.parse(made)).toEqual(made);
    expect(made).toMatchObject({ kind: "duplicate-slug", severity: "error" });
    expect(made.message).toContain('"x"');
    expect(made.message).toContain("a/x.md");
  });

  it("gives warnings where the dashboard keeps working unharmed", () => {
    expect(problem("broken-link", { file: "a.md", line: 1, field: "(file)" }).severity).toBe("warning");
    expect(problem("missing-registry", { file: "registry/actors.yaml", line: 1, field: "(file)" }, "registry/actors.yaml").message).toContain("by pattern only");
  });
});
