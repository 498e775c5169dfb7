import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { baseSecurityHeaders, contentSecurityPolicy, newNonce } from "@/lib/http/securityHeaders";

/**
 * Next 16's request proxy: every page and API response gets the security headers, and every page a CSP
 * with a fresh nonce. The nonce travels on the request's own CSP header, where Next reads it to put it on
 * its scripts (pages render per request: app/layout.tsx reads the headers).
 */
export function proxy(request: NextRequest): NextResponse {
  const e = env();
  const https = (e.NEXTAUTH_URL ?? "").startsWith("https:");
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, host: request.headers.get("host"), https, dev: e.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(baseSecurityHeaders(https))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static build output carries no data and is served as it is; everything else passes here.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
