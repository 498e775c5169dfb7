import { env } from "../lib/env";

/**
 * Browsers always send Origin on a WebSocket upgrade, so a foreign one is a cross-site attempt to ride the
 * session cookie. An absent Origin comes from non-browser clients (scripts, bots), which have no ambient
 * cookie to abuse; they are allowed and still need a valid session.
 */
export function originAllowed(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host !== undefined && parsed.host === host) return true;
  const e = env();
  const allowed = [e.NEXTAUTH_URL, ...(e.COFLEX_ALLOWED_ORIGINS?.split(",") ?? [])]
    .filter((value): value is string => Boolean(value))
    .map((value) => {
      try {
        return new URL(value.trim()).origin;
      } catch {
        return null;
      }
    });
  return allowed.includes(parsed.origin);
}
