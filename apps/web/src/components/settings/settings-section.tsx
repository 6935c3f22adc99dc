import { Card, cx } from '@wt/ui';
import type { ReactNode } from 'react';

/** One titled block of a settings page, a landmark named by its heading. */
export function SettingsSection({
  id,
  title,
  description,
  aside,
  danger = false,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  /** Status beside the title (a pill). */
  aside?: ReactNode;
  /** Irreversible actions get a red frame. */
  danger?: boolean;
  children: ReactNode;
}) {
  const headingId = `${id}-heading`;
  return (
    <Card
      as="section"
      id={id}
      aria-labelledby={headingId}
      className={cx('scroll-mt-24', danger && 'border-red-200 dark:border-red-900/60')}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold text-ink">
          {title}
        </h2>
        {aside}
      </div>
      {description ? (
        <div className="mt-1 max-w-2xl text-sm leading-6 text-ink-muted">{description}</div>
      ) : null}
      <div className="mt-5">{children}</div>
    </Card>
  );
}

/** What a settings form shows while its saved values load. */
export function SettingsLoading() {
  return (
    <p role="status" className="text-sm text-ink-muted">
      Loading your choices…
    </p>
  );
}
