import type { Element, ElementContent, Root, Text } from "hast";
import { describe, expect, it } from "vitest";
import { rehypeHighlightRecords, type HighlightOptions } from "../../../lib/markdown/highlight";

/** A text node as the Markdown parser leaves it: its value and where it stands in the source. */
function text(value: string, start: number, end = start + value.length): Text {
  return { type: "text", value, position: { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } } };
}

function paragraph(...children: ElementContent[]): Root {
  return { type: "root", children: [{ type: "element", tagName: "p", properties: {}, children }] };
}

function highlight(tree: Root, options: HighlightOptions): Element {
  rehypeHighlightRecords(options)(tree);
  return tree.children[0] as Element;
}

/** The tree as a compact string: <tag.class#id>children</tag>. */
function show(node: ElementContent | Root): string {
  if (node.type === "text") return node.value;
  if (node.type !== "element" && node.type !== "root") return "";
  const inner = node.children.map((c) => show(c as ElementContent)).join("");
  if (node.type === "root") return inner;
  const classes = ((node.properties.className as string[] | undefined) ?? []).map((c) => `.${c}`).join("");
  const id = node.properties.id ? `#${node.properties.id}` : "";
  return `<${node.tagName}${classes}${id}>${inner}</${node.tagName}>`;
}

describe("rehypeHighlightRecords", () => {
  const source = "China controls 4-AP. It said so.";

  it("marks a record inside its sentence and anchors the sentence", () => {
    const p = highlight(paragraph(text(source, 0)), {
      source,
      marks: [{ start: 15, end: 19, kind: "chemical", label: "4-AP (chemical)" }],
      sentences: [
        { index: 0, start: 0, end: 20 },
        { index: 1, start: 21, end: 32 },
      ],
      focus: 1,
    });
    expect(show(p)).toBe(
      '<p><span.sentence#s-0>China controls </span><span.sentence><mark.record.record-chemical>4-AP</mark></span><span.sentence>.</span> <span.sentence.sentence-focus#s-1>It said so.</span></p>',
    );
    const mark = ((p.children[1] as Element).children[0] as Element).properties;
    expect(mark.title).toBe("4-AP (chemical)");
    expect(mark.dataKind).toBe("chemical");
  });

  it("gives a sentence split by inline markup one anchor only", () => {
    // Source: "China **controls** 4-AP." -> text, <strong>text</strong>, text
    const md = "China **controls** 4-AP.";
    const tree = paragraph(text("China ", 0), { type: "element", tagName: "strong", properties: {}, children: [text("controls", 8)] }, text(" 4-AP.", 18));
    const p = highlight(tree, { source: md, marks: [], sentences: [{ index: 0, start: 0, end: md.length }] });
    const ids = JSON.stringify(p).match(/"id":"s-0"/g) ?? [];
    expect(ids).toHaveLength(1);
    expect(show(p)).toBe("<p><span.sentence#s-0>China </span><strong><span.sentence>controls</span></strong><span.sentence> 4-AP.</span></p>");
  });

  it("leaves text alone when its source differs from what is shown (entities, escapes)", () => {
    const md = "Smith &amp; Co said so.";
    const tree = paragraph(text("Smith & Co said so.", 0, md.length));
    const p = highlight(tree, { source: md, marks: [{ start: 0, end: 5, kind: "official", label: "Smith" }], sentences: [{ index: 0, start: 0, end: md.length }] });
    expect(show(p)).toBe("<p>Smith & Co said so.</p>");
  });

  it("marks the sentences that carry a flag", () => {
    const p = highlight(paragraph(text(source, 0)), {
      source,
      marks: [],
      sentences: [
        { index: 0, start: 0, end: 20 },
        { index: 1, start: 21, end: 32 },
      ],
      flagged: [1],
    });
    expect(show(p)).toBe("<p><span.sentence#s-0>China controls 4-AP.</span> <span.sentence.sentence-flagged#s-1>It said so.</span></p>");
  });

  it("accepts marks and sentences in any order", () => {
    const p = highlight(paragraph(text(source, 0)), {
      source,
      marks: [
        { start: 21, end: 23, kind: "actor", label: "It" },
        { start: 0, end: 5, kind: "actor", label: "China" },
      ],
      sentences: [],
    });
    expect(show(p)).toBe("<p><mark.record.record-actor>China</mark> controls 4-AP. <mark.record.record-actor>It</mark> said so.</p>");
  });
});
