import type { NextRequest } from "next/server";
import { exportFormat, exportResponse } from "@/lib/export";
import { flagsExport } from "@/lib/queries";
import { getCorpus } from "../../corpus";

/** Every flag the flags page's filters match, as CSV or JSON (?format=json). */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const plan = flagsExport(await getCorpus(), params);
  return exportResponse(plan.kind, plan.rows, exportFormat(params.get("format")), plan.fileBase);
}
