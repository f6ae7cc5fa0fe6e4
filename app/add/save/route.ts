import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { z } from "zod";
import { articlesDir, markChanged } from "@/lib/content/loader";
import { planArticle, readCorpusIndex, writePlanned } from "@/lib/intake/corpus";
import { completeDraft } from "@/lib/intake/text";
import { guardedBody, refuse } from "../request";

const SaveRequest = z.object({
  title: z.string().max(500),
  date: z.string().max(40),
  source: z.string().max(500),
  url: z.string().max(2000).optional(),
  body: z.string(),
});

/**
 * POST /add/save (JSON: title, date, source, url, body): writes the article file, never
 * over another, and answers with its slug. A duplicate (same URL or text) is 409 with
 * the file it duplicates; a story without a title, date, source or text is 422.
 */
export async function POST(request: NextRequest) {
  const guarded = await guardedBody(request);
  if ("response" in guarded) return guarded.response;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(guarded.bytes).toString("utf8"));
  } catch {
    return refuse(400, "the request is not JSON");
  }
  const parsed = SaveRequest.safeParse(json);
  if (!parsed.success) return refuse(400, `the request is missing ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  const { title, date, source, url, body } = parsed.data;
  const draft = completeDraft({ title: title.trim(), body, tags: [], problems: [], url: url?.trim() || undefined }, { date, source }, "the date");
  if (draft.url && !/^https?:\/\//i.test(draft.url)) draft.problems.push({ field: "url", message: "must be an http(s) URL" });
  const folder = articlesDir();
  const index = readCorpusIndex(folder);
  // /add writes only what the dashboard can show: every problem is fixed first.
  const plan = planArticle(draft, index, { strict: true });
  if (plan.kind === "duplicate") {
    const slug = plan.of.split("/").pop()!.replace(/\.md$/i, "");
    return NextResponse.json({ ok: false, message: `Not saved: this story is already in the corpus as ${plan.of} (same ${plan.by}).`, duplicateOf: slug }, { status: 409 });
  }
  if (plan.kind === "invalid") return refuse(422, `Not saved: ${plan.problems.join("; ")}.`);
  let file: string;
  try {
    file = writePlanned(folder, plan, draft, index);
  } catch (error) {
    return refuse(500, `Not saved: the file could not be written (${(error as Error).message}).`);
  }
  markChanged(folder);
  return NextResponse.json({ ok: true, file, slug: file.replace(/\.md$/i, "") }, { status: 201 });
}
