import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { currentUser } from "@/lib/auth/currentUser";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/db/seed";
import { env } from "@/lib/env";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await currentUser()) redirect("/");
  return (
    <main className="signin">
      <div className="card">
        <h1>Sign in to Coflex</h1>
        <p className="muted small">FAD co-coding and supervision for process-based therapy training.</p>
        <SignInForm callbackUrl={callbackUrl} />
      </div>
      {env().demo && (
        <div className="card demo">
          <strong>Demo accounts</strong> (password <code>{DEMO_PASSWORD}</code>)
          <ul>
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email}>
                <code>{a.email}</code> — {a.role}
              </li>
            ))}
          </ul>
        </div>
      )}
    </main>
  );
}
