import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The page for anything that went wrong — not found, not allowed, a failure on our side — with the
 * app's header, a sentence in plain words and a way on. Never a stack trace or a framework default.
 */
export function ErrorPage({ title, children, links }: { title: string; children: ReactNode; links?: ReactNode }) {
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          Coflex
        </Link>
        <span className="spacer" />
        <Link href="/" className="small">
          Home
        </Link>
      </header>
      <main className="page error-page">
        <h1>{title}</h1>
        {children}
        <p className="error-links">
          <Link href="/" className="btn btn-primary">
            Go to your home page
          </Link>
          {links}
        </p>
      </main>
    </>
  );
}
