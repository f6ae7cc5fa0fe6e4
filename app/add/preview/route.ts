import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { articlesDir } from "@/lib/content/loader";
import { composeDraft } from "@/lib/intake/compose";
import { readCorpusIndex } from "@/lib/intake/corpus";
import { previewView } from "@/lib/queries/preview";
import { getCorpus } from "../../corpus";
import { guardedBody, refuse } from "../request";

/**
 * POST /add/preview (multipart form: text, file, title, date, source): the story as it
 * would be saved and what is read in it. Writes nothing.
 */
export async function POST(request: NextRequest) {
  const guarded = await guardedBody(request);
  if ("response" in guarded) return guarded.response;
  let form: FormData;
  try {
    form = await new Response(guarded.bytes as BodyInit, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return refuse(400, "the request is not a form");
  }
  const field = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : undefined);
  const file = form.get("file");
  const composed = await composeDraft({
    text: field("text"),
    file: file instanceof Blob && file.size > 0 ? { name: (file as File).name || "dropped page", bytes: new Uint8Array(await file.arrayBuffer()) } : undefined,
    title: field("title"),
    date: field("date"),
    source: field("source"),
    url: field("url"),
  });
  if (!composed.ok) return refuse(422, composed.message);
  const corpus = await getCorpus();
  const index = readCorpusIndex(articlesDir());
  const preview = previewView(composed.draft, corpus.registries, { today: new Date().toISOString().slice(0, 10), taken: index.names });
  return NextResponse.json({ ok: true, preview }, { headers: { "cache-control": "no-store" } });
}
