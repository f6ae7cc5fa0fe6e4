/**
 * The catalogue of content problems: for each kind, its title (how /issues groups it), its
 * severity and the words of its message. Code names a kind and the facts; the words live
 * here alone, and tests assert on kinds.
 */
import type { z } from "zod";
import type { ContentIssue, ContentIssueKind, Severity } from "../schema";

type Entry = { title: string; severity: z.infer<typeof Severity>; message: (...facts: never[]) => string };

const REGISTRY_FILE_MISSING: Record<string, string> = {
  "registry/actors.yaml": "actors are found by pattern only",
  "registry/chemicals.yaml": "only unregistered drug names are found",
};

export const CONTENT_PROBLEMS = {
  unreadable: { title: "Cannot be read", severity: "error", message: (what: "file" | "folder" | "the articles folder", reason: string) => `cannot read ${what}: ${reason}` },
  "broken-link": { title: "Symbolic link to nothing", severity: "warning", message: () => "symbolic link points to nothing" },
  "outside-root": { title: "Link outside the content folder", severity: "error", message: () => "symbolic link points outside the content folder; it was not read" },
  "too-large": { title: "Too large", severity: "error", message: (megabytes: string) => `file is ${megabytes} MB; articles may be at most 2 MB` },
  binary: { title: "Not text", severity: "error", message: () => "file is binary, not text (it contains NUL bytes)" },
  "not-utf8": {
    title: "Not UTF-8",
    severity: "error",
    message: (byte: number, offset: number) =>
      `file is not UTF-8 text (byte 0x${byte.toString(16).padStart(2, "0")} at offset ${offset}); save it as UTF-8, it may be Latin-1 or Windows-1252`,
  },
  "no-frontmatter": {
    title: "No frontmatter",
    severity: "error",
    message: () => "no frontmatter: the file must start with a line of three dashes (---), then title, date and source",
  },
  "unclosed-frontmatter": { title: "Frontmatter never closed", severity: "error", message: () => "frontmatter is never closed: add a line of three dashes (---) after it" },
  "yaml-syntax": { title: "YAML that does not parse", severity: "error", message: (detail: string) => detail },
  "not-a-mapping": { title: "Frontmatter is not key: value lines", severity: "error", message: () => "frontmatter must be a list of key: value lines" },
  "missing-field": { title: "Missing field", severity: "error", message: () => "required" },
  "unknown-field": {
    title: "Unknown field",
    severity: "error",
    message: (key: string, suggestion?: string) => `unknown field "${key}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
  },
  "invalid-value": { title: "Invalid value", severity: "error", message: (rule: string, found: string) => `${rule} (found ${found})` },
  "impossible-date": { title: "Impossible date", severity: "error", message: (rule: string, found: string) => `${rule} (found ${found})` },
  "empty-body": { title: "Empty article", severity: "error", message: () => "is empty: write the article text below the closing ---" },
  "duplicate-slug": {
    title: "Two files with one name",
    severity: "error",
    message: (slug: string, earlier: string) => `duplicate slug "${slug}": ${earlier} has the same file name; rename one of them`,
  },
  "missing-registry": {
    title: "Registry file missing",
    severity: "warning",
    message: (file: string) => `registry file is missing; ${REGISTRY_FILE_MISSING[file] ?? "its entries are not used"}`,
  },
  "registry-invalid": {
    title: "Registry file does not fit its schema",
    severity: "warning",
    message: () => "does not fit the registry schema: the last valid version is still in use",
  },
  "duplicate-id": { title: "Duplicate id", severity: "error", message: (id: string, where: string) => `duplicate id "${id}" (also ${where})` },
  "duplicate-name": { title: "Name used twice", severity: "error", message: (what: "name or alias" | "alias", name: string, owner: string) => `${what} "${name}" is also used by "${owner}"` },
  "cas-check-digit": { title: "CAS number fails its check digit", severity: "error", message: (cas: string) => `CAS number ${cas} fails its check digit` },
  "dates-out-of-order": {
    title: "Dates out of order",
    severity: "error",
    message: (later: string, laterDate: string, earlier: string, earlierDate: string) => `${later} ${laterDate} is before ${earlier} ${earlierDate}`,
  },
  "unknown-reference": { title: "Unknown id", severity: "error", message: (what: string, id: string, hint?: string) => `unknown ${what} "${id}"${hint ? `: ${hint}` : ""}` },
} as const satisfies Record<ContentIssueKind, Entry>;

type Facts<K extends ContentIssueKind> = Parameters<(typeof CONTENT_PROBLEMS)[K]["message"]>;

/** A content problem of `kind` at file:line, field; its message is the catalogue's. */
export function problem<K extends ContentIssueKind>(kind: K, where: { file: string; line: number; field: string }, ...facts: Facts<K>): ContentIssue {
  const entry: Entry = CONTENT_PROBLEMS[kind];
  const message = (entry.message as (...args: Facts<K>) => string)(...facts);
  return { kind, file: where.file, line: where.line, field: where.field, message, severity: entry.severity };
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
        out.push(problem("unknown-field", { file, line: lineOf(full) + lineOffset, field: full.join(".") }, key, closestKey(key, knownKeysAt(path))));
      }
      continue;
    }
    const value = valueAt(data, path);
    const where = { file, line: lineOf(path) + lineOffset, field: path.length ? path.map(String).join(".") : "(file)" };
    if (value === undefined && (zi.code === "invalid_type" || zi.code === "invalid_union")) out.push(problem("missing-field", where));
    else if (zi.code === "custom" && zi.params?.kind === "impossible-date") out.push(problem("impossible-date", where, zi.message, describe(value)));
    else out.push(problem("invalid-value", where, zi.message, describe(value)));
  }
  return out;
}
