import { env } from "../env";

/**
 * The one list of origins allowed to act with a user's session cookie — used by the WebSocket upgrade
 * (server/collab) and by every state-changing HTTP request (lib/http/route.ts). Allowed: the origin whose
 * host is the request's own Host header, NEXTAUTH_URL, and COFLEX_ALLOWED_ORIGINS (comma-separated).
 * The port counts: another app on another port of the same machine is "same-site" to a browser, so
 * SameSite=Lax cookies ride along, and it must be refused here.
 */
export function allowedOrigins(): string[] {
  const e = env();
  return [e.NEXTAUTH_URL, ...(e.COFLEX_ALLOWED_ORIGINS?.split(",") ?? [])]
    .filter((value): value is string => Boolean(value && value.trim()))
    .map((value) => {
      try {
        return new URL(value.trim()).origin;
      } catch {
        return null;
      }
    })
    .filter((value): value is string => value !== null);
}

/**
 * Whether a request carrying this Origin may use the session. An absent Origin comes from a non-browser
 * client (a script, a bot), which has no ambient cookie to abuse; it is allowed here and still needs a
 * valid session. The literal "null" (sandboxed frames, file: pages, some redirects) is never allowed.
 */
export function originAllowed(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  if (host !== undefined && parsed.host === host.toLowerCase()) return true;
  return allowedOrigins().includes(parsed.origin);
}
