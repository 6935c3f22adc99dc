'use client';

import type { PublicProfile } from '@wt/schemas';
import { cx } from '@wt/ui';
import { useId, useState } from 'react';
import { formatHours, STAT_PERIODS, type StatPeriod } from '@/profile/format';

/** Watch hours with week / month / year / all-time tabs. */
export function WatchStats({ stats }: { stats: NonNullable<PublicProfile['stats']> }) {
  const [period, setPeriod] = useState<StatPeriod>('thisWeek');
  const id = useId();
  const current = STAT_PERIODS.find((p) => p.key === period)!;
  return (
    <div>
      <div role="tablist" aria-label="Watch hours period" className="flex flex-wrap gap-1 rounded-xl bg-surface-2 p-1">
        {STAT_PERIODS.map((p) => (
          <button
            key={p.key}
            type="button"
            role="tab"
            id={`${id}-${p.key}`}
            aria-selected={p.key === period}
            aria-controls={`${id}-panel`}
            onClick={() => setPeriod(p.key)}
            className={cx(
              'flex-1 rounded-lg px-3 py-1.5 text-sm font-medium transition',
              p.key === period ? 'bg-canvas text-ink shadow-sm' : 'text-ink-muted hover:text-ink',
            )}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${period}`} className="mt-4">
        <p className="text-3xl font-semibold tracking-tight text-ink" data-testid="watch-hours">
          {formatHours(stats.watchHours[period])}
        </p>
        <p className="mt-1 text-sm text-ink-muted">watched together, {current.label.toLowerCase()}</p>
      </div>
    </div>
  );
}
