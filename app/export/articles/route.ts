import type { NextRequest } from "next/server";
import { exportFormat, exportResponse } from "@/lib/export";
import { articleExport } from "@/lib/queries";
import { getCorpus } from "../../corpus";

/** The articles list (every article, or a search's matches), as CSV or JSON. */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const plan = articleExport(await getCorpus(), params.get("q")?.slice(0, 200) ?? undefined);
  return exportResponse(plan.kind, plan.rows, exportFormat(params.get("format")), plan.fileBase);
}
