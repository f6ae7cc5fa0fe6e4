"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p className="lede">This page could not be shown. The rest of the dashboard still works.</p>
      {error.digest && <p className="meta">Reference: {error.digest}</p>}
      <button type="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
