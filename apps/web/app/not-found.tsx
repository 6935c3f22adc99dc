import { buttonClasses, Container } from '@wt/ui';
import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <Container size="sm" className="flex flex-col items-center py-24 text-center sm:py-32">
      <p className="font-mono text-sm font-semibold tracking-widest text-brand-600 dark:text-brand-300">
        404
      </p>
      <h1 className="mt-4 text-4xl font-bold tracking-tight text-ink sm:text-5xl">Page not found</h1>
      <p className="mt-5 max-w-md text-lg leading-8 text-ink-muted">
        This page skipped ahead without the rest of the room. Check the address, or head back and pick
        something to watch.
      </p>
      <div className="mt-10 flex flex-col gap-3 sm:flex-row">
        <Link href="/" className={buttonClasses({ size: 'lg' })}>
          Back to home
        </Link>
        <Link href="/explore" className={buttonClasses({ variant: 'outline', size: 'lg' })}>
          Explore rooms
        </Link>
      </div>
    </Container>
  );
}
