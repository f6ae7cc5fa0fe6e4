/** Small helpers that turn validation results into ContentIssues with plain messages. */
import type { z } from "zod";
import type { ContentIssue } from "../schema";

export function issue(
  file: string,
  line: number,
  field: string,
  message: string,
  severity: ContentIssue["severity"] = "error",
): ContentIssue {
  return { file, line, field, message, severity };
}

/** Edit distance, for "did you mean" hints on misspelt keys. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= (key.length >= 4 ? 2 : 1) ? best : undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return `"${value.length > 40 ? value.slice(0, 40) + "..." : value}"`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return String(value);
}

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * Converts zod issues into ContentIssues: one per field, plain words, with the line
 * where the field (or its closest parent) is written.
 */
export function zodIssuesToContentIssues(
  file: string,
  error: z.ZodError,
  data: unknown,
  lineOf: (path: readonly PropertyKey[]) => number,
  lineOffset: number,
  knownKeysAt: (path: readonly PropertyKey[]) => readonly string[],
): ContentIssue[] {
  const out: ContentIssue[] = [];
  for (const zi of error.issues) {
    const path = zi.path as PropertyKey[];
    if (zi.code === "unrecognized_keys") {
      for (const key of zi.keys) {
        const full = [...path, key];
        const suggestion = closestKey(key, knownKeysAt(path));
        const hint = suggestion ? `; did you mean "${suggestion}"?` : "";
        out.push(issue(file, lineOf(full) + lineOffset, full.join("."), `unknown field "${key}"${hint}`));
      }
      continue;
    }
    const value = valueAt(data, path);
    const field = path.length ? path.map(String).join(".") : "(file)";
    const message =
      value === undefined && (zi.code === "invalid_type" || zi.code === "invalid_union")
        ? "required"
        : `${zi.message} (found ${describe(value)})`;
    out.push(issue(file, lineOf(path) + lineOffset, field, message));
  }
  return out;
}
