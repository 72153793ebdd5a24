import type { IncomingMessage } from "node:http";

/**
 * The caller's address. Behind a reverse proxy (TRUST_PROXY) it is the
 * left-most `X-Forwarded-For` entry; otherwise the socket's peer, because a
 * client can write any header it likes.
 */
export function clientIp(req: IncomingMessage | undefined, trustProxy: boolean): string | null {
  if (!req) return null;
  if (trustProxy) {
    const header = req.headers["x-forwarded-for"];
    const first = (Array.isArray(header) ? header[0] : header)?.split(",")[0]?.trim();
    if (first && first.length <= 64) return first;
  }
  return req.socket?.remoteAddress ?? null;
}
