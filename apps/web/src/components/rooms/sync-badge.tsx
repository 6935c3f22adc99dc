import { cx } from '@wt/ui';
import { syncLabel, syncLevel, syncSentence, type SyncLevel } from '@/sync/sync-level';
import { SyncIcon } from '../icons';

const DOT: Record<SyncLevel, string> = {
  good: 'bg-emerald-500',
  fair: 'bg-amber-500',
  poor: 'bg-red-500',
  unknown: 'bg-ink-muted/50',
};

const TEXT: Record<SyncLevel, string> = {
  good: 'text-emerald-800 dark:text-emerald-200',
  fair: 'text-amber-900 dark:text-amber-100',
  poor: 'text-red-800 dark:text-red-200',
  unknown: 'text-ink-muted',
};

/** A member's sync state: a coloured dot (green, amber, red, grey) and how far off they are. */
export function SyncDot({ driftMs, className }: { driftMs: number | null | undefined; className?: string }) {
  const level = syncLevel(driftMs);
  return (
    <span
      className={cx('inline-flex items-center gap-1 text-[0.7rem] font-medium', TEXT[level], className)}
      title={syncSentence(driftMs)}
      data-sync-level={level}
    >
      <span aria-hidden="true" className={cx('size-2 rounded-full', DOT[level])} />
      <span className="sr-only">{syncSentence(driftMs)}</span>
      <span aria-hidden="true">{syncLabel(driftMs)}</span>
    </span>
  );
}

/** This viewer's own sync, with the one-tap resync. */
export function SyncBadge({ driftMs, onResync }: { driftMs: number | null; onResync: () => void }) {
  const level = syncLevel(driftMs);
  return (
    <div className="flex items-center gap-2" role="group" aria-label="Your sync">
      <span
        className={cx(
          'inline-flex h-8 items-center gap-1.5 rounded-full px-3 text-xs font-semibold ring-1 ring-inset',
          level === 'good' &&
            'bg-emerald-50 ring-emerald-200 dark:bg-emerald-950/40 dark:ring-emerald-800/60',
          level === 'fair' && 'bg-amber-50 ring-amber-200 dark:bg-amber-950/40 dark:ring-amber-800/60',
          level === 'poor' && 'bg-red-50 ring-red-200 dark:bg-red-950/40 dark:ring-red-800/60',
          level === 'unknown' && 'bg-surface-2 ring-line',
          TEXT[level],
        )}
        data-testid="sync-badge"
        data-sync-level={level}
        title={syncSentence(driftMs)}
      >
        <span aria-hidden="true" className={cx('size-2 rounded-full', DOT[level])} />
        {syncLabel(driftMs)}
      </span>
      <button
        type="button"
        onClick={onResync}
        className="inline-flex h-8 items-center gap-1.5 rounded-full px-3 text-xs font-semibold text-ink ring-1 ring-line transition ring-inset hover:ring-brand-300"
      >
        <SyncIcon className="size-3.5" />
        Resync
      </button>
    </div>
  );
}
