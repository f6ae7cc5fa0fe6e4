import type { NextRequest } from "next/server";
import { exportFormat, exportResponse } from "@/lib/export";
import { entityExport } from "@/lib/queries";
import { getCorpus } from "../../../corpus";

/** Every event that names the actor, as CSV or JSON. Ids are looked up, never used as paths. */
export async function GET(request: NextRequest, ctx: RouteContext<"/export/actors/[id]">) {
  const { id } = await ctx.params;
  const plan = entityExport(await getCorpus(), "actor", decodeURIComponent(id));
  if (!plan) return new Response("No such actor.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return exportResponse(plan.kind, plan.rows, exportFormat(request.nextUrl.searchParams.get("format")), plan.fileBase);
}
