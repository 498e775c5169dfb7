import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { SESSION_ABSOLUTE_MS, isTokenLive, parseCookieHeader, readSessionUser } from "./sessionToken";

const secret = "test-secret-test-secret-test-secret";

describe("session token", () => {
  it("is live with a subject and a sign-in time under 12 hours old, and dead after", () => {
    const now = Date.now();
    expect(isTokenLive({ sub: "u1", loginAt: now - 1000 }, now)).toBe(true);
    expect(isTokenLive({ sub: "u1", loginAt: now - SESSION_ABSOLUTE_MS - 1 }, now)).toBe(false);
    expect(isTokenLive({ sub: "u1" }, now)).toBe(false);
    expect(isTokenLive({ loginAt: now }, now)).toBe(false);
    expect(isTokenLive(null, now)).toBe(false);
  });

  it("reads the user from a raw Cookie header, and nothing from a forged, expired or missing cookie", async () => {
    const loginAt = Date.now();
    const token = await encode({ secret, token: { sub: "u1", name: "Sam", email: "s@x", loginAt } });
    await expect(readSessionUser(`a=1; next-auth.session-token=${token}`, secret)).resolves.toMatchObject({ id: "u1", name: "Sam", email: "s@x" });
    expect((await readSessionUser(`next-auth.session-token=${token}`, secret))?.endsAt).toBe(loginAt + SESSION_ABSOLUTE_MS);
    await expect(readSessionUser(`next-auth.session-token=${token}x`, secret)).resolves.toBeNull();
    await expect(readSessionUser(`next-auth.session-token=${token}`, "another-secret-another-secret-xx")).resolves.toBeNull();
    const idle = await encode({ secret, token: { sub: "u1", loginAt: Date.now() }, maxAge: -60 });
    await expect(readSessionUser(`next-auth.session-token=${idle}`, secret)).resolves.toBeNull();
    await expect(readSessionUser(undefined, secret)).resolves.toBeNull();
  });

  it("parses cookie headers with spaces, encoded values and junk parts", () => {
    expect(parseCookieHeader(" a=1;b=x%20y; junk ; =z")).toEqual({ a: "1", b: "x y" });
  });
});
