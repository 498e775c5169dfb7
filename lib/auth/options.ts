import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db/client";
import { findUserByEmail } from "../db/queries/users";
import { DUMMY_HASH, verifyPassword } from "./password";
import { SESSION_IDLE_SECONDS, isTokenLive } from "./sessionToken";
import { signInThrottles } from "./throttle";
import { env } from "../env";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

/** The server overwrites this header with the socket's address, so a client cannot choose its own IP. */
export const CLIENT_IP_HEADER = "x-coflex-client-ip";

function minutes(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

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
          const parsed = credentialsSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error("Enter your email address and password.");
          const { email, password } = parsed.data;
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const ip = headers[CLIENT_IP_HEADER] ?? "unknown";
          const throttles = signInThrottles();
          const wait = Math.max(throttles.account.retryAfter(email), throttles.ip.retryAfter(ip));
          if (wait > 0) {
            throw new Error(`Too many failed sign-ins. Try again in ${minutes(wait)} minute${minutes(wait) === 1 ? "" : "s"}.`);
          }
          const db = await getDb();
          const user = await findUserByEmail(db, email);
          const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
          if (!user || !ok || user.disabled) {
            throttles.account.fail(email);
            throttles.ip.fail(ip);
            throw new Error("That email and password do not match an account.");
          }
          throttles.account.reset(email);
          return { id: user.id, name: user.name, email: user.email };
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
