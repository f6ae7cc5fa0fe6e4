/**
 * Fetching an http(s) input: a time-out, a size limit, and a plain sentence when it
 * fails (refused, timed out, not found, too large, not a page).
 */
export const DEFAULT_TIMEOUT_MS = 15_000;
export const MAX_FETCH_BYTES = 2 * 1024 * 1024;

export type Fetched =
  | { ok: true; bytes: Uint8Array; contentType: string; url: string }
  | { ok: false; message: string };

function reason(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError" || e.name === "AbortError") return `timed out after ${timeoutMs / 1000} s`;
  const code = e.cause?.code;
  if (e.message === "bad port" || e.cause?.message === "bad port") return "the port is one that fetch refuses to use (a port of another protocol)";
  if (code === "ECONNREFUSED") return "the server refused the connection";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "the host name could not be found (no network, or a typo?)";
  if (code === "ECONNRESET") return "the connection was reset";
  if (code?.startsWith("CERT") || code?.includes("TLS")) return `a TLS problem (${code})`;
  return e.cause?.message ?? e.message;
}

export async function fetchInput(address: string, options: { timeoutMs?: number; maxBytes?: number } = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_FETCH_BYTES;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, message: "is not a valid URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, message: "only http(s) URLs can be fetched" };
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal, redirect: "follow", headers: { accept: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5", "user-agent": "PrecursorWatch/0.1 (+local import)" } });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return { ok: false, message: `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}` };
    }
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => {});
      return { ok: false, message: `is ${(declared / 1024 / 1024).toFixed(1)} MB; at most ${maxBytes / 1024 / 1024} MB is read` };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => {});
          return { ok: false, message: `is larger than ${maxBytes / 1024 / 1024} MB; at most that much is read` };
        }
        chunks.push(value);
      }
    }
    return { ok: true, bytes: Buffer.concat(chunks), contentType: response.headers.get("content-type") ?? "", url: response.url || url.href };
  } catch (error) {
    return { ok: false, message: reason(error, timeoutMs) };
  }
}
