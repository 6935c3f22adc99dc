import { Card, Logo, Pill } from '@wt/ui';
import Link from 'next/link';
import type { InputHTMLAttributes, ReactNode } from 'react';

export interface AuthCardProps {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: ReactNode;
}

/** The frame of the sign-in and sign-up pages, with the notice that accounts are not open yet. */
export function AuthCard({ title, subtitle, children, footer }: AuthCardProps) {
  return (
    <Card className="w-full max-w-md p-8 shadow-xl shadow-brand-950/10 sm:p-10">
      <Link href="/" className="inline-flex rounded-xl" aria-label="WatchTogether home">
        <Logo />
      </Link>
      <h1 className="mt-8 text-2xl font-bold tracking-tight text-ink">{title}</h1>
      <p className="mt-2 text-sm text-ink-muted">{subtitle}</p>
      <div
        id="accounts-notice"
        role="note"
        className="mt-6 flex items-start gap-3 rounded-2xl border border-amber-200 bg-amber-50 p-4 text-sm leading-6 text-amber-950 dark:border-amber-800/60 dark:bg-amber-950/40 dark:text-amber-100"
      >
        <Pill tone="warning" className="shrink-0">
          Soon
        </Pill>
        <p>
          Accounts are arriving soon. You can look around, but signing in and signing up are not switched on
          yet.
        </p>
      </div>
      <div className="mt-6">{children}</div>
      <p className="mt-8 text-center text-sm text-ink-muted">{footer}</p>
    </Card>
  );
}

export function Field({
  label,
  hint,
  ...input
}: { label: string; hint?: string; name: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = `field-${input.name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <input
        id={id}
        aria-describedby={hintId}
        className="mt-1.5 block h-11 w-full rounded-xl border border-line bg-canvas px-3.5 text-sm text-ink placeholder:text-ink-muted/70 focus-visible:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-500/40"
        {...input}
      />
      {hint ? (
        <p id={hintId} className="mt-1.5 text-xs text-ink-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
