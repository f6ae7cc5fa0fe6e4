/**
 * Matched words in a snippet, as plain text parts. The database marks matches with two
 * control characters that news text does not hold (a stray one in a file would only move a
 * highlight); the text is never parsed as HTML: components render each part as text, a
 * match inside <mark>, so nothing in an article can inject markup.
 */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

export interface TextPart {
  text: string;
  match: boolean;
}

export function splitMarked(marked: string): TextPart[] {
  const parts: TextPart[] = [];
  let match = false;
  let text = "";
  for (const ch of marked) {
    if (ch === MARK_START || ch === MARK_END) {
      if (text) parts.push({ text, match });
      text = "";
      match = ch === MARK_START;
    } else text += ch;
  }
  if (text) parts.push({ text, match });
  return parts;
}
