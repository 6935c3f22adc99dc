import type { HTMLAttributes } from 'react';
import { cx } from './cx';

export type PillTone = 'brand' | 'accent' | 'neutral' | 'success' | 'warning';

const tones: Record<PillTone, string> = {
  brand:
    'bg-brand-100 text-brand-800 ring-brand-200 dark:bg-brand-900/50 dark:text-brand-100 dark:ring-brand-700/60',
  accent:
    'bg-accent-100 text-accent-800 ring-accent-200 dark:bg-accent-900/40 dark:text-accent-100 dark:ring-accent-700/50',
  neutral: 'bg-surface-2 text-ink-muted ring-line',
  success:
    'bg-emerald-100 text-emerald-800 ring-emerald-200 dark:bg-emerald-900/40 dark:text-emerald-100 dark:ring-emerald-700/50',
  warning:
    'bg-amber-100 text-amber-900 ring-amber-200 dark:bg-amber-900/40 dark:text-amber-100 dark:ring-amber-700/50',
};

export interface PillProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: PillTone;
}

/** A small rounded label: status, category, "coming soon". */
export function Pill({ tone = 'brand', className, ...props }: PillProps) {
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-xs font-semibold ring-1 ring-inset',
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}
