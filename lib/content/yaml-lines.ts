/**
 * YAML parsing that remembers where things are, so every problem can name its line.
 * We use the `yaml` package's core schema: `date: 2025-02-31` stays the string the user
 * wrote instead of silently rolling over into March like a YAML 1.1 timestamp would.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";

export interface LocatedYaml {
  data: unknown;
  /** The first syntax error, with its 1-based line inside the YAML text. */
  error?: { line: number; message: string };
  /** 1-based line inside the YAML text of the node at a path; falls back to the closest parent. */
  lineOf(path: readonly PropertyKey[]): number;
}

export function parseYamlWithLines(source: string): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(source, { lineCounter, schema: "core", prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const error = first
    ? { line: blameLine(source, first.message, first.linePos?.[0]?.line ?? lineAt(first.pos[0])), message: plainYamlMessage(first.message) }
    : undefined;

  function lineOf(path: readonly PropertyKey[]): number {
    let node: unknown = doc.contents;
    let best = 1;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (keyNode.range) best = lineAt(keyNode.range[0]);
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(key)] as Node | undefined;
        if (!item) break;
        if (item.range) best = lineAt(item.range[0]);
        node = item;
      } else break;
    }
    return best;
  }

  return { data: error ? undefined : doc.toJS(), error, lineOf };
}

/** The yaml package's messages end with a code frame and position; keep the sentence. */
function plainYamlMessage(message: string): string {
  const firstLine = message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  return `invalid YAML: ${firstLine}`;
}

/**
 * The yaml package notices an unclosed quote only where the text ends; the user needs the
 * line where the quote was opened: the first line before that with an odd count of it.
 */
function blameLine(source: string, message: string, reported: number): number {
  const quote = /closing "quote/.test(message) ? '"' : /closing 'quote/.test(message) ? "'" : null;
  if (!quote) return reported;
  const lines = source.split("\n");
  for (let i = 0; i < Math.min(reported, lines.length); i++) {
    if ((lines[i].split(quote).length - 1) % 2 === 1) return i + 1;
  }
  return reported;
}
