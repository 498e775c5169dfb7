import { getServerSession } from "next-auth";
import type { Subject } from "./can";
import { authOptions } from "./options";
import { getDb } from "../db/client";
import { findUserById, loadSubject } from "../db/queries/users";
import { AppError } from "../errors";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  subject: Subject;
}

/** The signed-in user for a page or route handler, re-read from the database (a removed account is out at once). */
export async function currentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const db = await getDb();
  const user = await findUserById(db, id);
  if (!user || user.disabled) return null;
  return { id: user.id, name: user.name, email: user.email, subject: await loadSubject(db, user.id) };
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthenticated");
  return user;
}
