import { z } from "zod";
import type { Db } from "../db/client";
import { findUserByEmail } from "../db/queries/users";
import { DUMMY_HASH, verifyPassword } from "./password";
import type { SignInThrottles } from "./throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

/** A refusal whose message is shown on the sign-in form as it is. */
export class SignInError extends Error {
  override name = "SignInError";
}

function minutes(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

/**
 * The credentials check behind next-auth's credentials provider: throttled per account and per IP (in
 * Redis when there is one, so every node counts the same failures), a constant-cost hash check for unknown
 * accounts, and one message for every kind of mismatch.
 */
export async function signInWithPassword(
  deps: { db: Db; throttles: SignInThrottles },
  credentials: unknown,
  ip: string,
): Promise<{ id: string; name: string; email: string }> {
  const parsed = credentialsSchema.safeParse(credentials ?? {});
  if (!parsed.success) throw new SignInError("Enter your email address and password.");
  const { email, password } = parsed.data;
  const { throttles } = deps;
  const wait = Math.max(await throttles.account.retryAfter(email), await throttles.ip.retryAfter(ip));
  if (wait > 0) {
    const m = minutes(wait);
    throw new SignInError(`Too many failed sign-ins. Try again in ${m} minute${m === 1 ? "" : "s"}.`);
  }
  const user = await findUserByEmail(deps.db, email);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) {
    await Promise.all([throttles.account.fail(email), throttles.ip.fail(ip)]);
    throw new SignInError("That email and password do not match an account.");
  }
  await throttles.account.reset(email);
  return { id: user.id, name: user.name, email: user.email };
}
