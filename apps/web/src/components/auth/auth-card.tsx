import { Card, Logo } from '@wt/ui';
import Link from 'next/link';
import type { ReactNode } from 'react';

export interface AuthCardProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** The frame of the sign-in, sign-up and other account pages. */
export function AuthCard({ title, subtitle, children, footer }: AuthCardProps) {
  return (
    <Card className="w-full max-w-md p-6 shadow-xl shadow-brand-950/10 sm:p-10">
      <Link href="/" className="inline-flex rounded-xl" aria-label="WatchTogether home">
        <Logo />
      </Link>
      <h1 className="mt-8 text-2xl font-bold tracking-tight text-ink">{title}</h1>
      {subtitle ? <div className="mt-2 text-sm leading-6 text-ink-muted">{subtitle}</div> : null}
      <div className="mt-6">{children}</div>
      {footer ? <p className="mt-8 text-center text-sm text-ink-muted">{footer}</p> : null}
    </Card>
  );
}

/** An inline text link in the auth pages' brand colour. */
export const textLinkClasses = 'font-semibold text-brand-600 hover:underline dark:text-brand-300';
