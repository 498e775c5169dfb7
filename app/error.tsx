"use client";

import { ErrorPage } from "@/components/layout/ErrorPage";

/** Any failure while rendering a page: plain words, a retry, a reference for support — never the error's text or stack. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorPage
      title="Something went wrong on our side"
      links={
        <button type="button" className="btn" onClick={reset}>
          Try again
        </button>
      }
    >
      <p>The page couldn&apos;t be shown. Nothing you saved is lost. Try again in a moment; if it keeps happening, tell your instructor.</p>
      {error.digest && <p className="muted small">Reference for support: {error.digest}</p>}
    </ErrorPage>
  );
}
