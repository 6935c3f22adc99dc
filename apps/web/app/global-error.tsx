'use client';

import './globals.css';

/** The root layout itself failed: render a bare page with a way back. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="grid min-h-dvh place-items-center bg-canvas p-6 font-sans text-ink">
        <main className="max-w-md text-center">
          <h1 className="text-3xl font-bold tracking-tight">WatchTogether is having a moment</h1>
          <p className="mt-4 text-ink-muted">Something went wrong while loading the app. Please try again.</p>
          <div className="mt-8 flex justify-center gap-3">
            <button
              type="button"
              onClick={reset}
              className="rounded-full bg-brand-600 px-6 py-3 text-sm font-semibold text-white hover:bg-brand-500"
            >
              Try again
            </button>
            {/* A full reload on purpose: the app shell is what failed. */}
            <a href="/" className="rounded-full px-6 py-3 text-sm font-semibold ring-1 ring-line">
              Back to home
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
