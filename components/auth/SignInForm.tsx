"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";

/** Only same-site paths: an open redirect after sign-in would hand the session to a phishing page. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setBusy(false);
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "That email and password do not match an account.");
      return;
    }
    window.location.assign(safeCallback(callbackUrl));
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-describedby={error ? "signin-error" : undefined}>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <div id="signin-error" className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
