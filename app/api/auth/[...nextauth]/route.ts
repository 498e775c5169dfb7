import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { route } from "@/lib/http/route";

// Built per request so the secret resolved at server start (possibly generated into the data dir) is used.
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return NextAuth(authOptions())(req, { params: await ctx.params }) as Promise<Response>;
}

/**
 * next-auth checks its own CSRF token (double-submit cookie) on sign-in and sign-out; the wrapper adds the
 * same Origin rule as every other route and accepts only the urlencoded form its pages and scripts send
 * (CONTRACTS §3).
 */
export { handler as GET };
export const POST = route(handler, { body: "form" });
