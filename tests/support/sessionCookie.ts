import { encode } from "next-auth/jwt";
import { SESSION_COOKIE } from "../../lib/auth/sessionToken";

/** The secret every in-process test server uses; child servers get it as NEXTAUTH_SECRET. */
export const TEST_SECRET = "coflex-test-secret-0123456789abcdef";

/** A next-auth session cookie exactly as a sign-in would set it: "next-auth.session-token=<jwt>". */
export async function sessionCookie(
  user: { id: string; name: string; email: string },
  secret: string = TEST_SECRET,
  loginAt: number = Date.now(),
): Promise<string> {
  const token = await encode({ token: { sub: user.id, name: user.name, email: user.email, loginAt }, secret });
  return `${SESSION_COOKIE}=${token}`;
}
