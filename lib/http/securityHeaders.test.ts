import { describe, expect, it } from "vitest";
import { baseSecurityHeaders, contentSecurityPolicy, newNonce } from "./securityHeaders";

describe("security headers", () => {
  it("builds a nonce CSP without eval in production, framing refused, sockets to the same host allowed", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", host: "clinic.example:3000", https: false, dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self' ws://clinic.example:3000 wss://clinic.example:3000");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("on https allows only wss and upgrades insecure requests; a malformed Host adds no source", () => {
    expect(contentSecurityPolicy({ nonce: "n", host: "coflex.clinic", https: true, dev: false })).toMatch(/connect-src 'self' wss:\/\/coflex\.clinic;.*upgrade-insecure-requests$/);
    expect(contentSecurityPolicy({ nonce: "n", host: "evil; script-src *", https: false, dev: false })).toContain("connect-src 'self';");
  });

  it("sends HSTS only on https, and nosniff, a strict referrer policy and a permissions policy always", () => {
    expect(baseSecurityHeaders(false)["Strict-Transport-Security"]).toBeUndefined();
    expect(baseSecurityHeaders(true)["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(baseSecurityHeaders(false)).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY" });
    expect(baseSecurityHeaders(false)["Permissions-Policy"]).toContain("microphone=()");
  });

  it("makes a different nonce every time", () => {
    expect(new Set(Array.from({ length: 50 }, newNonce)).size).toBe(50);
  });
});
