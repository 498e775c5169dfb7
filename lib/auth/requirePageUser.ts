import { redirect } from "next/navigation";
import { type CurrentUser, currentUser } from "./currentUser";

/** Pages send an unsigned visitor to sign-in and back to where they were going afterwards. */
export async function requirePageUser(returnTo: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
