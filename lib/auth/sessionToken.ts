import { decode } from "next-auth/jwt";

/** Sessions end after 30 minutes without activity (the JWT's own expiry, renewed on use)… */
export const SESSION_IDLE_SECONDS = 30 * 60;
/** …and 12 hours after sign-in at most, however active (checked against loginAt on every read). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

export const SESSION_COOKIE = "next-auth.session-token";
export const SECURE_SESSION_COOKIE = "__Secure-next-auth.session-token";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  /** Epoch ms when the 12-hour cap ends this session, however active it is. */
  endsAt: number;
}

export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (name === "") continue;
    const raw = part.slice(eq + 1).trim();
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      cookies[name] = raw;
    }
  }
  return cookies;
}

/** next-auth splits large tokens into name.0, name.1…; join them back. */
function sessionCookieValue(cookies: Record<string, string>): string | null {
  for (const name of [SECURE_SESSION_COOKIE, SESSION_COOKIE]) {
    if (cookies[name]) return cookies[name];
    const chunks: string[] = [];
    for (let i = 0; cookies[`${name}.${i}`] !== undefined; i++) chunks.push(cookies[`${name}.${i}`] as string);
    if (chunks.length > 0) return chunks.join("");
  }
  return null;
}

export function isTokenLive(token: { sub?: unknown; loginAt?: unknown } | null, now = Date.now()): boolean {
  if (!token || typeof token.sub !== "string") return false;
  return typeof token.loginAt === "number" && now - token.loginAt <= SESSION_ABSOLUTE_MS && token.loginAt <= now + 60_000;
}

/** Reads the signed-in user from a raw Cookie header (the WebSocket upgrade has no parsed cookies). */
export async function readSessionUser(cookieHeader: string | undefined, secret: string): Promise<SessionUser | null> {
  const token = sessionCookieValue(parseCookieHeader(cookieHeader));
  if (!token) return null;
  try {
    const payload = await decode({ token, secret });
    if (!payload || !isTokenLive(payload)) return null;
    return { id: payload.sub as string, name: String(payload.name ?? ""), email: String(payload.email ?? ""), endsAt: (payload.loginAt as number) + SESSION_ABSOLUTE_MS };
  } catch {
    return null;
  }
}
