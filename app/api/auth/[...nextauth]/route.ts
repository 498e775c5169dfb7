import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// Built per request so the secret resolved at server start (possibly generated into the data dir) is used.
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return NextAuth(authOptions())(req, { params: await ctx.params }) as Promise<Response>;
}

export { handler as GET, handler as POST };
