/**
 * What /add was given (pasted text, a pasted URL, a dropped page) -> one Draft, with the
 * user's title, date and source taking precedence over what was read.
 */
import type { Draft } from "../schema";
import { fetchInput } from "./fetch";
import { decodeDocument, readPage } from "./html";
import { kindOf, readInput } from "./read";
import { completeDraft, readText } from "./text";

export interface AddInput {
  text?: string;
  file?: { name: string; bytes: Uint8Array };
  title?: string;
  date?: string;
  source?: string;
  url?: string;
}

export type Composed = { ok: true; draft: Draft } | { ok: false; message: string };

function single(reading: ReturnType<typeof readInput>, what: string): Composed {
  if (!reading.ok) return { ok: false, message: `${what} ${reading.message}` };
  if (reading.kind === "feed") return { ok: false, message: `${what} is a feed (${reading.drafts.length} items); import feeds with npm run import -- <feed> --match` };
  return { ok: true, draft: reading.drafts[0] };
}

/** Applies what the user typed in the form over what was read. */
export function withEdits(draft: Draft, input: Pick<AddInput, "title" | "date" | "source" | "url">): Draft {
  const title = input.title?.trim() || draft.title;
  const problems = draft.problems.filter((p) => !(p.field === "title" && input.title?.trim()) && !(p.field === "source" && input.source?.trim()) && !(p.field === "date" && input.date?.trim()));
  const edited: Draft = { ...draft, title, source: input.source?.trim() || draft.source, url: input.url?.trim() || draft.url, problems, date: input.date?.trim() ? undefined : draft.date };
  return completeDraft(edited, { date: input.date?.trim() || undefined }, "the date");
}

export async function composeDraft(input: AddInput, options: { timeoutMs?: number } = {}): Promise<Composed> {
  let composed: Composed;
  const text = input.text?.trim() ?? "";
  if (input.file && input.file.bytes.length) {
    composed = single(readInput(input.file.bytes, { name: input.file.name }), `${input.file.name}`);
  } else if (/^https?:\/\/\S+$/i.test(text)) {
    const fetched = await fetchInput(text, { timeoutMs: options.timeoutMs });
    composed = fetched.ok ? single(readInput(fetched.bytes, { name: fetched.url, contentType: fetched.contentType, address: fetched.url }), text) : { ok: false, message: `${text}: ${fetched.message}` };
  } else if (text) {
    const kind = kindOf("pasted", "", text);
    if (kind === "feed") composed = { ok: false, message: "the pasted text is a feed; import feeds with npm run import -- <feed> --match" };
    else if (kind === "page") {
      const decoded = decodeDocument(Buffer.from(text));
      composed = decoded.ok ? { ok: true, draft: readPage(decoded.text) } : { ok: false, message: `the pasted page ${decoded.message}` };
    } else composed = { ok: true, draft: readText(text) };
  } else {
    return { ok: false, message: "Paste the article's text or its address, or drop a saved page." };
  }
  if (!composed.ok) return composed;
  return { ok: true, draft: withEdits(composed.draft, input) };
}
