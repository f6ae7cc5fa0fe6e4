import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { addDisabledReason, crossOriginReason, MAX_ADD_BYTES, readLimited } from "@/lib/intake/guard";

/** Whether /add is on for this request, from how the server listens and how it was reached. */
export function addDisabled(host: string | null): string | undefined {
  return addDisabledReason({ host: process.env.HOST, allowAdd: process.env.ALLOW_ADD }, host);
}

export function refuse(status: number, message: string) {
  return NextResponse.json({ ok: false, message }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * The checks every /add POST passes before its body is read: on, same origin, at most
 * 2 MB. Returns the body's bytes, or the response that refuses it.
 */
export async function guardedBody(request: NextRequest): Promise<{ bytes: Uint8Array } | { response: NextResponse }> {
  const host = request.headers.get("host");
  const disabled = addDisabled(host);
  if (disabled) return { response: refuse(403, disabled) };
  const cross = crossOriginReason({ origin: request.headers.get("origin"), host, secFetchSite: request.headers.get("sec-fetch-site") });
  if (cross) return { response: refuse(403, cross) };
  const tooLarge = `refused: the request is larger than ${MAX_ADD_BYTES / 1024 / 1024} MB`;
  if (Number(request.headers.get("content-length") ?? "0") > MAX_ADD_BYTES) return { response: refuse(413, tooLarge) };
  const bytes = await readLimited(request.body, MAX_ADD_BYTES);
  if (!bytes) return { response: refuse(413, tooLarge) };
  return { bytes };
}
