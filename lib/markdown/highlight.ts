/**
 * A rehype plugin that marks extracted records and sentences inside rendered Markdown.
 * Records carry offsets into the Markdown source; hast text nodes keep their source
 * positions, so each text node is split at the record and sentence boundaries it spans.
 * Text whose source differs from its rendered value (entities, escapes) is left as is
 * rather than marked at the wrong place.
 */
import type { Element, ElementContent, Root, Text } from "hast";
import type { Mark, SentenceRange, TextRange } from "../schema";

export interface HighlightOptions {
  source: string;
  marks: readonly Mark[];
  sentences: readonly SentenceRange[];
  /** Sentence to emphasise (a timeline link lands on it). */
  focus?: number;
  /** Sentences that carry a flag (lib/flags): marked so a reader sees them in the text. */
  flagged?: readonly number[];
}

function findIndex<T extends TextRange>(ranges: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return r;
  }
  return undefined;
}

function splitText(node: Text, base: number, options: HighlightOptions, anchored: Set<number>): ElementContent[] {
  const value = node.value;
  const cuts = new Set<number>([0, value.length]);
  const add = (offset: number) => {
    const local = offset - base;
    if (local > 0 && local < value.length) cuts.add(local);
  };
  for (const range of [...options.marks, ...options.sentences]) {
    if (range.end > base && range.start < base + value.length) {
      add(range.start);
      add(range.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);

  const out: ElementContent[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i];
    const text: Text = { type: "text", value: value.slice(from, points[i + 1]) };
    const absolute = base + from;
    let content: ElementContent = text;
    const mark = findIndex(options.marks, absolute);
    if (mark) {
      content = {
        type: "element",
        tagName: "mark",
        properties: { className: ["record", `record-${mark.kind}`], title: mark.label, dataKind: mark.kind },
        children: [text],
      };
    }
    const sentence = findIndex(options.sentences, absolute);
    if (sentence) {
      const properties: Element["properties"] = { className: ["sentence"], dataSentence: String(sentence.index) };
      if (sentence.index === options.focus) (properties.className as string[]).push("sentence-focus");
      if (options.flagged?.includes(sentence.index)) {
        (properties.className as string[]).push("sentence-flagged");
        properties.dataFlagged = "";
      }
      if (!anchored.has(sentence.index)) {
        anchored.add(sentence.index);
        properties.id = `s-${sentence.index}`;
      }
      content = { type: "element", tagName: "span", properties, children: [content] };
    }
    out.push(content);
  }
  return out;
}

function walk(parent: Root | Element, options: HighlightOptions, anchored: Set<number>): void {
  const next: (Root | Element)["children"] = [];
  for (const child of parent.children) {
    if (child.type === "text" && child.position?.start.offset !== undefined && child.position.end.offset !== undefined) {
      const start = child.position.start.offset;
      const end = child.position.end.offset;
      if (options.source.slice(start, end) === child.value) {
        next.push(...splitText(child, start, options, anchored));
        continue;
      }
    }
    if (child.type === "element") walk(child, options, anchored);
    next.push(child as ElementContent);
  }
  parent.children = next as typeof parent.children;
}

/** rehype plugin factory: `rehypePlugins={[[rehypeHighlightRecords, options]]}`. */
export function rehypeHighlightRecords(options: HighlightOptions) {
  const marks = [...options.marks].sort((a, b) => a.start - b.start);
  const sentences = [...options.sentences].sort((a, b) => a.start - b.start);
  return (tree: Root) => walk(tree, { ...options, marks, sentences }, new Set());
}
