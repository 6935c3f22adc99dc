import { cx } from '@wt/ui';
import type { ReactNode } from 'react';

export type AlertTone = 'error' | 'success' | 'info' | 'warning';

const tones: Record<AlertTone, string> = {
  error: 'border-red-200 bg-red-50 text-red-950 dark:border-red-800/60 dark:bg-red-950/40 dark:text-red-100',
  success:
    'border-emerald-200 bg-emerald-50 text-emerald-950 dark:border-emerald-800/60 dark:bg-emerald-950/40 dark:text-emerald-100',
  info: 'border-brand-200 bg-brand-50 text-brand-950 dark:border-brand-800/60 dark:bg-brand-950/40 dark:text-brand-100',
  warning:
    'border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-800/60 dark:bg-amber-950/40 dark:text-amber-100',
};

/**
 * A message about the whole form or page: errors are announced at once (role="alert"), other news
 * politely (role="status").
 */
export function FormAlert({
  tone = 'error',
  title,
  children,
  className,
}: {
  tone?: AlertTone;
  title?: string;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cx('rounded-2xl border p-4 text-sm leading-6', tones[tone], className)}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? 'mt-1' : undefined}>{children}</div> : null}
    </div>
  );
}
