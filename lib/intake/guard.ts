/**
 * Who may use /add: only the server's own pages (the Origin), only bodies up to 2 MB,
 * and only when the server listens on loopback (or ALLOW_ADD=1 says otherwise). Pure
 * functions of headers and settings, so the route handlers stay thin.
 */
export const MAX_ADD_BYTES = 2 * 1024 * 1024;

/** 127.0.0.0/8, ::1 and localhost (with or without brackets and port). */
export function isLoopbackHost(host: string | undefined | null): boolean {
  if (!host) return false;
  let name = host.trim().toLowerCase();
  if (name.startsWith("[")) name = name.slice(1, name.indexOf("]"));
  else if (/^[^:]+:\d+$/.test(name)) name = name.slice(0, name.lastIndexOf(":"));
  return name === "localhost" || name.endsWith(".localhost") || name === "::1" || /^127(\.\d{1,3}){3}$/.test(name) || name === "::ffff:127.0.0.1";
}

/**
 * Why adding is off, or undefined when it is on: the server listens on HOST (default
 * 127.0.0.1) and the request came to a loopback address, unless ALLOW_ADD=1.
 */
export function addDisabledReason(settings: { host?: string; allowAdd?: string }, requestHost?: string | null): string | undefined {
  if (settings.allowAdd === "1") return undefined;
  const listening = settings.host || "127.0.0.1";
  if (!isLoopbackHost(listening)) {
    return `Adding news is off: this server listens on ${listening}, not only on this computer, so anyone who can reach it could write files. Start it with HOST=127.0.0.1, or set ALLOW_ADD=1 if everyone who can reach it may add articles.`;
  }
  if (requestHost && !isLoopbackHost(requestHost)) {
    return `Adding news is off: this page was reached as ${requestHost}, not through 127.0.0.1 or localhost. Set ALLOW_ADD=1 if everyone who can reach the server may add articles.`;
  }
  return undefined;
}

/**
 * Whether a POST comes from the server's own pages: its Origin must name the host the
 * request was sent to, and a browser's Sec-Fetch-Site must not say cross-site. A request
 * with no Origin (not from a browser page) is refused too.
 */
export function crossOriginReason(headers: { origin?: string | null; host?: string | null; secFetchSite?: string | null }): string | undefined {
  if (headers.secFetchSite && !["same-origin", "none"].includes(headers.secFetchSite)) return `refused: a ${headers.secFetchSite} request cannot add articles`;
  if (!headers.origin || headers.origin === "null") return "refused: the request has no Origin; only this dashboard's own pages can add articles";
  let origin: URL;
  try {
    origin = new URL(headers.origin);
  } catch {
    return "refused: the Origin header is not a URL";
  }
  if (!headers.host || origin.host.toLowerCase() !== headers.host.toLowerCase()) return `refused: ${headers.origin} is not this dashboard; only its own pages can add articles`;
  return undefined;
}

/** Reads at most `limit` bytes of a body; undefined when it is larger. */
export async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
