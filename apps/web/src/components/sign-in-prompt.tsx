'use client';

import { buttonClasses, Card } from '@wt/ui';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { useAuth } from '@/auth/auth-provider';
import { LockIcon } from './icons';

/**
 * Shown where a page needs an account, once the session restore found none: it says what signing in
 * unlocks and links to sign-in (coming back here afterwards). Signed in, it shows `signedIn` instead.
 */
export function SignInPrompt({
  title,
  children,
  signedIn = null,
  next,
}: {
  title: string;
  children: ReactNode;
  /** What to show a signed-in visitor in the prompt's place. */
  signedIn?: ReactNode;
  /** Where signing in comes back to, when it is more than this page's path (a query string). */
  next?: string;
}) {
  const { status } = useAuth();
  const pathname = usePathname();

  if (status === 'signed-in') return <>{signedIn}</>;
  if (status === 'loading') {
    return (
      <Card className="flex items-center gap-4 border-dashed" aria-busy="true">
        <span className="size-12 shrink-0 animate-pulse rounded-2xl bg-surface-2" aria-hidden="true" />
        <p role="status" className="text-sm text-ink-muted">
          Checking whether you are signed in…
        </p>
      </Card>
    );
  }
  return (
    <Card className="flex flex-col items-start gap-4 border-dashed sm:flex-row sm:items-center">
      <span className="grid size-12 shrink-0 place-items-center rounded-2xl bg-brand-100 text-brand-700 dark:bg-brand-900/60 dark:text-brand-200">
        <LockIcon className="size-6" />
      </span>
      <div className="flex-1">
        <h2 className="text-lg font-semibold text-ink">{title}</h2>
        <p className="mt-1 text-sm leading-6 text-ink-muted">{children}</p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Link
          href={`/sign-in?${new URLSearchParams({ next: next ?? pathname })}`}
          className={buttonClasses({ variant: 'outline', size: 'sm' })}
        >
          Sign in
        </Link>
        <Link href="/sign-up" className={buttonClasses({ size: 'sm' })}>
          Create account
        </Link>
      </div>
    </Card>
  );
}
