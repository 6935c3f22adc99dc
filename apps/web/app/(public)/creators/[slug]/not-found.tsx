import { buttonClasses, Container } from '@wt/ui';
import Link from 'next/link';

export default function CreatorNotFound() {
  return (
    <Container size="sm" className="flex flex-col items-center py-24 text-center sm:py-32">
      <p className="font-mono text-sm font-semibold tracking-widest text-brand-600 dark:text-brand-300">404</p>
      <h1 className="mt-4 text-4xl font-bold tracking-tight text-ink sm:text-5xl">Creator not found</h1>
      <p className="mt-5 max-w-md text-lg leading-8 text-ink-muted">
        No approved creator has this address. Check the link, or find someone new on Shorts.
      </p>
      <Link href="/shorts" className={buttonClasses({ size: 'lg', className: 'mt-10' })}>
        Browse Shorts
      </Link>
    </Container>
  );
}
