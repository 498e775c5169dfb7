import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { signInWithPassword } from "./signIn";
import { SESSION_IDLE_SECONDS, isTokenLive } from "./sessionToken";
import { signInThrottles } from "./throttle";
import { env } from "../env";

/** The server overwrites this header with the socket's address, so a client cannot choose its own IP. */
export const CLIENT_IP_HEADER = "x-coflex-client-ip";

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
    jwt: { maxAge: SESSION_IDLE_SECONDS },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const e = env();
          const throttles = signInThrottles({ redisUrl: e.REDIS_URL, secret: e.NEXTAUTH_SECRET ?? "" });
          return signInWithPassword({ db: await getDb(), throttles }, credentials, headers[CLIENT_IP_HEADER] ?? "unknown");
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.loginAt = Date.now();
        }
        // Past the 12-hour cap the token loses its identity, so every reader treats it as signed out.
        if (!isTokenLive(token)) return { expired: true };
        return token;
      },
      async session({ session, token }) {
        if (!isTokenLive(token) || !session.user) return { ...session, user: undefined };
        return { ...session, user: { ...session.user, id: token.sub as string } };
      },
    },
  };
}
