import { buttonClasses, Card } from '@wt/ui';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { LockIcon } from './icons';

/**
 * Shown where a page needs an account. Accounts are not open yet, so it says so plainly and
 * points somewhere useful instead of showing an empty or made-up list.
 */
export function SignInPrompt({ title, children }: { title: string; children: ReactNode }) {
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
        <Link href="/sign-in" className={buttonClasses({ variant: 'outline', size: 'sm' })}>
          Sign in
        </Link>
        <Link href="/sign-up" className={buttonClasses({ size: 'sm' })}>
          Create account
        </Link>
      </div>
    </Card>
  );
}
