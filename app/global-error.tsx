"use client";

import "./globals.css";

/** A failure in the root layout itself: the same plain page, with its own html and body. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <a href="/" className="brand">
            Coflex
          </a>
        </header>
        <main className="page error-page">
          <h1>Something went wrong on our side</h1>
          <p>The page couldn&apos;t be shown. Nothing you saved is lost. Try again in a moment; if it keeps happening, tell your instructor.</p>
          {error.digest && <p className="muted small">Reference for support: {error.digest}</p>}
          <p className="error-links">
            <button type="button" className="btn btn-primary" onClick={reset}>
              Try again
            </button>
            <a href="/" className="btn">
              Go to your home page
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
