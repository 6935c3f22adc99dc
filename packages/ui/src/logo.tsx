import type { SVGProps } from 'react';
import { cx } from './cx';

/**
 * The mark: two overlapping play shapes, two people pressing play at the same moment.
 * Decorative by default; the wordmark next to it carries the name.
 */
export function LogoMark({ className, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
      className={cx('size-8', className)}
      {...props}
    >
      <rect width="32" height="32" rx="9" className="fill-brand-600" />
      <path
        d="M9 9.5v13a1 1 0 0 0 1.5.86l10.8-6.5a1 1 0 0 0 0-1.72L10.5 8.64A1 1 0 0 0 9 9.5Z"
        className="fill-white/35"
      />
      <path
        d="M13 9.5v13a1 1 0 0 0 1.5.86l10.8-6.5a1 1 0 0 0 0-1.72L14.5 8.64A1 1 0 0 0 13 9.5Z"
        className="fill-accent-400"
      />
    </svg>
  );
}

export interface LogoProps {
  className?: string;
  /** Hide the wordmark on tight layouts; the mark then gets the accessible name. */
  markOnly?: boolean;
}

export function Logo({ className, markOnly = false }: LogoProps) {
  if (markOnly) {
    return (
      <span className={cx('inline-flex', className)}>
        <LogoMark />
        <span className="sr-only">WatchTogether</span>
      </span>
    );
  }
  return (
    <span className={cx('inline-flex items-center gap-2.5', className)}>
      <LogoMark />
      <span className="text-lg font-bold tracking-tight text-ink">
        Watch<span className="text-brand-600 dark:text-brand-300">Together</span>
      </span>
    </span>
  );
}
