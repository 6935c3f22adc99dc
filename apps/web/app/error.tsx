'use client';

import { Button, buttonClasses, Container } from '@wt/ui';
import Link from 'next/link';

/** A page failed to render. Say what to do; never show the error itself. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <Container size="sm" className="flex flex-col items-center py-24 text-center sm:py-32">
      <p className="font-mono text-sm font-semibold tracking-widest text-accent-600 dark:text-accent-400">
        Playback hiccup
      </p>
      <h1 className="mt-4 text-4xl font-bold tracking-tight text-ink">Something went wrong</h1>
      <p className="mt-5 max-w-md text-lg leading-8 text-ink-muted">
        This page did not load properly. Try again, and if it keeps happening, come back in a few minutes.
      </p>
      {error.digest ? (
        <p className="mt-3 text-xs text-ink-muted">
          Reference: <span className="font-mono">{error.digest}</span>
        </p>
      ) : null}
      <div className="mt-10 flex flex-col gap-3 sm:flex-row">
        <Button size="lg" onClick={reset}>
          Try again
        </Button>
        <Link href="/" className={buttonClasses({ variant: 'outline', size: 'lg' })}>
          Back to home
        </Link>
      </div>
    </Container>
  );
}
