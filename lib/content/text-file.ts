/**
 * Turning raw file bytes into text we can trust: size limit, binary detection, strict
 * UTF-8, and normalisation (BOM and CRLF are fine, and offsets must not depend on them).
 */
import type { ContentIssue } from "../schema";
import { problem } from "./issues";

export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

export type DecodeResult = { ok: true; text: string } | { ok: false; issue: ContentIssue };

/** 1-based line number of a byte offset. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that is not valid UTF-8, or -1 when all of it is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += extra + 1;
  }
  return -1;
}

/** Decodes article bytes, or says in plain words why they are not an article. */
export function decodeArticleBytes(file: string, bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return { ok: false, issue: problem("too-large", { file, line: 1, field: "(file)" }, (bytes.length / 1024 / 1024).toFixed(1)) };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, issue: problem("binary", { file, line: lineOfByte(bytes, nul), field: "(file)" }) };
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) return { ok: false, issue: problem("not-utf8", { file, line: lineOfByte(bytes, bad), field: "(file)" }, bytes[bad], bad) };
  let text = new TextDecoder("utf-8").decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, "\n");
  return { ok: true, text };
}
